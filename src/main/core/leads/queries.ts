import type { Lead, LeadFilter } from '@shared/api/leads';
import { fail } from '@shared/contract/result';
import { CONTACT_NAME } from '../activities/queries';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import type { activities, leads, pipelineStages } from '../db/schema';
import type { Row, With } from '../db/typed';
import { ftsQuery, matchingIds } from '../search/fts';
import { todayOf } from '../today/day';

/** The SELECT below: the lead's columns, its stage's, and the names of what it links to. */
type LeadRow = With<
  Row<
    typeof leads,
    | 'id'
    | 'title'
    | 'contactId'
    | 'companyId'
    | 'campaignId'
    | 'channel'
    | 'stageId'
    | 'valueMinor'
    | 'expectedCloseDate'
    | 'owner'
    | 'rating'
    | 'ratingNote'
    | 'ratedBy'
    | 'ratedAt'
    | 'lostReason'
    | 'closedAt'
    | 'boardRank'
    | 'createdAt'
    | 'updatedAt'
  > &
    Row<typeof pipelineStages, 'outcome' | 'probability'>,
  Pick<Lead, 'channel' | 'outcome'>
> & {
  contactName: string | null;
  companyName: string | null;
  campaignName: string | null;
  stageName: string;
};

const SELECT = `SELECT l.id, l.title, l.contact_id AS contactId, ${CONTACT_NAME('c')} AS contactName,
  l.company_id AS companyId, co.name AS companyName, l.campaign_id AS campaignId, cp.name AS campaignName,
  l.channel, l.stage_id AS stageId, s.name AS stageName, s.outcome, s.probability,
  l.value_minor AS valueMinor, l.expected_close_date AS expectedCloseDate, l.owner, l.rating,
  l.rating_note AS ratingNote, l.rated_by AS ratedBy, l.rated_at AS ratedAt, l.lost_reason AS lostReason,
  l.closed_at AS closedAt, l.board_rank AS boardRank, l.created_at AS createdAt, l.updated_at AS updatedAt
FROM leads l
JOIN pipeline_stages s ON s.id = l.stage_id
LEFT JOIN contacts c ON c.id = l.contact_id
LEFT JOIN companies co ON co.id = l.company_id
LEFT JOIN campaigns cp ON cp.id = l.campaign_id`;

/** Leads by id in the order given, each with its next open follow-up. */
export function leadsByIds(ctx: Ctx, ids: string[]): Lead[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const rows = all<LeadRow>(ctx.sqlite, `${SELECT} WHERE l.id IN (SELECT value FROM json_each(?))`, json);
  // SQLite takes the bare columns from the row that holds min(due_at): the earliest open follow-up with a
  // due date (min ignores NULLs; when every open one is undated, dueAt is NULL and there is no next one).
  const open = all<
    { leadId: string; dueAt: string | null; count: number } & Row<
      typeof activities,
      'id' | 'type' | 'subject'
    >
  >(
    ctx.sqlite,
    `SELECT lead_id AS leadId, id, type, subject, min(due_at) AS dueAt, count(*) AS count FROM activities
     WHERE lead_id IN (SELECT value FROM json_each(?)) AND done_at IS NULL AND deleted_at IS NULL
     GROUP BY lead_id`,
    json,
  );
  const today = todayOf(ctx);
  const openBy = new Map(
    open.map(({ leadId, count, dueAt, ...a }) => {
      const dueDate = dueAt?.slice(0, 10);
      const next = dueAt && dueDate ? { ...a, dueAt, dueDate, overdue: dueDate < today } : null;
      return [leadId, { next, count }];
    }),
  );
  const byId = new Map(
    rows.map((r) => {
      const o = openBy.get(r.id);
      return [r.id, { ...r, nextActivity: o?.next ?? null, openFollowUps: o?.count ?? 0 }];
    }),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export function getLead(ctx: Ctx, id: string, includeDeleted = false): Lead {
  const exists = get<Row<typeof leads, 'id'>>(
    ctx.sqlite,
    `SELECT id FROM leads WHERE id = ?${includeDeleted ? '' : ' AND deleted_at IS NULL'}`,
    id,
  );
  const lead = exists ? leadsByIds(ctx, [id])[0] : undefined;
  if (!lead) return fail('not_found', 'That lead does not exist or was deleted.');
  return lead;
}

export interface SqlFilter {
  where: string;
  /**
   * The same conditions with their columns wrapped in unary `+`, which stops SQLite from using their indexes:
   * for a filter that matches many leads, walking the sort index and skipping non-matches beats looking up
   * every match and sorting them.
   */
  scanWhere: string;
  params: unknown[];
  /** Only stage or outcome conditions: the board index alone can count the matches. */
  byStageOnly: boolean;
  /** A full-text condition is part of the filter. */
  searched: boolean;
}

/** WHERE clause over `leads l` for the filters the table and the board share. */
export function leadFilter(filter: LeadFilter): SqlFilter {
  // `{+}` marks where the index-disabling `+` goes in scanWhere.
  const where = ['l.deleted_at IS NULL'];
  const params: unknown[] = [];
  const eq = (sql: string, value?: unknown) => {
    where.push(sql);
    if (value !== undefined) params.push(value);
  };
  if (filter.stageId) eq('{+}l.stage_id = ?', filter.stageId);
  if (filter.outcome)
    eq('{+}l.stage_id IN (SELECT id FROM pipeline_stages WHERE outcome = ?)', filter.outcome);
  if (filter.campaignId === 'none') eq('{+}l.campaign_id IS NULL');
  else if (filter.campaignId) eq('{+}l.campaign_id = ?', filter.campaignId);
  if (filter.channel) eq('{+}l.channel = ?', filter.channel);
  if (filter.rating === 'unrated') eq('{+}l.rating IS NULL');
  else if (filter.rating !== undefined) eq('{+}l.rating = ?', filter.rating);
  if (filter.owner !== undefined && filter.owner !== '') eq('{+}l.owner = ?', filter.owner);
  if (filter.contactId) eq('l.contact_id = ?', filter.contactId);
  if (filter.companyId) eq('l.company_id = ?', filter.companyId);
  const match = filter.search ? ftsQuery(filter.search) : null;
  if (filter.search && !match) where.push('0');
  if (match) {
    // One set of lead ids (the lead's own text, its contact's, its company's), probed once per row.
    where.push(
      `l.id IN (${matchingIds('lead')}
        UNION SELECT id FROM leads WHERE contact_id IN (${matchingIds('contact')})
        UNION SELECT id FROM leads WHERE company_id IN (${matchingIds('company')}))`,
    );
    params.push(match, match, match);
  }
  const other = [
    filter.campaignId,
    filter.channel,
    filter.rating,
    filter.owner || undefined,
    filter.contactId,
    filter.companyId,
    filter.search,
  ];
  const clause = where.join(' AND ');
  return {
    where: clause.replaceAll('{+}', ''),
    scanWhere: clause.replaceAll('{+}', '+'),
    params,
    byStageOnly: other.every((v) => v === undefined),
    searched: Boolean(filter.search),
  };
}
