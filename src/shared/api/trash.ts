import { z } from 'zod';
import { command, query } from '../contract/define';
import { Id } from '../domain/ids';

/** Every kind of record that goes to the Trash when deleted and can come back. */
export const TrashKind = z.enum([
  'contact',
  'company',
  'lead',
  'activity',
  'campaign',
  'spend',
  'content',
  'plan',
  'cadence',
]);
export type TrashKind = z.infer<typeof TrashKind>;

export const TrashEntry = z.object({
  kind: TrashKind,
  id: z.string(),
  /** What the user called it: a name, a title, a subject. */
  label: z.string(),
  /** Where it belonged (a follow-up's lead, a spend entry's campaign), or empty. */
  detail: z.string(),
  /** The record's own day (a spend entry's), shown with the label. */
  day: z.string().nullable(),
  deletedAt: z.string(),
});
export type TrashEntry = z.infer<typeof TrashEntry>;

export const trashApi = {
  /**
   * Records in the Trash, newest delete first. Records that went with another (a contact's notes, a
   * campaign's spend) are not listed on their own: they come back with it.
   */
  'trash.list': query(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(200) }),
    z.object({ total: z.number().int(), rows: z.array(TrashEntry) }),
  ),
  /** Bring a record back with everything its delete took, as its kind's own restore does. */
  'trash.restore': command(z.strictObject({ kind: TrashKind, id: Id }), TrashEntry),
  /**
   * Delete a record in the Trash for good, with what went with it; records that stay (a kept lead, an order)
   * lose the link for good. Cannot be undone.
   */
  'trash.purge': command(z.strictObject({ kind: TrashKind, id: Id }), TrashEntry),
};
