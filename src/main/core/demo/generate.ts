import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as t from '../db/schema';
import type { Ctx } from '../context';
import { phoneKey } from '@shared/domain/phone';
import { companyKey, emailKey } from '../contacts/keys';
import { WORKSPACE_ID } from '../workspace/defaults';
import { eq } from 'drizzle-orm';
import {
  ACTIVITY_SUBJECTS,
  CITIES,
  COMPANIES,
  DEMO_BUSINESS,
  DEMO_CAMPAIGNS,
  FIRST_NAMES,
  LAST_NAMES,
  LOST_REASONS,
} from './data';
import { buildMetrics, buildOrders } from './commerce';
import { createRandom, type Random } from './random';
import { DAY, isoAt, isoDay, stamp, type CampaignRow } from './stamps';

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
  observations: number;
}

function insertAll<T extends SQLiteTable>(ctx: Ctx, table: T, rows: T['$inferInsert'][]): void {
  // 200 rows per statement keeps well under SQLite's bound-variable limit for our widest table.
  for (let i = 0; i < rows.length; i += 200) {
    ctx.db
      .insert(table)
      .values(rows.slice(i, i + 200))
      .run();
  }
}

/**
 * Fills the workspace with nine months of a small business: a plan, campaigns with spend and content,
 * contacts, leads in every stage with ratings and history, follow-ups overdue/today/upcoming, orders and
 * daily website and social metrics. Runs inside the caller's transaction.
 */
export function generateDemo(ctx: Ctx, options: DemoOptions): DemoCounts {
  const rnd = createRandom(options.seed ?? 20260101);
  const scale = Math.max(1, Math.floor(options.scale));
  const now = ctx.clock.now().getTime();
  const today = Date.parse(`${isoDay(now)}T00:00:00Z`);
  const startDate = new Date(today);
  startDate.setUTCMonth(startDate.getUTCMonth() - 9, 1);
  const start = startDate.getTime();
  const span = today - start;

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
      goalRevenueMinor: 180_000_00 * scale,
      goalLeads: 120 * scale,
      goalQualifiedLeads: 50 * scale,
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

  const campaignRows = DEMO_CAMPAIGNS.map((c, i) => {
    const begins = start + Math.floor((span * i) / (DEMO_CAMPAIGNS.length + 1));
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
      targetLeads: c.objective === 'leads' ? 20 * scale : 5 * scale,
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

  const spend: (typeof t.spendEntries.$inferInsert)[] = [];
  const content: (typeof t.contentItems.$inferInsert)[] = [];
  for (const c of campaignRows) {
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
      content.push({
        ...stamp(c.begins - 10 * DAY),
        campaignId: c.id,
        channel: c.channel,
        title: `${c.name}: ${['announcement', 'behind the roast', 'customer story', 'last call'][k]}`,
        scheduledDate: isoDay(when),
        status: when < today ? 'published' : k % 2 ? 'draft' : 'scheduled',
        utmContent: `${c.trackingCode}-${k + 1}`,
      });
    }
  }
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

  const people = buildContacts(rnd, scale, start, span, companyRows, campaignRows);
  insertAll(ctx, t.contacts, people);

  const { leads, history, activities } = buildLeads(
    rnd,
    scale,
    now,
    start,
    span,
    people,
    campaignRows,
    stages,
  );
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

  const orders = buildOrders(rnd, scale, start, today, people, campaignRows);
  insertAll(ctx, t.orders, orders.orders);
  insertAll(ctx, t.orderLines, orders.lines);

  const observations = buildMetrics(rnd, start, today, campaignRows);
  insertAll(ctx, t.metricObservations, observations);

  return {
    contacts: people.length,
    leads: leads.length,
    activities: activities.length,
    orders: orders.orders.length,
    observations: observations.length,
  };
}

function buildContacts(
  rnd: Random,
  scale: number,
  start: number,
  span: number,
  companyRows: { id: string; name: string }[],
  campaignRows: CampaignRow[],
): (typeof t.contacts.$inferInsert)[] {
  const people: (typeof t.contacts.$inferInsert)[] = [];
  for (let i = 0; i < 80 * scale; i++) {
    const firstName = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Alex';
    // Each first name steps through the last names in its own order, so neighbours do not share a family
    // name, and every (first, last) pair stays unique until all of them are used.
    const lastName =
      LAST_NAMES[((i % FIRST_NAMES.length) * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length] ??
      'Smith';
    const company = i < companyRows.length * 2 ? companyRows[i % companyRows.length] : undefined;
    const domain = company ? `${company.name.toLowerCase().replace(/[^a-z]+/g, '')}.com` : 'gmail.com';
    const email =
      `${firstName}.${lastName}${i >= FIRST_NAMES.length * LAST_NAMES.length ? i : ''}@${domain}`.toLowerCase();
    const phone = `(207) 555-${String(1000 + i).slice(-4)}`;
    const [city, region] = rnd.pick(CITIES);
    const campaign = rnd.chance(0.6) ? rnd.pick(campaignRows) : undefined;
    people.push({
      ...stamp(start + Math.floor(rnd.next() * span)),
      firstName,
      lastName,
      email,
      emailKey: emailKey(email),
      phone,
      phoneKey: phoneKey(phone),
      companyId: company?.id ?? null,
      title: company ? rnd.pick(['Owner', 'General Manager', 'Buyer', 'Head Barista']) : '',
      city,
      region,
      country: 'United States',
      lifecycle: company ? 'lead' : rnd.pick(['subscriber', 'customer', 'customer', 'lead']),
      sourceCampaignId: campaign?.id ?? null,
      sourceChannel: campaign?.channel ?? rnd.pick(['web', 'referral', 'other']),
    });
  }
  return people;
}

function buildLeads(
  rnd: Random,
  scale: number,
  now: number,
  start: number,
  span: number,
  people: (typeof t.contacts.$inferInsert)[],
  campaignRows: CampaignRow[],
  stages: (typeof t.pipelineStages.$inferSelect)[],
) {
  const leads: (typeof t.leads.$inferInsert)[] = [];
  const history: (typeof t.leadStageHistory.$inferInsert)[] = [];
  const activities: (typeof t.activities.$inferInsert)[] = [];
  const wholesale = people.filter((p) => p.companyId);
  const total = 40 * scale;
  for (let i = 0; i < total; i++) {
    const person = wholesale[i % wholesale.length] ?? people[i % people.length];
    if (!person) break;
    const campaign = rnd.chance(0.8) ? rnd.pick(campaignRows) : undefined;
    const created = campaign
      ? Math.min(campaign.begins + rnd.int(0, 60) * DAY, now - DAY)
      : start + Math.floor(rnd.next() * span);
    // Every stage gets leads: cycle through stages, then let age decide how far a lead got.
    const stage = stages[i % stages.length] ?? stages[0];
    if (!stage) break;
    const lead = {
      ...stamp(created),
      title: `${person.firstName} ${person.lastName} - ${rnd.pick(['house blend supply', 'espresso program', 'office coffee', 'retail shelf'])}`,
      contactId: person.id,
      companyId: person.companyId,
      campaignId: campaign?.id ?? null,
      channel: campaign?.channel ?? 'unknown',
      stageId: stage.id,
      valueMinor: rnd.int(6, 60) * 100_00,
      expectedCloseDate: isoDay(created + rnd.int(20, 60) * DAY),
      owner: 'You',
      rating: stage.position >= 2 ? rnd.int(3, 5) : rnd.chance(0.5) ? rnd.int(1, 3) : null,
      ratingNote: stage.position >= 2 ? 'Fits our wholesale profile' : '',
      ratedBy: 'You',
      ratedAt: isoAt(created + DAY),
      lostReason: stage.outcome === 'lost' ? rnd.pick(LOST_REASONS) : null,
      closedAt: stage.outcome === 'open' ? null : isoAt(Math.min(created + 30 * DAY, now - DAY)),
      boardRank: i,
    };
    leads.push(lead);
    let from: string | null = null;
    for (const s of stages.slice(0, stages.indexOf(stage) + 1)) {
      if (s.outcome === 'won' && stage.outcome === 'lost') continue;
      history.push({
        ...stamp(created),
        leadId: lead.id,
        fromStageId: from,
        toStageId: s.id,
        changedAt: isoAt(created + s.position * 3 * DAY),
      });
      from = s.id;
    }
    activities.push({
      ...stamp(created),
      leadId: lead.id,
      contactId: person.id,
      type: 'call',
      subject: rnd.pick(ACTIVITY_SUBJECTS.call),
      dueAt: isoAt(created + DAY),
      doneAt: isoAt(created + DAY),
      outcome: 'Interested, asked for samples',
    });
    if (stage.outcome === 'open') {
      // Spread open follow-ups over overdue, today and the coming two weeks.
      const offsetDays = [-3, -1, 0, 0, 2, 5, 9, 14][i % 8] ?? 1;
      const type = rnd.pick(['call', 'email', 'meeting', 'task'] as const);
      activities.push({
        ...stamp(created + DAY),
        leadId: lead.id,
        contactId: person.id,
        type,
        subject: rnd.pick(ACTIVITY_SUBJECTS[type]),
        dueAt: isoAt(Date.parse(`${isoDay(now + offsetDays * DAY)}T15:00:00Z`)),
      });
    }
  }
  return { leads, history, activities };
}
