import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ExportSelection } from '@shared/api/exports';
import type { Ctx } from '../context';
import { campaigns, companies, contacts } from '../db/schema';
import { contactOrder, contactWhere } from '../contacts/service';
import { listCompanies } from '../companies/service';
import { listActivities } from '../activities/queries';
import { leadFilter } from '../leads/queries';
import {
  activityColumns,
  companyColumns,
  contactColumns,
  leadColumns,
  type ActivityExportRow,
  type CompanyExportRow,
  type ContactExportRow,
  type LeadExportRow,
} from './columns';
import { inPeriod, listed, paged, type ExportSource } from './source';

type Selection = z.output<typeof ExportSelection>;
export type Filter<K extends Selection['kind']> = Extract<Selection, { kind: K }>['filter'];
export interface Period {
  from: string;
  to: string;
}

/** `YYYY-MM-DD` bounds as instants: `created_at` is UTC `…Z`, so a day's rows sort between these. */
const dayStart = (day: string) => `${day}T00:00:00.000Z`;
const dayEnd = (day: string) => `${day}T23:59:59.999Z`;

export function contactsSource(
  ctx: Ctx,
  filter: Filter<'contacts'>,
  period?: Period,
): ExportSource<ContactExportRow> {
  const where = and(
    contactWhere(filter),
    period ? gte(contacts.createdAt, dayStart(period.from)) : undefined,
    period ? lte(contacts.createdAt, dayEnd(period.to)) : undefined,
  );
  // Aliased to the row's names, so SQLite hands each row over as the object the columns read.
  const selected = {
    id: sql`${contacts.id}`.as('id'),
    firstName: sql`${contacts.firstName}`.as('firstName'),
    lastName: sql`${contacts.lastName}`.as('lastName'),
    email: sql`${contacts.email}`.as('email'),
    phone: sql`${contacts.phone}`.as('phone'),
    company: sql`${companies.name}`.as('company'),
    title: sql`${contacts.title}`.as('title'),
    city: sql`${contacts.city}`.as('city'),
    region: sql`${contacts.region}`.as('region'),
    country: sql`${contacts.country}`.as('country'),
    lifecycle: sql`${contacts.lifecycle}`.as('lifecycle'),
    tags: sql`${contacts.tags}`.as('tags'),
    notes: sql`${contacts.notes}`.as('notes'),
    owner: sql`${contacts.owner}`.as('owner'),
    campaign: sql`${campaigns.trackingCode}`.as('campaign'),
    channel: sql`${contacts.sourceChannel}`.as('channel'),
    createdAt: sql`${contacts.createdAt}`.as('createdAt'),
    externalId: sql`${contacts.externalId}`.as('externalId'),
  };
  const query = ctx.db
    .select(selected)
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .leftJoin(campaigns, eq(campaigns.id, contacts.sourceCampaignId))
    .where(where)
    .orderBy(...contactOrder(filter))
    .toSQL();
  const counted = ctx.db
    .select({ n: sql<number>`count(*)` })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(where)
    .toSQL();
  return {
    columns: contactColumns,
    count: () =>
      (ctx.sqlite
        .prepare(counted.sql)
        .pluck()
        .get(...counted.params) as number | undefined) ?? 0,
    rows: () => ctx.sqlite.prepare(query.sql).iterate(...query.params) as Iterable<ContactExportRow>,
  };
}

const LEAD_SORTS: Record<Filter<'leads'>['sort'], string> = {
  createdAt: 'l.created_at',
  updatedAt: 'l.updated_at',
  title: 'l.title COLLATE NOCASE',
  value: 'l.value_minor',
  expectedClose: 'l.expected_close_date',
  rating: 'l.rating',
  stage: 's.position',
  contact: 'lower(c.last_name)',
};

export function leadsSource(
  ctx: Ctx,
  filter: Filter<'leads'>,
  currency: string,
  period?: Period,
): ExportSource<LeadExportRow> {
  const f = leadFilter(filter);
  const where = period ? `${f.where} AND l.created_at >= ? AND l.created_at <= ?` : f.where;
  const params = period ? [...f.params, dayStart(period.from), dayEnd(period.to)] : f.params;
  const dir = filter.direction === 'asc' ? 'ASC' : 'DESC';
  const select = `SELECT l.id, l.external_id AS externalId, l.title, l.value_minor AS valueMinor, ? AS currency,
      s.name AS stage, s.outcome, l.created_at AS createdAt, l.closed_at AS closedAt,
      l.expected_close_date AS expectedCloseDate, l.lost_reason AS lostReason, l.owner,
      nullif(trim(c.first_name || ' ' || c.last_name), '') AS contactName, c.email AS contactEmail,
      c.phone AS contactPhone, co.name AS company, ca.tracking_code AS campaign, l.channel, l.rating,
      l.rating_note AS ratingNote
    FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id
    LEFT JOIN contacts c ON c.id = l.contact_id LEFT JOIN companies co ON co.id = l.company_id
    LEFT JOIN campaigns ca ON ca.id = l.campaign_id
    WHERE ${where} ORDER BY ${LEAD_SORTS[filter.sort]} ${dir}, l.id ${dir}`;
  return {
    columns: leadColumns,
    count: () =>
      ctx.sqlite
        .prepare(`SELECT count(*) FROM leads l WHERE ${where}`)
        .pluck()
        .get(...params) as number,
    rows: () => ctx.sqlite.prepare(select).iterate(currency, ...params) as Iterable<LeadExportRow>,
  };
}

export function companiesSource(
  ctx: Ctx,
  filter: Filter<'companies'>,
  period?: Period,
): ExportSource<CompanyExportRow> {
  const rows = () =>
    [...paged((offset, limit) => listCompanies(ctx, { ...filter, offset, limit }), 500)].filter((r) =>
      inPeriod(r.createdAt, period),
    );
  return listed(companyColumns, rows);
}

type ActivityRow = ReturnType<typeof listActivities>['rows'][number];
interface ActivityKeys {
  id: string;
  leadDealId: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export function activitiesSource(
  ctx: Ctx,
  filter: Filter<'activities'>,
  period?: Period,
): ExportSource<ActivityExportRow> {
  // The list's rows name the lead and contact for people; the import finds them by deal ID, e-mail, phone.
  const keys = ctx.sqlite.prepare(
    `SELECT a.id, coalesce(l.external_id, l.id) AS leadDealId, c.email AS contactEmail, c.phone AS contactPhone
     FROM activities a LEFT JOIN leads l ON l.id = a.lead_id LEFT JOIN contacts c ON c.id = a.contact_id
     WHERE a.id IN (SELECT value FROM json_each(?))`,
  );
  const rows = () => {
    const list: ActivityRow[] = [
      ...paged((offset, limit) => listActivities(ctx, { ...filter, offset, limit }), 500),
    ].filter((r) => inPeriod(r.doneAt ?? r.dueAt ?? r.createdAt, period));
    const byId = new Map(
      (keys.all(JSON.stringify(list.map((r) => r.id))) as ActivityKeys[]).map((k) => [k.id, k]),
    );
    return list.map((r): ActivityExportRow => ({
      ...r,
      leadDealId: byId.get(r.id)?.leadDealId ?? null,
      contactEmail: byId.get(r.id)?.contactEmail ?? null,
      contactPhone: byId.get(r.id)?.contactPhone ?? null,
    }));
  };
  return listed(activityColumns, rows);
}
