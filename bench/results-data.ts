import type Database from 'better-sqlite3';
import { uuidv7 } from '../src/main/core/db/ids';
import { createRandom, type Random } from '../src/main/core/demo/random';
import { generateSalesData } from './sales-data';

export interface ResultsScale {
  leads: number;
  metricRows: number;
  orders: number;
  campaigns: number;
  companies: number;
}

const DAY = 86_400_000;
const HISTORY_DAYS = 730;
const PRODUCTS = [
  ['House blend 12oz', 16_00],
  ['Decaf 12oz', 18_00],
  ['Single origin 12oz', 21_00],
  ['Espresso 2lb', 42_00],
  ['Subscription monthly', 36_00],
] as const;
const CHANNEL_GROUPS = [
  ['organic-search', 'web'],
  ['direct', 'web'],
  ['organic-social', 'social'],
  ['email', 'email'],
  ['paid-search', 'ads'],
  ['paid-social', 'ads'],
  ['referral', 'referral'],
] as const;
const CAMPAIGN_METRICS = ['impressions', 'reach', 'clicks', 'engagements', 'visits'] as const;

const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);

interface Campaign {
  id: string;
  channel: string;
  code: string;
  begins: number;
  ends: number;
  content: string[];
}

/** Gives the sales generator's campaigns what measuring needs: a tracking code, a run, a budget, content. */
function shapeCampaigns(sqlite: Database.Database, rnd: Random, now: number): Campaign[] {
  const rows = sqlite.prepare('SELECT id, channel FROM campaigns ORDER BY rowid').all() as {
    id: string;
    channel: string;
  }[];
  const update = sqlite.prepare(
    `UPDATE campaigns SET tracking_code = ?, start_date = ?, end_date = ?, status = ?, budget_minor = ?, plan_id = ? WHERE id = ?`,
  );
  const insContent = sqlite.prepare(
    `INSERT INTO content_items (id, campaign_id, channel, title, scheduled_date, status, utm_content, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'published', ?, ?, ?)`,
  );
  // A yearly plan, as most businesses write one: the measured quarter's goals come from it.
  const planId = uuidv7();
  const at = iso(now - HISTORY_DAYS * DAY);
  const year = new Date(now).getUTCFullYear();
  sqlite
    .prepare(
      `INSERT INTO plans (id, name, period_kind, start_date, end_date, status, goal_revenue_minor, goal_leads,
         goal_budget_minor, created_at, updated_at)
       VALUES (?, ?, 'year', ?, ?, 'active', 500000000, 50000, 10000000, ?, ?)`,
    )
    .run(planId, `Growth plan ${year}`, `${year}-01-01`, `${year}-12-31`, at, at);
  return rows.map((row, i) => {
    const begins = now - Math.floor(((rows.length - i) / rows.length) * (HISTORY_DAYS - 20)) * DAY;
    const ends = begins + rnd.int(45, 120) * DAY;
    const code = `campaign-${i + 1}`;
    update.run(
      code,
      isoDay(begins),
      isoDay(ends),
      ends < now ? 'done' : 'active',
      rnd.int(5, 50) * 100_00,
      planId,
      row.id,
    );
    const content: string[] = [];
    for (let k = 0; k < 4; k++) {
      const utm = `${code}-post-${k + 1}`;
      const when = begins + k * 10 * DAY;
      insContent.run(
        uuidv7(),
        row.id,
        row.channel,
        `Post ${k + 1} of ${code}`,
        isoDay(when),
        utm,
        iso(when),
        iso(when),
      );
      content.push(utm);
    }
    return { id: row.id, channel: row.channel, code, begins, ends, content };
  });
}

function insertSpend(sqlite: Database.Database, rnd: Random, campaigns: Campaign[], now: number): void {
  const ins = sqlite.prepare(
    `INSERT INTO spend_entries (id, campaign_id, date, amount_minor, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'Daily spend', ?, ?)`,
  );
  for (const c of campaigns) {
    for (let day = c.begins; day <= Math.min(c.ends, now); day += DAY) {
      ins.run(uuidv7(), c.id, isoDay(day), rnd.int(5_00, 120_00), iso(day), iso(day));
    }
  }
}

/**
 * Daily metric rows over two years: site and channel-group visits and key events, each campaign's reach,
 * impressions, clicks, engagements and visits every day, and page views of as many pages as it takes to
 * reach `total` rows (a shop with a long catalogue).
 */
function insertMetrics(
  sqlite: Database.Database,
  rnd: Random,
  campaigns: Campaign[],
  now: number,
  total: number,
): void {
  const ins = sqlite.prepare(
    `INSERT INTO metric_observations (id, date, scope, campaign_id, channel, metric, value, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const first = now - HISTORY_DAYS * DAY;
  const perDayFixed = 2 + CHANNEL_GROUPS.length * 2 + campaigns.length * CAMPAIGN_METRICS.length;
  const pages = Math.max(0, Math.ceil((total - perDayFixed * HISTORY_DAYS) / HISTORY_DAYS));
  let written = 0;
  const row = (
    day: number,
    scope: string,
    campaignId: string | null,
    channel: string | null,
    metric: string,
    value: number,
    source: string,
  ) => {
    if (written >= total) return;
    const at = iso(day);
    ins.run(uuidv7(), isoDay(day), scope, campaignId, channel, metric, value, source, at, at);
    written++;
  };
  for (let d = 0; d < HISTORY_DAYS; d++) {
    const day = first + d * DAY;
    let site = 0;
    for (const [group, channel] of CHANNEL_GROUPS) {
      const visits = rnd.int(200, 2000);
      site += visits;
      row(day, `channel:${group}`, null, channel, 'visits', visits, 'ga4');
      row(day, `channel:${group}`, null, channel, 'conversions', rnd.int(0, 40), 'ga4');
    }
    row(day, 'site', null, null, 'visits', site, 'ga4');
    row(day, 'site', null, null, 'conversions', rnd.int(20, 200), 'ga4');
    for (const c of campaigns) {
      for (const metric of CAMPAIGN_METRICS)
        row(day, `campaign:${c.id}`, c.id, c.channel, metric, rnd.int(0, 5000), 'meta');
    }
    for (let p = 0; p < pages; p++)
      row(day, `page:/shop/item-${p}`, null, null, 'page_views', rnd.int(0, 300), 'ga4');
  }
}

interface Buyer {
  id: string;
  email: string;
}

/** Shop orders over two years with one to three lines; a third after a campaign, some guests. */
function insertOrders(
  sqlite: Database.Database,
  rnd: Random,
  campaigns: Campaign[],
  buyers: Buyer[],
  now: number,
  count: number,
): void {
  const insOrder = sqlite.prepare(
    `INSERT INTO orders (id, source, external_id, ordered_at, currency, subtotal_minor, discount_minor, shipping_minor,
       total_minor, refunded_minor, status, customer_email, email_key, contact_id, campaign_id, utm_source, utm_medium,
       utm_campaign, discount_code, utm_content, created_at, updated_at)
     VALUES (?, 'shopify', ?, ?, 'USD', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insLine = sqlite.prepare(
    `INSERT INTO order_lines (id, order_id, position, name, quantity, unit_price_minor, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const first = now - HISTORY_DAYS * DAY;
  for (let i = 0; i < count; i++) {
    const at = first + Math.floor(rnd.next() * HISTORY_DAYS * DAY);
    const stamp = iso(at);
    const id = uuidv7();
    const lines: [string, number, number][] = [];
    let subtotal = 0;
    for (let k = rnd.int(1, 3); k > 0; k--) {
      const [name, price] = rnd.pick(PRODUCTS);
      const quantity = rnd.int(1, 2);
      subtotal += price * quantity;
      lines.push([name, quantity, price]);
    }
    const campaign = rnd.chance(0.3) ? rnd.pick(campaigns) : null;
    const code = campaign && rnd.chance(0.25) ? `${campaign.code.toUpperCase()}-10` : null;
    const discount = code ? Math.round(subtotal / 10) : 0;
    const shipping = subtotal >= 50_00 ? 0 : 6_95;
    const total = subtotal - discount + shipping;
    const status = rnd.chance(0.9)
      ? 'paid'
      : rnd.pick(['refunded', 'pending', 'voided', 'partially_refunded']);
    const buyer = rnd.chance(0.95) ? rnd.pick(buyers) : null;
    const email = buyer?.email ?? `guest${i}@example.net`;
    insOrder.run(
      id,
      `#${100000 + i}`,
      stamp,
      subtotal,
      discount,
      shipping,
      total,
      status === 'refunded' ? total : status === 'partially_refunded' ? Math.round(total / 3) : 0,
      status,
      email,
      email,
      buyer?.id ?? null,
      campaign?.id ?? null,
      campaign && !code ? campaign.channel : null,
      campaign && !code ? 'cpc' : null,
      campaign && !code ? campaign.code : null,
      code,
      campaign && !code && rnd.chance(0.5) ? rnd.pick(campaign.content) : null,
      stamp,
      stamp,
    );
    lines.forEach(([name, quantity, price], position) =>
      insLine.run(uuidv7(), id, position, name, quantity, price, stamp, stamp),
    );
  }
}

/** Invoices of won leads (one to three each) and monthly subscription charges of shop customers. */
function insertPayments(
  sqlite: Database.Database,
  rnd: Random,
  campaigns: Campaign[],
  buyers: Buyer[],
  now: number,
): void {
  const ins = sqlite.prepare(
    `INSERT INTO payments (id, source, external_id, paid_at, currency, amount_minor, refunded_minor, fee_minor, status,
       description, customer_email, email_key, contact_id, lead_id, campaign_id, utm_campaign, created_at, updated_at)
     VALUES (?, 'stripe', ?, ?, 'USD', ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const codes = new Map(campaigns.map((c) => [c.id, c.code]));
  const won = sqlite
    .prepare(
      `SELECT l.id, l.contact_id AS contactId, l.campaign_id AS campaignId, l.value_minor AS valueMinor,
              l.closed_at AS closedAt, c.email
       FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id JOIN contacts c ON c.id = l.contact_id
       WHERE s.outcome = 'won' AND l.closed_at IS NOT NULL`,
    )
    .all() as {
    id: string;
    contactId: string;
    campaignId: string | null;
    valueMinor: number;
    closedAt: string;
    email: string;
  }[];
  let n = 0;
  for (const lead of won) {
    if (rnd.chance(0.1)) continue;
    const parts = rnd.int(1, 3);
    for (let k = 0; k < parts; k++) {
      const at = Date.parse(lead.closedAt) + (k * 30 + rnd.int(1, 10)) * DAY;
      if (at >= now) break;
      const amount = Math.floor(lead.valueMinor / parts);
      ins.run(
        uuidv7(),
        `ch_${n++}`,
        iso(at),
        amount,
        Math.round(amount * 0.03),
        rnd.chance(0.96) ? 'succeeded' : 'failed',
        `Invoice ${k + 1}/${parts}`,
        lead.email,
        lead.email,
        lead.contactId,
        lead.id,
        lead.campaignId,
        lead.campaignId ? (codes.get(lead.campaignId) ?? null) : null,
        iso(at),
        iso(at),
      );
    }
  }
  const subscribers = buyers.slice(0, Math.floor(buyers.length / 25));
  for (const buyer of subscribers) {
    const campaign = rnd.chance(0.2) ? rnd.pick(campaigns) : null;
    for (let at = now - rnd.int(30, HISTORY_DAYS) * DAY; at < now; at += 30 * DAY) {
      ins.run(
        uuidv7(),
        `ch_${n++}`,
        iso(at),
        36_00,
        1_34,
        'succeeded',
        'Subscription',
        buyer.email,
        buyer.email,
        buyer.id,
        null,
        campaign?.id ?? null,
        campaign?.code ?? null,
        iso(at),
        iso(at),
      );
    }
  }
}

function insertManualTouches(
  sqlite: Database.Database,
  rnd: Random,
  campaigns: Campaign[],
  buyers: Buyer[],
  now: number,
  count: number,
): void {
  const ins = sqlite.prepare(
    `INSERT INTO manual_touches (id, contact_id, at, channel, campaign_id, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'Met at a fair', ?, ?)`,
  );
  for (let i = 0; i < count; i++) {
    const c = rnd.pick(campaigns);
    const at = iso(now - rnd.int(1, HISTORY_DAYS) * DAY);
    ins.run(uuidv7(), rnd.pick(buyers).id, at, c.channel, c.id, at, at);
  }
}

/**
 * A measured business at scale on an empty, migrated Tandem database: the sales generator's leads and
 * contacts, then campaigns with codes, runs, content and daily spend, `metricRows` daily numbers, `orders`
 * shop orders with lines, payments and manual touches — raw prepared INSERTs in one transaction each.
 */
export function generateResultsData(
  sqlite: Database.Database,
  today: string,
  scale: ResultsScale,
  seed = 20261016,
): void {
  generateSalesData(sqlite, today, {
    leads: scale.leads,
    activities: 0,
    companies: scale.companies,
    campaigns: scale.campaigns,
  });
  const rnd = createRandom(seed);
  const now = Date.parse(`${today}T12:00:00Z`);
  const campaigns = sqlite.transaction(() => {
    const shaped = shapeCampaigns(sqlite, rnd, now);
    insertSpend(sqlite, rnd, shaped, now);
    const buyers = sqlite.prepare('SELECT id, email FROM contacts').all() as Buyer[];
    insertOrders(sqlite, rnd, shaped, buyers, now, scale.orders);
    insertPayments(sqlite, rnd, shaped, buyers, now);
    insertManualTouches(sqlite, rnd, shaped, buyers, now, 5_000);
    return shaped;
  })();
  sqlite.transaction(() => insertMetrics(sqlite, rnd, campaigns, now, scale.metricRows))();
}
