import type * as t from '../db/schema';
import { emailKey } from '../contacts/keys';
import { PRODUCTS } from './data';
import { poisson, SALES_LAG_DAYS, type Demand } from './demand';
import type { DemoCampaign } from './people';
import type { Random } from './random';
import { DAY, isoAt, stamp } from './stamps';

type Contact = typeof t.contacts.$inferInsert;
type Lead = typeof t.leads.$inferInsert & { id: string };

/** Orders a day at scale 1 on an ordinary weekday and weekend day, before interest moves them. */
const ORDERS_PER_DAY = { weekday: 4.5, weekend: 3 };

const orderStatus = (rnd: Random) =>
  rnd.chance(0.9) ? 'paid' : rnd.pick(['refunded', 'pending', 'voided', 'partially_refunded']);

/**
 * The shop's orders: as many a day as interest three days earlier brings, so sales follow visit spikes.
 * An order in a campaign's wake carries its tracking code and often the utm_content of the post it came
 * from (or the campaign's discount code instead); a few are guest
 * checkouts whose e-mail matches no contact, which the reconciliation panel lists.
 */
export function buildOrders(
  rnd: Random,
  scale: number,
  start: number,
  demand: Demand,
  people: Contact[],
  campaigns: DemoCampaign[],
  posts: ReadonlyMap<string, readonly { day: number; utmContent: string }[]>,
) {
  const orders: (typeof t.orders.$inferInsert & { id: string })[] = [];
  const lines: (typeof t.orderLines.$inferInsert)[] = [];
  let number = 1001;
  for (let i = 0; i < demand.days; i++) {
    const day = start + i * DAY;
    const weekday = new Date(day).getUTCDay();
    const base = weekday === 0 || weekday === 6 ? ORDERS_PER_DAY.weekend : ORDERS_PER_DAY.weekday;
    const earlier = i - SALES_LAG_DAYS;
    const count = poisson(rnd, base * scale * demand.level(earlier));
    const share = demand.bump(earlier) / demand.level(earlier);
    const launched = demand.campaignOf(earlier);
    for (let k = 0; k < count; k++) {
      const campaign =
        launched !== null && rnd.chance(share)
          ? campaigns[launched]
          : rnd.chance(0.08)
            ? rnd.pick(campaigns)
            : undefined;
      const guest = rnd.chance(0.04);
      const buyer = rnd.pick(people);
      const product = rnd.pick(PRODUCTS);
      const quantity = rnd.int(1, 3);
      const second = rnd.chance(0.3) ? rnd.pick(PRODUCTS) : null;
      const subtotal = product.price * quantity + (second?.price ?? 0);
      const byCode = campaign?.discountCode && rnd.chance(0.4) ? campaign.discountCode : null;
      const discount = byCode ? Math.round(subtotal * 0.1) : 0;
      const shipping = subtotal >= 50_00 ? 0 : 6_95;
      const total = subtotal - discount + shipping;
      const status = orderStatus(rnd);
      const at = day + rnd.int(8, 20) * 3_600_000 + rnd.int(0, 59) * 60_000;
      // A visit from a tagged link names the post or mail it came from: the latest one out by then.
      const post =
        campaign && !byCode && rnd.chance(0.75)
          ? (posts.get(campaign.id) ?? []).filter((p) => p.day <= at).at(-1)
          : undefined;
      const email = guest ? `guest${number}@example.net` : (buyer.email ?? null);
      const order = {
        ...stamp(at),
        source: 'demo',
        externalId: `#${number++}`,
        orderedAt: isoAt(at),
        currency: 'USD',
        subtotalMinor: subtotal,
        discountMinor: discount,
        shippingMinor: shipping,
        totalMinor: total,
        refundedMinor:
          status === 'refunded' ? total : status === 'partially_refunded' ? Math.round(total / 2) : 0,
        status,
        customerEmail: email,
        emailKey: emailKey(email),
        customerName: guest ? null : `${buyer.firstName} ${buyer.lastName}`,
        contactId: guest ? null : (buyer.id ?? null),
        campaignId: campaign?.id ?? null,
        utmSource: campaign && !byCode ? campaign.channel : null,
        utmMedium: campaign && !byCode ? (campaign.channel === 'email' ? 'email' : 'cpc') : null,
        utmCampaign: campaign && !byCode ? campaign.trackingCode : null,
        discountCode: byCode,
        utmContent: post?.utmContent ?? null,
      };
      orders.push(order);
      const items = second
        ? [[product, quantity] as const, [second, 1] as const]
        : [[product, quantity] as const];
      items.forEach(([item, qty], position) =>
        lines.push({
          ...stamp(at),
          orderId: order.id,
          position,
          name: item.name,
          sku: item.sku,
          quantity: qty,
          unitPriceMinor: item.price,
        }),
      );
    }
  }
  return { orders, lines };
}

/** A day from `from` on, within `days`, picked more often when interest three days before was high. */
function busyDay(rnd: Random, start: number, demand: Demand, from: number, days: number): number {
  const first = Math.floor((from - start) / DAY);
  for (let attempt = 0; attempt < 60; attempt++) {
    const i = first + rnd.int(0, days);
    if (rnd.next() * 27 < demand.level(i - SALES_LAG_DAYS) ** 3) return i;
  }
  return first + rnd.int(0, days);
}

/**
 * Wholesale invoices paid by card or bank transfer: most won leads pay in one to three instalments after
 * they close, tied to the lead and its campaign. Some won deals have no payment yet and a few payments come
 * from addresses that match no contact, so reconciliation has something to show.
 */
export function buildPayments(
  rnd: Random,
  start: number,
  today: number,
  demand: Demand,
  leads: Lead[],
  people: Contact[],
  campaigns: DemoCampaign[],
  wonStageId: string,
) {
  const payments: (typeof t.payments.$inferInsert)[] = [];
  const contacts = new Map(people.map((p) => [p.id, p]));
  const codes = new Map(campaigns.map((c) => [c.id, c.trackingCode]));
  let number = 1;
  const add = (i: number, over: Partial<typeof t.payments.$inferInsert> & { amountMinor: number }) => {
    const at = start + i * DAY + rnd.int(9, 18) * 3_600_000 + rnd.int(0, 59) * 60_000;
    if (at >= today) return;
    const failed = rnd.chance(0.04);
    const refunded = !failed && rnd.chance(0.03);
    payments.push({
      ...stamp(at),
      source: 'demo',
      externalId: `ch_demo_${String(number++).padStart(5, '0')}`,
      paidAt: isoAt(at),
      currency: 'USD',
      status: failed ? 'failed' : refunded ? 'partially_refunded' : 'succeeded',
      refundedMinor: refunded ? Math.round(over.amountMinor / 4) : 0,
      feeMinor: Math.round(over.amountMinor * 0.029) + 30,
      ...over,
    });
  };
  for (const lead of leads) {
    if (lead.stageId !== wonStageId || !lead.closedAt || rnd.chance(0.12)) continue;
    const contact = lead.contactId ? contacts.get(lead.contactId) : undefined;
    const parts = rnd.int(1, 3);
    const value = lead.valueMinor ?? 0;
    let from = Date.parse(lead.closedAt);
    for (let k = 0; k < parts; k++) {
      const share =
        k === parts - 1 ? value - Math.floor(value / parts) * (parts - 1) : Math.floor(value / parts);
      const i = busyDay(rnd, start, demand, from, 21);
      add(i, {
        amountMinor: share,
        description: `Invoice ${k + 1}/${parts} - ${lead.title}`,
        customerEmail: contact?.email ?? null,
        emailKey: contact?.emailKey ?? null,
        contactId: lead.contactId ?? null,
        leadId: lead.id,
        campaignId: lead.campaignId ?? null,
        utmCampaign: lead.campaignId ? (codes.get(lead.campaignId) ?? null) : null,
      });
      from = start + i * DAY + 28 * DAY;
    }
  }
  // Card payments from a payment link, by people who never became a contact.
  for (let k = 0; k < 6; k++) {
    const email = `accounts${k + 1}@harborcafes.example`;
    add(busyDay(rnd, start, demand, start, demand.days - 1), {
      amountMinor: rnd.int(4, 20) * 25_00,
      description: 'Payment link - wholesale sampler',
      customerEmail: email,
      emailKey: emailKey(email),
    });
  }
  return payments;
}
