import { z } from 'zod';
import { query } from '../contract/define';
import { IsoDate } from '../domain/ids';
import { CHANNELS } from '../domain/utm';
import { LookbackDays } from './results-params';

export const VisitsVsSalesLag = z.object({
  lagDays: z.number().int(),
  r: z.number().nullable(),
  rRaw: z.number().nullable(),
});

/** Daily visits against daily sales (paid orders + succeeded payments, counted per day). */
export const VisitsVsSalesOut = z.object({
  /** ok: a coefficient was computed; not_enough_history: fewer than `needDays` days overlap; no_visits / no_sales. */
  status: z.enum(['ok', 'not_enough_history', 'no_visits', 'no_sales']),
  needDays: z.number().int(),
  haveDays: z.number().int(),
  lagDays: z.number().int().nullable(),
  /** Pearson r on week-over-week changes (lag-7 differences). */
  r: z.number().nullable(),
  /** Pearson r on the raw daily series at the same lag. */
  rRaw: z.number().nullable(),
  spearman: z.number().nullable(),
  /** Days of overlap used for the headline lag. */
  days: z.number().int(),
  significant: z.boolean(),
  threshold: z.number().nullable(),
  /** The strongest relation found has sales moving before visits. */
  salesLeadVisits: z.boolean(),
  sentence: z.string(),
  lags: z.array(VisitsVsSalesLag),
  /** Daily points for the overlay chart; visits null on days without visit data. */
  daily: z.array(z.object({ date: z.string(), visits: z.number().nullable(), sales: z.number() })),
  launches: z.array(z.object({ date: z.string(), campaignId: z.string(), name: z.string() })),
});
export type VisitsVsSalesOut = z.infer<typeof VisitsVsSalesOut>;

/** Whose visits are lined up with which sales: the business, one channel, or one page's views. */
export const VisitsScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('business') }),
  z.strictObject({ kind: z.literal('channel'), channel: z.enum(CHANNELS) }),
  z.strictObject({
    kind: z.literal('page'),
    path: z.string().trim().min(1, 'name the page, e.g. /shop').max(2000),
  }),
]);
export type VisitsScope = z.infer<typeof VisitsScope>;

export const VisitsVsSalesInput = z.strictObject({
  /** The analysis looks at the 365 days ending here, like the dashboard's panel. */
  to: IsoDate,
  scope: VisitsScope,
  /** Channel scope: how far back a customer's last touch may be to name a sale's channel. */
  lookbackDays: LookbackDays.default(90),
});
export type VisitsVsSalesInput = z.input<typeof VisitsVsSalesInput>;

export const VisitsVsSalesScoped = VisitsVsSalesOut.extend({
  scope: VisitsScope,
  /** One line saying what was counted on each side, shown under the chart. */
  caveat: z.string(),
});
export type VisitsVsSalesScoped = z.infer<typeof VisitsVsSalesScoped>;

/** Channels with daily visits and pages with daily views in the 365 days ending `to`, most visited first. */
export const VisitScopesOut = z.object({
  channels: z.array(z.object({ channel: z.enum(CHANNELS), days: z.number().int(), visits: z.number() })),
  pages: z.array(z.object({ path: z.string(), days: z.number().int(), views: z.number() })),
  /** Pages with views left out of `pages` (only the most viewed are listed). */
  morePages: z.number().int(),
});
export type VisitScopesOut = z.infer<typeof VisitScopesOut>;

export const visitsApi = {
  /** Daily visits against daily sales for the business, one channel (its visits, its sales) or one page. */
  'results.visitsVsSales': query(VisitsVsSalesInput, VisitsVsSalesScoped),
  /** The channels and pages `results.visitsVsSales` can be scoped to. */
  'results.visitScopes': query(z.strictObject({ to: IsoDate }), VisitScopesOut),
};
