import type * as t from '../db/schema';
import { SHOP_PAGES, VISIT_CHANNELS } from './data';
import type { Demand } from './demand';
import type { DemoCampaign } from './people';
import type { Random } from './random';
import { DAY, isoDay, stamp } from './stamps';

type Observation = typeof t.metricObservations.$inferInsert;

/** Visits to the whole site on an ordinary weekday and weekend day. */
const VISITS_PER_DAY = { weekday: 150, weekend: 95 };
/** Each page's views per site visit. */
const PAGE_VIEWS = [0.55, 0.45, 0.2, 0.12, 0.1, 0.08] as const;

/**
 * Daily numbers as the analytics and ad exports would give them: visits per GA4 channel group and for the
 * whole site (their sum), page views of the main pages, and each running campaign's impressions, reach and
 * clicks. A launch brings most of its extra visits through its own channel.
 */
export function buildMetrics(rnd: Random, start: number, demand: Demand, campaigns: DemoCampaign[]) {
  const rows: Observation[] = [];
  const row = (day: number, over: Omit<Observation, 'date' | 'source'>): void => {
    rows.push({ ...stamp(day), date: isoDay(day), source: 'demo', ...over });
  };
  for (let i = 0; i < demand.days; i++) {
    const day = start + i * DAY;
    const weekday = new Date(day).getUTCDay();
    const base = weekday === 0 || weekday === 6 ? VISITS_PER_DAY.weekend : VISITS_PER_DAY.weekday;
    const launched = demand.campaignOf(i);
    const channel = launched === null ? null : (campaigns[launched]?.channel ?? null);
    const calm = demand.level(i) - demand.bump(i);
    let site = 0;
    for (const group of VISIT_CHANNELS) {
      // The bump lands three times as strongly on the launching campaign's channel as elsewhere.
      const lift = demand.bump(i) * (group.channel === channel ? 3 : 0.6);
      const visits = Math.round(base * group.share * (calm + lift) * (0.9 + rnd.next() * 0.2));
      site += visits;
      row(day, {
        scope: `channel:${group.group}`,
        channel: group.channel,
        metric: 'visits',
        value: visits,
      });
    }
    row(day, { scope: 'site', channel: null, metric: 'visits', value: site });
    SHOP_PAGES.forEach((page, k) => {
      const views = Math.round(site * (PAGE_VIEWS[k] ?? 0.05) * (0.85 + rnd.next() * 0.3));
      row(day, { scope: `page:${page}`, channel: null, metric: 'page_views', value: views });
    });
    for (const c of campaigns) {
      if (day < c.begins || day > c.ends) continue;
      const fresh = day - c.begins < 7 * DAY ? 2 : 1;
      const impressions = rnd.int(300, 2500) * fresh;
      const over = { scope: `campaign:${c.id}`, campaignId: c.id, channel: c.channel };
      row(day, { ...over, metric: 'impressions', value: impressions });
      row(day, { ...over, metric: 'reach', value: Math.round(impressions * (0.55 + rnd.next() * 0.2)) });
      row(day, {
        ...over,
        metric: 'clicks',
        value: Math.round(impressions * (0.01 + rnd.next() * 0.03)),
      });
    }
  }
  return rows;
}
