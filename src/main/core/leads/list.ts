import type { z } from 'zod';
import type { LeadListInput, LeadPage } from '@shared/api/leads';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import { leadFilter, leadsByIds, type SqlFilter } from './queries';
import { stageRows } from './stages';
import type { leads } from '../db/schema';
import type { Count, Row } from '../db/typed';

type ListInput = z.output<typeof LeadListInput>;
type Sort = ListInput['sort'];
interface Page {
  dir: 'ASC' | 'DESC';
  offset: number;
  limit: number;
}

/** Sorts that an index on live leads serves directly (see the leads_live_* indexes). */
const COLUMN_SORTS: Record<Exclude<Sort, 'stage' | 'contact'>, string> = {
  createdAt: 'l.created_at',
  updatedAt: 'l.updated_at',
  title: 'l.title COLLATE NOCASE',
  value: 'l.value_minor',
  expectedClose: 'l.expected_close_date',
  rating: 'l.rating',
};

/** Matches above which a sorted page is read by walking the sort index rather than the filter's index. */
const BROAD_FILTER = 2_000;

function count(ctx: Ctx, f: SqlFilter, extra = '', ...params: unknown[]): number {
  // With table statistics SQLite may prefer a full table scan for a plain count; the board index is far smaller.
  const from =
    f.byStageOnly && !extra.includes('contact_id') ? 'leads l INDEXED BY leads_stage_idx' : 'leads l';
  return (
    get<Count>(
      ctx.sqlite,
      `SELECT count(*) AS n FROM ${from} WHERE ${f.where}${extra}`,
      ...f.params,
      ...params,
    )?.n ?? 0
  );
}

function ids(ctx: Ctx, sql: string, ...params: unknown[]): string[] {
  return all<Row<typeof leads, 'id'>>(ctx.sqlite, sql, ...params).map((r) => r.id);
}

/**
 * Pipeline order: stage by stage (by position), in board order within a stage. Walks the stages and skips
 * whole stages by their counts, so each step reads the board index instead of sorting every lead.
 */
function byStage(ctx: Ctx, f: SqlFilter, p: Page): string[] {
  const stages = stageRows(ctx);
  if (p.dir === 'DESC') stages.reverse();
  const out: string[] = [];
  let skip = p.offset;
  for (const stage of stages) {
    if (out.length >= p.limit) break;
    const n = count(ctx, f, ' AND l.stage_id = ?', stage.id);
    if (skip >= n) {
      skip -= n;
      continue;
    }
    out.push(
      ...ids(
        ctx,
        `SELECT l.id FROM leads l WHERE ${f.where} AND l.stage_id = ? ORDER BY l.board_rank ${p.dir}, l.id ${p.dir} LIMIT ? OFFSET ?`,
        ...f.params,
        stage.id,
        p.limit - out.length,
        skip,
      ),
    );
    skip = 0;
  }
  return out;
}

/**
 * By contact name, leads without a contact last. The contacts' name index drives the order (CROSS JOIN keeps
 * SQLite from sorting every lead instead); leads without a contact are appended from a second query.
 */
function byContact(ctx: Ctx, f: SqlFilter, p: Page): string[] {
  const withContact = ids(
    ctx,
    `SELECT l.id FROM contacts c CROSS JOIN leads l ON l.contact_id = c.id WHERE ${f.where}
     ORDER BY lower(c.last_name) ${p.dir}, lower(c.first_name) ${p.dir}, c.id ${p.dir}, l.id ${p.dir} LIMIT ? OFFSET ?`,
    ...f.params,
    p.limit,
    p.offset,
  );
  if (withContact.length === p.limit) return withContact;
  const before =
    withContact.length > 0 ? 0 : Math.max(0, p.offset - count(ctx, f, ' AND l.contact_id IS NOT NULL'));
  return [
    ...withContact,
    ...ids(
      ctx,
      `SELECT l.id FROM leads l WHERE ${f.where} AND l.contact_id IS NULL ORDER BY l.created_at DESC, l.id DESC LIMIT ? OFFSET ?`,
      ...f.params,
      p.limit - withContact.length,
      before,
    ),
  ];
}

/** Sort terms for a searched (already narrowed) set, where sorting the matches directly is cheap. */
const SET_SORTS: Record<Sort, string[]> = {
  ...(Object.fromEntries(Object.entries(COLUMN_SORTS).map(([k, v]) => [k, [v]])) as Record<
    keyof typeof COLUMN_SORTS,
    string[]
  >),
  stage: ['(SELECT s.position FROM pipeline_stages s WHERE s.id = l.stage_id)', 'l.board_rank'],
  contact: [
    '(SELECT lower(c.last_name) FROM contacts c WHERE c.id = l.contact_id)',
    '(SELECT lower(c.first_name) FROM contacts c WHERE c.id = l.contact_id)',
  ],
};

/** A text search selects a set of leads anyway: sort it and count it in the same pass. */
function searchedPage(ctx: Ctx, f: SqlFilter, sort: Sort, p: Page): LeadPage {
  const order = [...SET_SORTS[sort], 'l.id'].map((term) => `${term} ${p.dir}`).join(', ');
  const rows = all<Row<typeof leads, 'id'> & { total: number }>(
    ctx.sqlite,
    `SELECT l.id, count(*) OVER () AS total FROM leads l WHERE ${f.where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    ...f.params,
    p.limit,
    p.offset,
  );
  const total = rows[0]?.total ?? (p.offset > 0 ? count(ctx, f) : 0);
  return {
    total,
    rows: leadsByIds(
      ctx,
      rows.map((r) => r.id),
    ),
  };
}

/** The lead table: filtered, sorted and paged in SQL, so a page of 100k leads costs about the same as of 100. */
export function listLeads(ctx: Ctx, input: ListInput): LeadPage {
  const f = leadFilter(input);
  const page: Page = {
    dir: input.direction === 'asc' ? 'ASC' : 'DESC',
    offset: input.offset,
    limit: input.limit,
  };
  if (f.searched) return searchedPage(ctx, f, input.sort, page);
  const total = count(ctx, f);
  let pageIds: string[];
  if (input.sort === 'stage') pageIds = byStage(ctx, f, page);
  else if (input.sort === 'contact') pageIds = byContact(ctx, f, page);
  else {
    // The count says how selective the filter is: a broad one walks the sort index, a narrow one its own index.
    const where = total > BROAD_FILTER ? f.scanWhere : f.where;
    pageIds = ids(
      ctx,
      `SELECT l.id FROM leads l WHERE ${where} ORDER BY ${COLUMN_SORTS[input.sort]} ${page.dir}, l.id ${page.dir} LIMIT ? OFFSET ?`,
      ...f.params,
      page.limit,
      page.offset,
    );
  }
  return { total, rows: leadsByIds(ctx, pageIds) };
}
