import * as t from '../db/schema';
import type { Ctx } from '../context';
import { companyKey } from '../contacts/keys';
import { rekeyForLocale } from '../settings/service';
import { WORKSPACE_ID } from '../workspace/defaults';
import { eq } from 'drizzle-orm';
import { COMPANIES, DEMO_BUSINESS, DEMO_CAMPAIGNS } from './data';
import { buildOrders, buildPayments } from './commerce';
import { buildDemand, type Launch } from './demand';
import { insertAll } from './insert';
import { buildLeads, buildPeople, type DemoCampaign } from './people';
import { createRandom } from './random';
import { DAY, isoAt, isoDay, stamp } from './stamps';
import { buildMetrics } from './traffic';

export interface DemoOptions {
  /** Multiplies people, leads, orders and activities; 1 is a believable small business. */
  scale: number;
  seed?: number;
}

export interface DemoCounts {
  contacts: number;
  leads: number;
  activities: number;
  orders: number;
  payments: number;
  observations: number;
}

/**
 * Fills the workspace with nine months of a small business, enough for every chart of the Results screen:
 * a plan with goals, campaigns with spend, content and daily reach, a few hundred leads in every stage with
 * ratings, lost reasons and history, follow-ups overdue/today/upcoming, shop orders and wholesale payments
 * tied to contacts and campaigns, and daily visits for the site and per channel whose launch spikes are
 * followed by sales three days later. Runs inside the caller's transaction.
 */
export function generateDemo(ctx: Ctx, options: DemoOptions): DemoCounts {
  const rnd = createRandom(options.seed ?? 20260101);
  const scale = Math.max(1, Math.floor(options.scale));
  const now = ctx.clock.now().getTime();
  const today = Date.parse(`${isoDay(now)}T00:00:00Z`);
  const startDate = new Date(today);
  startDate.setUTCMonth(startDate.getUTCMonth() - 9, 1);
  const start = startDate.getTime();

  const before = ctx.db
    .select()
    .from(t.workspaceSettings)
    .where(eq(t.workspaceSettings.id, WORKSPACE_ID))
    .get();
  if (before) rekeyForLocale(ctx, before.locale, DEMO_BUSINESS.locale);
  ctx.db
    .update(t.workspaceSettings)
    .set({ businessName: DEMO_BUSINESS.name, currency: DEMO_BUSINESS.currency, locale: DEMO_BUSINESS.locale })
    .where(eq(t.workspaceSettings.id, WORKSPACE_ID))
    .run();
  const stages = ctx.db.select().from(t.pipelineStages).orderBy(t.pipelineStages.position).all();

  const plan = { ...stamp(start), name: `Wholesale growth plan ${new Date(start).getUTCFullYear()}` };
  insertAll(ctx, t.plans, [
    {
      ...plan,
      periodKind: 'custom',
      startDate: isoDay(start),
      endDate: isoDay(today + 90 * DAY),
      status: 'active',
      goalRevenueMinor: 185_000_00 * scale,
      goalLeads: 380 * scale,
      goalQualifiedLeads: 150 * scale,
      goalBudgetMinor: 12_000_00,
      strengths:
        'Roasted to order within 48 hours; loyal local customers; owner knows every wholesale buyer.',
      weaknesses: 'Small marketing budget; website converts poorly on mobile.',
      opportunities: 'New cafes opening in Portland and Portsmouth; office coffee coming back.',
      threats: 'Green coffee prices up 30%; national brands discounting subscriptions.',
      positioning:
        'For independent cafes in New England who care about freshness, Harbor & Pine is the local roaster that delivers beans roasted this week.',
    },
  ]);
  insertAll(ctx, t.planSegments, [
    {
      ...stamp(start),
      planId: plan.id,
      name: 'Independent cafes',
      description: 'Wholesale, 10–40 lb a week',
      isTarget: true,
      position: 0,
    },
    {
      ...stamp(start),
      planId: plan.id,
      name: 'Home brewers',
      description: 'Online shop and subscriptions',
      isTarget: false,
      position: 1,
    },
  ]);
  insertAll(
    ctx,
    t.planChannels,
    ['email', 'social', 'ads', 'event', 'referral'].map((channel) => ({
      ...stamp(start),
      planId: plan.id,
      channel,
      plannedBudgetMinor: DEMO_CAMPAIGNS.filter((c) => c.channel === channel).reduce(
        (s, c) => s + c.budget,
        0,
      ),
    })),
  );
  insertAll(
    ctx,
    t.planTasks,
    [
      ['research', 'Interview five cafe owners'],
      ['research', 'Review last year’s sales by channel'],
      ['plan', 'Set goals and budget'],
      ['plan', 'Choose target segment and positioning'],
      ['execute', 'Launch campaigns'],
      ['measure', 'Monthly results review'],
    ].map(([phase, title], position) => ({
      ...stamp(start),
      planId: plan.id,
      phase: phase ?? 'plan',
      title: title ?? '',
      position,
      doneAt: position < 5 ? isoAt(start + position * 7 * DAY) : null,
    })),
  );

  // Launches spread over the nine months; the last one a little under two weeks ago.
  const firstLaunch = start + 7 * DAY;
  const launchSpan = today - 12 * DAY - firstLaunch;
  const campaignRows = DEMO_CAMPAIGNS.map((c, i) => {
    const begins = firstLaunch + Math.floor((launchSpan * i) / (DEMO_CAMPAIGNS.length - 1));
    const ends = Math.min(begins + 75 * DAY, today + 30 * DAY);
    return {
      ...stamp(begins - 14 * DAY),
      planId: plan.id,
      name: c.name,
      channel: c.channel,
      objective: c.objective,
      startDate: isoDay(begins),
      endDate: isoDay(ends),
      status: ends < today ? 'done' : 'active',
      budgetMinor: c.budget,
      targetLeads: c.objective === 'leads' ? 40 * scale : 15 * scale,
      targetRevenueMinor: c.budget * 4,
      keyMessage: c.message,
      trackingCode: c.code,
      begins,
      ends,
    };
  });
  insertAll(
    ctx,
    t.campaigns,
    campaignRows.map(({ begins: _b, ends: _e, ...row }) => row),
  );
  const campaigns: DemoCampaign[] = campaignRows.map((c, i) => ({
    ...c,
    quality: DEMO_CAMPAIGNS[i]?.quality ?? 0.5,
    discountCode: DEMO_CAMPAIGNS[i]?.discountCode ?? null,
  }));

  const spend: (typeof t.spendEntries.$inferInsert)[] = [];
  const content: (typeof t.contentItems.$inferInsert & { id: string })[] = [];
  const launches: Launch[] = [];
  campaignRows.forEach((c, index) => {
    launches.push({ day: c.begins, campaignIndex: index, strength: 2.2 });
    const weeks = Math.max(1, Math.floor((Math.min(c.ends, today) - c.begins) / (7 * DAY)));
    // The Facebook campaign runs a little over budget, so the warning has something to show.
    const weekly = Math.round((c.budgetMinor * (c.trackingCode === 'fb-retarget' ? 1.12 : 0.85)) / weeks);
    for (let w = 0; w < weeks; w++) {
      spend.push({
        ...stamp(c.begins + w * 7 * DAY),
        campaignId: c.id,
        date: isoDay(c.begins + w * 7 * DAY),
        amountMinor: weekly,
        note: 'Weekly spend',
      });
    }
    for (let k = 0; k < 4; k++) {
      const when = c.begins + k * 10 * DAY;
      const published = when < today;
      content.push({
        ...stamp(c.begins - 10 * DAY),
        campaignId: c.id,
        channel: c.channel,
        title: `${c.name}: ${['announcement', 'behind the roast', 'customer story', 'last call'][k]}`,
        scheduledDate: isoDay(when),
        status: published ? 'published' : k % 2 ? 'draft' : 'scheduled',
        utmContent: `${c.trackingCode}-${k + 1}`,
      });
      // Each post or mail after the announcement brings a smaller wave of its own.
      if (published && k > 0) launches.push({ day: when, campaignIndex: index, strength: 0.8 });
    }
  });
  // The coming weeks' calendar: posts for the campaigns still running, and ideas not yet scheduled.
  const running = campaignRows.filter((c) => c.ends >= today);
  [
    'Roaster’s notes: new harvest',
    'Wholesale tasting invite',
    'Subscriber spotlight',
    'Brew guide: pour-over',
  ].forEach((title, k) => {
    const c = running[k % Math.max(1, running.length)];
    content.push({
      ...stamp(today - 5 * DAY),
      campaignId: c?.id ?? null,
      channel: c?.channel ?? 'social',
      title,
      scheduledDate: isoDay(today + ([0, 3, 6, 10][k] ?? 1) * DAY),
      status: k === 0 ? 'scheduled' : 'draft',
      utmContent: c ? `${c.trackingCode}-next-${k + 1}` : null,
    });
  });
  for (const title of ['Holiday gift box teaser', 'Behind the scenes: cupping session']) {
    content.push({ ...stamp(today - 3 * DAY), channel: 'social', title, status: 'idea' });
  }
  insertAll(ctx, t.spendEntries, spend);
  insertAll(ctx, t.contentItems, content);

  const companyRows = COMPANIES.map((name) => ({ ...stamp(start), name, nameKey: companyKey(name) }));
  insertAll(ctx, t.companies, companyRows);

  const demand = buildDemand(rnd, start, today, launches);
  const { people, leadPlan } = buildPeople(rnd, scale, now, start, companyRows, campaigns);
  insertAll(ctx, t.contacts, people);
  const { leads, history, activities } = buildLeads(rnd, now, leadPlan, stages);
  insertAll(ctx, t.leads, leads);
  insertAll(ctx, t.leadStageHistory, history);

  const cadence = {
    ...stamp(start),
    name: 'Wholesale follow-up',
    description: 'Four touches over two weeks after a tasting',
    skipWeekends: true,
  };
  insertAll(ctx, t.cadences, [cadence]);
  insertAll(
    ctx,
    t.cadenceSteps,
    [
      [0, 'email', 'Thank {{first_name}} for the tasting and restate: {{key_message}}'],
      [2, 'call', 'Call {{first_name}} about volumes and delivery day'],
      [6, 'linkedin', 'Share a photo of this week’s roast with {{first_name}}'],
      [12, 'email', 'Send the proposal for {{lead_title}}'],
    ].map(([dayOffset, type, instruction], position) => ({
      ...stamp(start),
      cadenceId: cadence.id,
      position,
      dayOffset: Number(dayOffset),
      type: String(type),
      instruction: String(instruction),
    })),
  );
  insertAll(ctx, t.activities, activities);

  const posts = new Map<string, { day: number; utmContent: string }[]>();
  for (const item of content) {
    if (!item.campaignId || !item.utmContent || !item.scheduledDate || item.status !== 'published') continue;
    const list = posts.get(item.campaignId) ?? [];
    list.push({ day: Date.parse(`${item.scheduledDate}T00:00:00Z`), utmContent: item.utmContent });
    posts.set(item.campaignId, list);
  }
  const orders = buildOrders(rnd, scale, start, demand, people, campaigns, posts);
  insertAll(ctx, t.orders, orders.orders);
  insertAll(ctx, t.orderLines, orders.lines);
  const won = stages.find((s) => s.outcome === 'won');
  const payments = won ? buildPayments(rnd, start, today, demand, leads, people, campaigns, won.id) : [];
  insertAll(ctx, t.payments, payments);

  insertAll(ctx, t.manualTouches, manualTouches(rnd, people, campaigns, now));

  const observations = buildMetrics(rnd, start, demand, campaigns);
  insertAll(ctx, t.metricObservations, observations);

  return {
    contacts: people.length,
    leads: leads.length,
    activities: activities.length,
    orders: orders.orders.length,
    payments: payments.length,
    observations: observations.length,
  };
}

/** Touches the owner wrote down by hand: where a customer said they first heard of the roastery. */
function manualTouches(
  rnd: ReturnType<typeof createRandom>,
  people: (typeof t.contacts.$inferInsert)[],
  campaigns: DemoCampaign[],
  now: number,
): (typeof t.manualTouches.$inferInsert)[] {
  const fest = campaigns.find((c) => c.channel === 'event');
  const notes = [
    ['Heard about us from a friend at CoffeeFest', fest?.id ?? null, 'event'],
    ['Tasted our espresso at Casco Bay Bakery', null, 'referral'],
    ['Picked up a flyer at the farmers market', null, 'other'],
  ] as const;
  const touches: (typeof t.manualTouches.$inferInsert)[] = [];
  for (let k = 0; k < 9; k++) {
    const contact = people[(k * 37 + 11) % people.length];
    const [note, campaignId, channel] = notes[k % notes.length] ?? notes[0];
    if (!contact?.id || !contact.createdAt) continue;
    const at = Math.min(Date.parse(contact.createdAt) - rnd.int(1, 10) * DAY, now);
    touches.push({ ...stamp(at), contactId: contact.id, at: isoAt(at), channel, campaignId, note });
  }
  return touches;
}
