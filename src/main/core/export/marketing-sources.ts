import type { Ctx } from '../context';
import { listCampaigns } from '../campaigns/service';
import { listSpend } from '../spend/service';
import {
  campaignColumns,
  contentColumns,
  EXPORTED_METRICS,
  metricColumns,
  spendColumns,
  type CampaignExportRow,
  type ContentExportRow,
  type MetricExportRow,
  type SpendExportRow,
} from './columns';
import type { Filter, Period } from './crm-sources';
import { listed, paged, type ExportSource } from './source';

type CampaignRow = ReturnType<typeof listCampaigns>[number];

export function campaignsSource(
  ctx: Ctx,
  filter: Filter<'campaigns'>,
  currency: string,
  period?: Period,
): ExportSource<CampaignExportRow> {
  // A campaign is in a period when it runs during any of it (no dates: always).
  const overlaps = (r: CampaignRow) =>
    !period || ((r.startDate ?? '') <= period.to && (r.endDate ?? '9999-12-31') >= period.from);
  return listed(campaignColumns, () =>
    listCampaigns(ctx, filter)
      .filter(overlaps)
      .map((r) => ({ ...r, currency })),
  );
}

export function spendSource(
  ctx: Ctx,
  filter: Filter<'spend'>,
  currency: string,
  period?: Period,
): ExportSource<SpendExportRow> {
  // The list names the campaign; its tracking code is what the import finds it by.
  const codes = ctx.sqlite.prepare('SELECT id, tracking_code AS code FROM campaigns');
  return listed(spendColumns, () => {
    const code = new Map((codes.all() as { id: string; code: string | null }[]).map((c) => [c.id, c.code]));
    return [
      ...paged((offset, limit) => listSpend(ctx, { ...filter, ...(period ?? {}), offset, limit }), 1000),
    ].map((r) => ({ ...r, currency, campaignCode: code.get(r.campaignId) ?? null }));
  });
}

/**
 * The calendar's items under its filters (live items of live campaigns, as it shows them), every date at
 * once: dated items by date, then ideas without a date; with a period, the items scheduled in it.
 */
export function contentSource(
  ctx: Ctx,
  filter: Filter<'content'>,
  period?: Period,
): ExportSource<ContentExportRow> {
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
    contentColumns,
    () =>
      ctx.sqlite
        .prepare(
          `SELECT ci.id, ci.title, ci.channel, ca.name AS campaignName, ca.tracking_code AS campaignCode, ci.status,
             ci.scheduled_date AS scheduledDate, ci.link, ci.utm_content AS utmContent, ci.notes, ci.created_at AS createdAt
           FROM content_items ci LEFT JOIN campaigns ca ON ca.id = ci.campaign_id
           WHERE ${where.join(' AND ')}
           ORDER BY ci.scheduled_date IS NULL, ci.scheduled_date, ci.title, ci.id`,
        )
        .all(...params) as ContentExportRow[],
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
