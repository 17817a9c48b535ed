import { z } from 'zod';
import { query } from '../contract/define';
import { Id } from '../domain/ids';

/** Records whose delete reaches other records (leads of a contact, spend of a campaign …). */
export const DeletableKind = z.enum(['contact', 'company', 'lead', 'campaign', 'plan', 'content', 'cadence']);
export type DeletableKind = z.infer<typeof DeletableKind>;

export const DependentFate = z.enum(['cascade', 'unlink', 'choice', 'block', 'stop']);
export type DependentFate = z.infer<typeof DependentFate>;

/** Asked for when a contact has leads: delete them with it, or keep them without a contact. */
export const DependentsChoice = z.enum(['delete', 'keep']);
export type DependentsChoice = z.infer<typeof DependentsChoice>;

export const DeletionImpact = z.object({
  /** One line per kind of dependent that exists, e.g. "3 orders stay, without this contact". */
  dependents: z.array(z.object({ fate: DependentFate, count: z.number().int(), sentence: z.string() })),
  /** The delete needs `dependents: 'delete' | 'keep'`. */
  needsChoice: z.boolean(),
  /** The delete is refused, and why. */
  blocked: z.string().nullable(),
});
export type DeletionImpact = z.infer<typeof DeletionImpact>;

export const deletionApi = {
  /** What deleting a record would do to the records that point at it, before the user confirms. */
  'deletion.impact': query(z.strictObject({ kind: DeletableKind, id: Id }), DeletionImpact),
};
