import type { Ctx } from '../context';
import { listCampaigns } from '../campaigns/service';
import { listSpend } from '../spend/service';
import { EXPORTED_METRICS, metricColumns, type MetricExportRow } from './columns';
import type { Filter, Period } from './crm-sources';
import { defineColumns, listed, paged, type ExportSource } from './source';

type CampaignRow = ReturnType<typeof listCampaigns>[number];

export function campaignsSource(
  ctx: Ctx,
  filter: Filter<'campaigns'>,
  currency: string,
  period?: Period,
): ExportSource<CampaignRow> {
  const money = (minor: number | null) => (minor === null ? null : { minor, currency });
  // A campaign is in a period when it runs during any of it (no dates: always).
  const overlaps = (r: CampaignRow) =>
    !period || ((r.startDate ?? '') <= period.to && (r.endDate ?? '9999-12-31') >= period.from);
  return listed(
    defineColumns<CampaignRow>([
      { header: 'Tandem campaign ID', type: 'text', value: (r) => r.id },
      { header: 'Name', type: 'text', value: (r) => r.name },
      { header: 'Plan', type: 'text', value: (r) => r.planName },
      { header: 'Channel', type: 'text', value: (r) => r.channel },
      { header: 'Objective', type: 'text', value: (r) => r.objective },
      { header: 'Status', type: 'text', value: (r) => r.status },
      { header: 'Start date', type: 'date', value: (r) => r.startDate },
      { header: 'End date', type: 'date', value: (r) => r.endDate },
      { header: 'Budget', type: 'money', value: (r) => money(r.budgetMinor) },
      { header: 'Spent', type: 'money', value: (r) => money(r.spentMinor) },
      { header: 'Currency', type: 'text', value: () => currency },
      { header: 'Target leads', type: 'number', value: (r) => r.targetLeads },
      { header: 'Target revenue', type: 'money', value: (r) => money(r.targetRevenueMinor) },
      { header: 'Tracking code', type: 'text', value: (r) => r.trackingCode },
      { header: 'Key message', type: 'text', value: (r) => r.keyMessage },
      { header: 'Landing page', type: 'text', value: (r) => r.landingUrl },
      { header: 'Created at', type: 'instant', value: (r) => r.createdAt },
    ]),
    () => listCampaigns(ctx, filter).filter(overlaps),
  );
}

type SpendRow = ReturnType<typeof listSpend>['rows'][number];

export function spendSource(
  ctx: Ctx,
  filter: Filter<'spend'>,
  currency: string,
  period?: Period,
): ExportSource<SpendRow> {
  return listed(
    defineColumns<SpendRow>([
      { header: 'Tandem spend ID', type: 'text', value: (r) => r.id },
      { header: 'Date', type: 'date', value: (r) => r.date },
      { header: 'Campaign', type: 'text', value: (r) => r.campaignName },
      { header: 'Channel', type: 'text', value: (r) => r.channel },
      { header: 'Amount', type: 'money', value: (r) => ({ minor: r.amountMinor, currency }) },
      { header: 'Currency', type: 'text', value: () => currency },
      { header: 'Note', type: 'text', value: (r) => r.note },
      { header: 'Imported', type: 'text', value: (r) => (r.imported ? 'yes' : 'no') },
      // "no" where imported and hand-logged spend overlap and the campaign keeps the other side.
      { header: 'Counted', type: 'text', value: (r) => (r.counted ? 'yes' : 'no') },
    ]),
    () => [
      ...paged((offset, limit) => listSpend(ctx, { ...filter, ...(period ?? {}), offset, limit }), 1000),
    ],
  );
}

interface ContentRow {
  id: string;
  title: string;
  channel: string;
  campaignName: string | null;
  status: string;
  scheduledDate: string | null;
  link: string | null;
  utmContent: string | null;
  notes: string;
  createdAt: string;
}

/**
 * The calendar's items under its filters (live items of live campaigns, as it shows them), every date at
 * once: dated items by date, then ideas without a date; with a period, the items scheduled in it.
 */
export function contentSource(
  ctx: Ctx,
  filter: Filter<'content'>,
  period?: Period,
): ExportSource<ContentRow> {
  const where = ['ci.deleted_at IS NULL', '(ci.campaign_id IS NULL OR ca.deleted_at IS NULL)'];
  const params: unknown[] = [];
  const eq = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (filter.channel) eq('ci.channel = ?', filter.channel);
  if (filter.campaignId) eq('ci.campaign_id = ?', filter.campaignId);
  if (filter.status) eq('ci.status = ?', filter.status);
  if (period) {
    eq('ci.scheduled_date >= ?', period.from);
    eq('ci.scheduled_date <= ?', period.to);
  }
  return listed(
    defineColumns<ContentRow>([
      { header: 'Tandem content ID', type: 'text', value: (r) => r.id },
      { header: 'Title', type: 'text', value: (r) => r.title },
      { header: 'Channel', type: 'text', value: (r) => r.channel },
      { header: 'Campaign', type: 'text', value: (r) => r.campaignName },
      { header: 'Status', type: 'text', value: (r) => r.status },
      { header: 'Scheduled date', type: 'date', value: (r) => r.scheduledDate },
      { header: 'Link', type: 'text', value: (r) => r.link },
      { header: 'UTM content', type: 'text', value: (r) => r.utmContent },
      { header: 'Notes', type: 'text', value: (r) => r.notes },
      { header: 'Created at', type: 'instant', value: (r) => r.createdAt },
    ]),
    () =>
      ctx.sqlite
        .prepare(
          `SELECT ci.id, ci.title, ci.channel, ca.name AS campaignName, ci.status, ci.scheduled_date AS scheduledDate,
             ci.link, ci.utm_content AS utmContent, ci.notes, ci.created_at AS createdAt
           FROM content_items ci LEFT JOIN campaigns ca ON ca.id = ci.campaign_id
           WHERE ${where.join(' AND ')}
           ORDER BY ci.scheduled_date IS NULL, ci.scheduled_date, ci.title, ci.id`,
        )
        .all(...params) as ContentRow[],
  );
}

interface ObservationRow {
  date: string;
  scope: string;
  campaign: string | null;
  channel: string | null;
  source: string;
  metric: string;
  value: number;
}

/**
 * Observations are stored one per metric; the export writes one row per day, scope and source with a column
 * per metric, as the import reads them. Rows come sorted by that key, so a row is complete when the key changes.
 */
export function metricsSource(
  ctx: Ctx,
  filter: Filter<'metrics'>,
  period?: Period,
): ExportSource<MetricExportRow> {
  const where = [`m.metric IN (${EXPORTED_METRICS.map(() => '?').join(', ')})`];
  const params: unknown[] = [...EXPORTED_METRICS];
  if (period) {
    where.push('m.date >= ? AND m.date <= ?');
    params.push(period.from, period.to);
  }
  if (filter.metric) {
    where.push('m.metric = ?');
    params.push(filter.metric);
  }
  if (filter.campaignId) {
    where.push('m.campaign_id = ?');
    params.push(filter.campaignId);
  }
  if (filter.channel) {
    where.push('m.channel = ?');
    params.push(filter.channel);
  }
  const clause = where.join(' AND ');
  return {
    columns: metricColumns,
    count: () =>
      ctx.sqlite
        .prepare(
          `SELECT count(*) FROM (SELECT 1 FROM metric_observations m WHERE ${clause} GROUP BY m.date, m.scope, m.source)`,
        )
        .pluck()
        .get(...params) as number,
    *rows() {
      const observations = ctx.sqlite
        .prepare(
          `SELECT m.date, m.scope, c.tracking_code AS campaign, m.channel, m.source, m.metric, m.value
           FROM metric_observations m LEFT JOIN campaigns c ON c.id = m.campaign_id
           WHERE ${clause} ORDER BY m.date, m.scope, m.source`,
        )
        .iterate(...params) as Iterable<ObservationRow>;
      let current: MetricExportRow | null = null;
      for (const o of observations) {
        if (!current || current.date !== o.date || current.scope !== o.scope || current.source !== o.source) {
          if (current) yield current;
          current = {
            date: o.date,
            scope: o.scope,
            campaign: o.campaign,
            channel: o.channel,
            source: o.source,
            values: new Map(),
          };
        }
        current.values.set(o.metric, o.value);
        current.channel ??= o.channel;
      }
      if (current) yield current;
    },
  };
}
