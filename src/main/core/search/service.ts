import type { SearchHit, SearchKind } from '@shared/api/search';
import { CONTACT_NAME } from '../activities/queries';
import type { Ctx } from '../context';
import { all } from '../db/prepared';
import { ftsQuery, kindRange } from './fts';

/**
 * bm25 ranks the newest matches only, at most this many. A query matching more (a single common word over
 * half a million activities) would otherwise score every match; newest-first keeps such a query within the
 * keystroke budget while every query that matches fewer is ranked exactly.
 */
const CANDIDATES = 500;

type Detail = Omit<SearchHit, 'kind'>;

const DETAIL_SQL: Record<SearchKind, string> = {
  contact: `SELECT c.id, ${CONTACT_NAME('c')} AS title, concat_ws(' · ', co.name, c.email, c.phone) AS subtitle,
      NULL AS leadId, c.id AS contactId, NULL AS date
    FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
    WHERE c.id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL`,
  company: `SELECT co.id, co.name AS title, concat_ws(' · ', co.domain, co.website, co.phone) AS subtitle,
      NULL AS leadId, NULL AS contactId, NULL AS date
    FROM companies co WHERE co.id IN (SELECT value FROM json_each(?)) AND co.deleted_at IS NULL`,
  lead: `SELECT l.id, l.title, concat_ws(' · ', ${CONTACT_NAME('c')}, s.name, cp.name) AS subtitle,
      l.id AS leadId, l.contact_id AS contactId, NULL AS date
    FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id
    LEFT JOIN contacts c ON c.id = l.contact_id LEFT JOIN campaigns cp ON cp.id = l.campaign_id
    WHERE l.id IN (SELECT value FROM json_each(?)) AND l.deleted_at IS NULL`,
  activity: `SELECT a.id, a.subject AS title,
      concat_ws(' · ', upper(substr(a.type, 1, 1)) || substr(a.type, 2), coalesce(l.title, ${CONTACT_NAME('c')}))
        AS subtitle,
      a.lead_id AS leadId, a.contact_id AS contactId, substr(coalesce(a.done_at, a.due_at), 1, 10) AS date
    FROM activities a LEFT JOIN leads l ON l.id = a.lead_id LEFT JOIN contacts c ON c.id = a.contact_id
    WHERE a.id IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL`,
};

type Ranked = { kind: SearchKind; refId: string };

/** The best `limit` index entries for one FTS query, titles weighing more than bodies. */
function ranked(ctx: Ctx, match: string, range: string, limit: number): Ranked[] {
  return all<Ranked>(
    ctx.sqlite,
    `WITH candidates AS MATERIALIZED (
       SELECT rowid AS rid, bm25(search_index, 4.0, 1.0) AS score FROM search_index
       WHERE search_index MATCH ?${range} ORDER BY rowid DESC LIMIT ${CANDIDATES}
     ), best AS MATERIALIZED (SELECT rid, score FROM candidates ORDER BY score LIMIT ?)
     SELECT r.kind, r.ref_id AS refId FROM best JOIN search_refs r ON r.id = best.rid ORDER BY best.score, best.rid DESC`,
    match,
    limit,
  );
}

/**
 * Global search over contacts, companies, leads and activity subjects/notes. Hits where the last word is
 * already a whole word rank first; prefix matches ("tast" → tasting) fill the rest. Asking for whole words
 * first also keeps a common finished word cheap: its list is read lazily instead of merging every term that
 * starts with it.
 */
export function searchAll(
  ctx: Ctx,
  input: { text: string; limit: number; kinds?: SearchKind[] | undefined },
): SearchHit[] {
  const prefix = ftsQuery(input.text);
  const exact = ftsQuery(input.text, { prefixLast: false });
  if (!prefix || !exact) return [];
  const kinds = input.kinds ? [...new Set(input.kinds)] : undefined;
  const range =
    kinds && kinds.length < 4
      ? ` AND (${kinds.map((k) => `(rowid >= ${kindRange(k).lo} AND rowid < ${kindRange(k).hi})`).join(' OR ')})`
      : '';
  // Spare hits, in case the detail queries below leave one out (a row deleted but not yet unindexed).
  const wanted = input.limit + 10;
  const hits = ranked(ctx, exact, range, wanted);
  if (hits.length < wanted && prefix !== exact) {
    const seen = new Set(hits.map((h) => h.refId));
    hits.push(...ranked(ctx, prefix, range, wanted).filter((h) => !seen.has(h.refId)));
  }
  const details = new Map<string, Detail>();
  for (const kind of ['contact', 'company', 'lead', 'activity'] as const) {
    const ids = hits.filter((r) => r.kind === kind).map((r) => r.refId);
    if (ids.length === 0) continue;
    for (const d of all<Detail>(ctx.sqlite, DETAIL_SQL[kind], JSON.stringify(ids))) details.set(d.id, d);
  }
  return hits
    .flatMap((r) => {
      const detail = details.get(r.refId);
      return detail ? [{ kind: r.kind, ...detail }] : [];
    })
    .slice(0, input.limit);
}
