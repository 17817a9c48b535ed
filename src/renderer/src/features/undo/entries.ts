import type { Activity, ActivityWithNext } from '@shared/api/activities';
import type { Campaign } from '@shared/api/campaigns';
import type { ContentItem } from '@shared/api/content';
import type { FollowUpsOnClose, Lead } from '@shared/api/leads';
import { client } from '../../lib/client';
import type { Undoable } from '../../lib/undo';

/**
 * Undo entries for the writes that have no delete to restore: each undo and redo is a compare-and-set in
 * the core (src/shared/api/undo.ts) that refuses when the record changed since.
 */

const placeOf = (l: Lead) => ({
  stageId: l.stageId,
  boardRank: l.boardRank,
  lostReason: l.lostReason,
  closedAt: l.closedAt,
});

/** A card moved (or closed) from `before` to `after`. */
export function leadMoveEntry(before: Lead, after: Lead, followUps?: FollowUpsOnClose): Undoable {
  const label =
    before.stageId === after.stageId
      ? `reordered “${after.title}” in ${after.stageName}`
      : `moved “${after.title}” to ${after.stageName}`;
  return {
    label,
    undo: () =>
      client.call('leads.revertStage', {
        id: after.id,
        expect: { stageId: after.stageId },
        to: placeOf(before),
        undo: true,
      }),
    redo: () =>
      client.call('leads.revertStage', {
        id: after.id,
        expect: { stageId: before.stageId },
        to: placeOf(after),
        undo: false,
        ...(followUps ? { followUps } : {}),
      }),
  };
}

/**
 * A follow-up marked done (and its next one scheduled). `previousOutcome` is what the open follow-up said
 * before, when known; an outcome typed while completing is cleared by the undo.
 */
export function completeEntry(
  result: ActivityWithNext,
  typedOutcome: string,
  previousOutcome: string | null | undefined,
): Undoable {
  const { activity, next } = result;
  const outcomeBack = typedOutcome.trim() ? (previousOutcome ?? null) : undefined;
  return {
    label: `marked “${activity.subject}” done`,
    undo: async () => {
      await client.call('activities.revertDone', {
        id: activity.id,
        expect: { doneAt: activity.doneAt },
        doneAt: null,
        ...(outcomeBack !== undefined ? { outcome: outcomeBack } : {}),
      });
      if (next) await client.call('activities.delete', { id: next.id });
    },
    redo: async () => {
      await client.call('activities.revertDone', {
        id: activity.id,
        expect: { doneAt: null },
        doneAt: activity.doneAt,
        outcome: activity.outcome,
      });
      if (next) await client.call('activities.restore', { id: next.id });
    },
  };
}

/** A follow-up snoozed from `dueAt` to the answer's due time. */
export function snoozeEntry(previousDueAt: string | null, after: Activity, when: string): Undoable {
  return {
    label: `snoozed “${after.subject}” to ${when}`,
    undo: () =>
      client.call('activities.revertDue', {
        id: after.id,
        expect: { dueAt: after.dueAt },
        dueAt: previousDueAt,
      }),
    redo: () =>
      client.call('activities.revertDue', {
        id: after.id,
        expect: { dueAt: previousDueAt },
        dueAt: after.dueAt,
      }),
  };
}

/** A lead rated (or its rating cleared or its note changed). */
export function ratingEntry(before: Lead, after: Lead): Undoable {
  const rating = (l: Lead) => ({ rating: l.rating, note: l.ratingNote });
  const full = (l: Lead) => ({ ...rating(l), ratedBy: l.ratedBy, ratedAt: l.ratedAt });
  return {
    label:
      after.rating === null
        ? `cleared the rating of “${after.title}”`
        : `rated “${after.title}” ${after.rating} of 5`,
    undo: () => client.call('leads.revertRating', { id: after.id, expect: rating(after), to: full(before) }),
    redo: () => client.call('leads.revertRating', { id: after.id, expect: rating(before), to: full(after) }),
  };
}

/** A record sent to the Trash: undo restores it with what its delete took, redo deletes it again. */
export function deleteEntry(
  label: string,
  restore: () => Promise<unknown>,
  remove: () => Promise<unknown>,
): Undoable {
  return { label: `deleted ${label}`, undo: restore, redo: remove };
}

/**
 * A content item marked done (published) from Today. Content has no compare-and-set method: the undo puts
 * the status back only while the item is still as the action left it, and says so otherwise.
 */
export function contentDoneEntry(before: ContentItem, after: ContentItem): Undoable {
  const setStatus = async (expect: ContentItem['status'], status: ContentItem['status']) => {
    const now = await client.call('content.get', { id: after.id });
    if (now.status !== expect) throw new Error(`“${now.title}” changed since; it was left as it is.`);
    await client.call('content.update', { id: after.id, patch: { status } });
  };
  return {
    label: `marked “${after.title}” published`,
    undo: () => setStatus('published', before.status),
    redo: () => setStatus(before.status, 'published'),
  };
}

/**
 * A campaign marked launched (active) from Today. As with content, the undo puts the status back only while
 * the campaign is still as the action left it.
 */
export function campaignLaunchedEntry(before: Campaign, after: Campaign): Undoable {
  const setStatus = async (expect: Campaign['status'], status: Campaign['status']) => {
    const now = await client.call('campaigns.get', { id: after.id });
    if (now.status !== expect) throw new Error(`“${now.name}” changed since; it was left as it is.`);
    await client.call('campaigns.update', { id: after.id, patch: { status } });
  };
  return {
    label: `marked “${after.name}” launched`,
    undo: () => setStatus('active', before.status),
    redo: () => setStatus(before.status, 'active'),
  };
}
