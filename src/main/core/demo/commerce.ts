import type * as t from '../db/schema';
import { PRODUCTS } from './data';
import type { Random } from './random';
import { DAY, isoAt, isoDay, stamp, type CampaignRow } from './stamps';

/** The shop's side of the demo: orders with lines after campaign launches, and daily web and social numbers. */
export function buildOrders(
  rnd: Random,
  scale: number,
  start: number,
  today: number,
  people: (typeof t.contacts.$inferInsert)[],
  campaignRows: CampaignRow[],
) {
  const orders: (typeof t.orders.$inferInsert)[] = [];
  const lines: (typeof t.orderLines.$inferInsert)[] = [];
  let number = 1001;
  for (let day = start; day < today; day += DAY) {
    // Orders rise about three days after a campaign launch, like the shop data they imitate.
    const boost = campaignRows.some((c) => day - c.begins >= 3 * DAY && day - c.begins < 10 * DAY) ? 3 : 0;
    const count = rnd.int(0, 2 + boost) * scale;
    for (let k = 0; k < count; k++) {
      const person = rnd.pick(people);
      const product = rnd.pick(PRODUCTS);
      const quantity = rnd.int(1, 3);
      const subtotal = product.price * quantity;
      const shipping = subtotal >= 50_00 ? 0 : 6_95;
      const status = rnd.chance(0.9)
        ? 'paid'
        : rnd.pick(['refunded', 'pending', 'voided', 'partially_refunded']);
      const total = subtotal + shipping;
      const campaign = rnd.chance(0.35) ? rnd.pick(campaignRows) : undefined;
      const at = day + rnd.int(8, 20) * 3_600_000;
      const order = {
        ...stamp(at),
        source: 'demo',
        externalId: `#${number++}`,
        orderedAt: isoAt(at),
        currency: 'USD',
        subtotalMinor: subtotal,
        shippingMinor: shipping,
        totalMinor: total,
        refundedMinor:
          status === 'refunded' ? total : status === 'partially_refunded' ? Math.round(total / 2) : 0,
        status,
        customerEmail: person.email ?? null,
        emailKey: person.emailKey ?? null,
        customerName: `${person.firstName} ${person.lastName}`,
        contactId: person.id,
        campaignId: campaign?.id ?? null,
        utmCampaign: campaign?.trackingCode ?? null,
      };
      orders.push(order);
      lines.push({
        ...stamp(at),
        orderId: order.id,
        position: 0,
        name: product.name,
        sku: product.sku,
        quantity,
        unitPriceMinor: product.price,
      });
    }
  }
  return { orders, lines };
}

export function buildMetrics(rnd: Random, start: number, today: number, campaignRows: CampaignRow[]) {
  const rows: (typeof t.metricObservations.$inferInsert)[] = [];
  for (let day = start; day < today; day += DAY) {
    const date = isoDay(day);
    const launchSpike = campaignRows.some((c) => day >= c.begins && day - c.begins < 4 * DAY) ? 2.2 : 1;
    const weekday = new Date(day).getUTCDay();
    const base = weekday === 0 || weekday === 6 ? 90 : 140;
    for (const [channel, share] of [
      ['organic', 0.45],
      ['direct', 0.25],
      ['social', 0.15],
      ['email', 0.08],
      ['ads', 0.07],
    ] as const) {
      rows.push({
        ...stamp(day),
        date,
        scope: `channel:${channel}`,
        channel,
        metric: 'visits',
        value: Math.round(base * share * launchSpike * (0.8 + rnd.next() * 0.4)),
        source: 'demo',
      });
    }
    for (const c of campaignRows) {
      if (day < c.begins || day > c.ends) continue;
      const impressions = rnd.int(300, 2500);
      rows.push({
        ...stamp(day),
        date,
        scope: `campaign:${c.id}`,
        campaignId: c.id,
        channel: c.channel,
        metric: 'impressions',
        value: impressions,
        source: 'demo',
      });
      rows.push({
        ...stamp(day),
        date,
        scope: `campaign:${c.id}`,
        campaignId: c.id,
        channel: c.channel,
        metric: 'clicks',
        value: Math.round(impressions * (0.01 + rnd.next() * 0.03)),
        source: 'demo',
      });
    }
  }
  return rows;
}
