import { addDays } from '@shared/domain/dates';
import type { OrderFilter } from '@shared/api/orders';

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

/** The table with the index a period reads; without a period the planner picks (a filter's index or a scan). */
const from = (s: TableSpec, f: Filter) =>
  `${s.table} ${s.a}${f.from || f.to ? ` INDEXED BY ${s.periodIndex}` : ''}`;

/**
 * Count, revenue (REVENUE rule, in the workspace currency, bound twice before the filter's parameters) and
 * the revenue records in another currency, of everything the filter matches.
 */
export function totalsSql(s: TableSpec, f: Filter, w: Where): string {
  const revenue = `${s.a}.status IN (${list(s.revenueStatuses)})`;
  const joinLead = w.needsLead || w.needsContact ? `LEFT JOIN leads l ON l.id = ${s.a}.lead_id` : '';
  const joinContact = w.needsContact
    ? `LEFT JOIN contacts ct ON ct.id = coalesce(${s.a}.contact_id, l.contact_id)`
    : '';
  return `SELECT count(*) AS total,
      coalesce(sum(CASE WHEN ${revenue} AND upper(${s.a}.currency) = ? THEN ${net(s)} END), 0) AS revenueMinor,
      count(CASE WHEN ${revenue} AND upper(${s.a}.currency) <> ? THEN 1 END) AS otherCurrency
    FROM ${from(s, f)} ${joinLead} ${joinContact}
    WHERE ${w.sql}`;
}

/** One page of rows; `columns` is the select list, sorted by `sort` with the id as the tie-break. */
export function pageSql(
  s: TableSpec,
  f: Filter,
  w: Where,
  columns: string,
  sort: string,
  direction: 'asc' | 'desc',
): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  const order = (s.sorts[sort] ?? [s.at]).map((part) => `${part} ${dir}`).join(', ');
  return `SELECT ${columns} FROM ${from(s, f)} ${joins(s)}
    WHERE ${w.sql} ORDER BY ${order}, ${s.a}.id ${dir} LIMIT ? OFFSET ?`;
}
