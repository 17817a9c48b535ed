import { z } from 'zod';
import { command } from '../contract/define';
import { Id } from '../domain/ids';
import { Activity } from './activities';
import { FollowUpsOnClose, Lead } from './leads';

/**
 * Compare-and-set writes behind Ctrl/Cmd+Z and redo. Each names the value it expects to find (what the action
 * being undone or redone left) and the value to put back; when the record changed since, nothing is written
 * and the call fails with `conflict`, so an undo never overwrites a later change.
 */
const Instant = z.string().min(1).max(40);

export const undoApi = {
  /** Reopen a follow-up marked done (or mark it done again): its done time and outcome. */
  'activities.revertDone': command(
    z.strictObject({
      id: Id,
      expect: z.strictObject({ doneAt: Instant.nullable() }),
      doneAt: Instant.nullable(),
      /** The outcome to put back; absent leaves it as it is. */
      outcome: z.string().max(500).nullable().optional(),
    }),
    Activity,
  ),
  /** Put a snoozed follow-up's due time back (or snooze it again). */
  'activities.revertDue': command(
    z.strictObject({
      id: Id,
      expect: z.strictObject({ dueAt: Instant.nullable() }),
      dueAt: Instant.nullable(),
    }),
    Activity,
  ),
  /**
   * Put a lead back where it was (stage, place on the board, lost reason, closed time), or move it again.
   * `undo` forgets the stage change being undone from the history and, when a close is undone, reopens the
   * follow-ups that close settled; a redo records the change again and settles them as `followUps` says.
   */
  'leads.revertStage': command(
    z.strictObject({
      id: Id,
      expect: z.strictObject({ stageId: Id }),
      to: z.strictObject({
        stageId: Id,
        boardRank: z.number(),
        lostReason: z.string().max(300).nullable(),
        closedAt: Instant.nullable(),
      }),
      undo: z.boolean(),
      followUps: FollowUpsOnClose.optional(),
    }),
    Lead,
  ),
  /** Put a lead's rating back as it was (stars, note, who and when). */
  'leads.revertRating': command(
    z.strictObject({
      id: Id,
      expect: z.strictObject({ rating: z.number().int().nullable(), note: z.string().max(500) }),
      to: z.strictObject({
        rating: z.number().int().min(1).max(5).nullable(),
        note: z.string().max(500),
        ratedBy: z.string().max(100).nullable(),
        ratedAt: Instant.nullable(),
      }),
    }),
    Lead,
  ),
};
