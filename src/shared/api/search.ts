import { z } from 'zod';
import { query } from '../contract/define';

export const SearchKind = z.enum(['contact', 'company', 'lead', 'activity']);
export type SearchKind = z.infer<typeof SearchKind>;

export const SearchHit = z.object({
  kind: SearchKind,
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** Where an activity (or lead) belongs, for opening it in context. */
  leadId: z.string().nullable(),
  contactId: z.string().nullable(),
  /** An activity's day (done, else due), for the screen to write in the user's format; null for the rest. */
  date: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const searchApi = {
  /** Every word is prefix-matched ("tast" finds "tasting"); hits are ranked by relevance (bm25). */
  'search.query': query(
    z.strictObject({
      text: z.string().trim().min(1, 'type something to search for').max(200),
      limit: z.number().int().min(1).max(50).default(20),
      kinds: z.array(SearchKind).min(1).optional(),
    }),
    z.array(SearchHit),
  ),
};
