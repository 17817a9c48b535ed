import { addDays } from '@shared/domain/dates';
import type { OrderFilter } from '@shared/api/orders';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import { getSettings } from '../settings/service';

/**
 * The one filter of the Orders and Payments lists, turned into SQL for either table. Both lists read the
 * same way: the record's own contact and campaign win, else its lead's (as the REVENUE rule credits a
 * campaign), and the period is `[from 00:00Z, day after to 00:00Z)` on the record's date, the window Results
 * counts. Statements are built as text from a handful of filter combinations and prepared once each.
 */

export interface TableSpec {
  table: 'orders' | 'payments';
  /** Alias used in every clause. */
  a: 'o' | 'p';
  at: string;
  amount: string;
  revenueStatuses: readonly string[];
  /** Text columns the search looks in, besides the linked contact's name and e-mail. */
  searchColumns: readonly string[];
  /** Indexes for a period and for no period; named so a missing statistic never turns a period into a scan. */
  periodIndex: string;
  /** Sort keys by field, most significant first. */
  sorts: Record<string, readonly string[]>;
}

export type Filter = Omit<OrderFilter, 'status'> & { status?: readonly string[] | undefined };

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const NAME = `nullif(trim(coalesce(ct.first_name, '') || ' ' || coalesce(ct.last_name, '')), '')`;

/** The joins every row needs: its lead, then the contact and campaign of the record or else of the lead. */
export const joins = (s: TableSpec) => `
  LEFT JOIN leads l ON l.id = ${s.a}.lead_id
  LEFT JOIN contacts ct ON ct.id = coalesce(${s.a}.contact_id, l.contact_id)
  LEFT JOIN campaigns c ON c.id = coalesce(${s.a}.campaign_id, l.campaign_id)`;

/** The linked contact's name, else what the record names (`fallback`, SQL), else the contact's e-mail. */
export const customerExpr = (fallback: string) => `coalesce(${NAME}, ${fallback}, ct.email)`;

/** `%text%` for LIKE with `\` escaping the user's own `%` and `_`. */
const likeTerm = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface Where {
  sql: string;
  params: unknown[];
  /** The clause reads l.* / ct.* (the totals statement joins only then). */
  needsLead: boolean;
  needsContact: boolean;
}

export function whereOf(s: TableSpec, f: Filter): Where {
  const a = s.a;
  const clauses = [`${a}.deleted_at IS NULL`];
  const params: unknown[] = [];
  let needsLead = false;
  let needsContact = false;
  if (f.from) {
    clauses.push(`${s.at} >= ?`);
    params.push(`${f.from}T00:00:00.000Z`);
  }
  if (f.to) {
    clauses.push(`${s.at} < ?`);
    params.push(`${addDays(f.to, 1)}T00:00:00.000Z`);
  }
  if (f.status && f.status.length > 0) {
    clauses.push(`${a}.status IN (${f.status.map(() => '?').join(', ')})`);
    params.push(...f.status);
  }
  if (f.campaignId === 'none') {
    clauses.push(`${a}.campaign_id IS NULL AND l.campaign_id IS NULL`);
    needsLead = true;
  } else if (f.campaignId) {
    // Two indexed lookups OR-ed (the record's campaign, the campaign's leads) rather than a coalesce over
    // rows; the unary + keeps the planner on the lead index for the second, not on `campaign_id IS NULL`.
    clauses.push(
      `(${a}.campaign_id = ? OR (+${a}.campaign_id IS NULL AND ${a}.lead_id IN (SELECT id FROM leads WHERE campaign_id = ?)))`,
    );
    params.push(f.campaignId, f.campaignId);
  }
  if (f.contactId === 'none') {
    clauses.push(`${a}.contact_id IS NULL AND l.contact_id IS NULL`);
    needsLead = true;
  } else if (f.contactId) {
    clauses.push(
      `(${a}.contact_id = ? OR (+${a}.contact_id IS NULL AND ${a}.lead_id IN (SELECT id FROM leads WHERE contact_id = ?)))`,
    );
    params.push(f.contactId, f.contactId);
  }
  if (f.search) {
    const columns = [...s.searchColumns, NAME, 'ct.email'];
    clauses.push(`(${columns.map((c) => `${c} LIKE ? ESCAPE '\\'`).join(' OR ')})`);
    params.push(...columns.map(() => likeTerm(f.search!)));
    needsLead = true;
    needsContact = true;
  }
  return { sql: clauses.join(' AND '), params, needsLead, needsContact };
}

const net = (s: TableSpec) => `max(0, ${s.amount} - max(0, ${s.a}.refunded_minor))`;

/**
 * The table with the index a period reads, and the joins the clause needs. The revenue-by-day index holds
 * every live row with its status and amounts, so it also serves a list with no period at all (read in date
 * order, or counted from the index alone); only a contact or campaign filter without a period is left to
 * the planner, which takes that filter's own index.
 */
function filtered(s: TableSpec, f: Filter, w: Where): string {
  const byDate = Boolean(f.from || f.to) || (!f.contactId && !f.campaignId);
  const joinLead = w.needsLead || w.needsContact ? `LEFT JOIN leads l ON l.id = ${s.a}.lead_id` : '';
  const joinContact = w.needsContact
    ? `LEFT JOIN contacts ct ON ct.id = coalesce(${s.a}.contact_id, l.contact_id)`
    : '';
  return `${s.table} ${s.a}${byDate ? ` INDEXED BY ${s.periodIndex}` : ''} ${joinLead} ${joinContact}`;
}

/**
 * Count, revenue (REVENUE rule, in the workspace currency, bound twice before the filter's parameters) and
 * the revenue records in another currency, of everything the filter matches.
 */
export function totalsSql(s: TableSpec, f: Filter, w: Where): string {
  const revenue = `${s.a}.status IN (${list(s.revenueStatuses)})`;
  return `SELECT count(*) AS total,
      coalesce(sum(CASE WHEN ${revenue} AND upper(${s.a}.currency) = ? THEN ${net(s)} END), 0) AS revenueMinor,
      count(CASE WHEN ${revenue} AND upper(${s.a}.currency) <> ? THEN 1 END) AS otherCurrency
    FROM ${filtered(s, f, w)}
    WHERE ${w.sql}`;
}

/**
 * One page of rows; `columns` is the select list, sorted by `sort` with the rowid as the tie-break. The
 * page's rows are chosen first by rowid from the index alone where it holds the sort key (date, status,
 * amount), and only those rows are read and joined to their lead, contact and campaign: sorting a quarter by
 * amount, or a deep offset, costs an index walk rather than a table read and three joins per skipped row.
 */
export function pageSql(
  s: TableSpec,
  f: Filter,
  w: Where,
  columns: string,
  sort: string,
  direction: 'asc' | 'desc',
): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const order = [...(s.sorts[sort] ?? [s.at]), `${s.a}.rowid`].map((part) => `${part} ${dir}`).join(', ');
  return `SELECT ${columns}
    FROM (SELECT ${s.a}.rowid AS pageRow FROM ${filtered(s, f, w)}
          WHERE ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?) page
    JOIN ${s.table} ${s.a} ON ${s.a}.rowid = page.pageRow ${joins(s)}
    ORDER BY ${order}`;
}

export interface ListCall extends Filter {
  sort: string;
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** The statements of a list call (the query-plan test reads them too). */
export function listStatements(
  s: TableSpec,
  columns: string,
  f: Filter,
  sort: string,
  direction: 'asc' | 'desc',
) {
  const where = whereOf(s, f);
  return { where, totals: totalsSql(s, f, where), page: pageSql(s, f, where, columns, sort, direction) };
}

/** One list call of either table: the filter's totals in the workspace currency, then one page of rows. */
export function listPage<R>(ctx: Ctx, s: TableSpec, columns: string, input: ListCall) {
  const currency = getSettings(ctx).currency.toUpperCase();
  const { where, totals, page } = listStatements(s, columns, input, input.sort, input.direction);
  const sums = get<{ total: number; revenueMinor: number; otherCurrency: number }>(
    ctx.sqlite,
    totals,
    currency,
    currency,
    ...where.params,
  )!;
  const rows = all<R>(ctx.sqlite, page, ...where.params, input.limit, input.offset);
  return { ...sums, currency, rows };
}
