import type * as t from '../db/schema';
import { phoneKey } from '@shared/domain/phone';
import { emailKey } from '../contacts/keys';
import { ACTIVITY_SUBJECTS, CITIES, FIRST_NAMES, LAST_NAMES, LOST_REASONS } from './data';
import type { Random } from './random';
import { DAY, isoAt, isoDay, stamp, type CampaignRow } from './stamps';

type Contact = typeof t.contacts.$inferInsert;
type Stage = typeof t.pipelineStages.$inferSelect;

/** Per scale step: the buyers who became leads, and the shop's customers who never were one. */
const LEADS_PER_SCALE = 300;
const CUSTOMERS_PER_SCALE = 180;

/** A demo campaign with what decides its leads' fate. */
export type DemoCampaign = CampaignRow & { quality: number; discountCode: string | null };

function person(rnd: Random, i: number, company: { id: string; name: string } | undefined) {
  const firstName = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Alex';
  // Each first name steps through the last names in its own order, so neighbours do not share a family
  // name, and every (first, last) pair stays unique until all of them are used.
  const lastName =
    LAST_NAMES[((i % FIRST_NAMES.length) * 7 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length] ??
    'Smith';
  const domain = company ? `${company.name.toLowerCase().replace(/[^a-z]+/g, '')}.com` : 'gmail.com';
  const email =
    `${firstName}.${lastName}${i >= FIRST_NAMES.length * LAST_NAMES.length ? i : ''}@${domain}`.toLowerCase();
  // Written with the calling code: a demo opened in another country's locale keeps its numbers' keys.
  const phone = `+1 (207) 555-${String(1000 + (i % 9000)).slice(-4)}`;
  const [city, region] = rnd.pick(CITIES);
  return {
    firstName,
    lastName,
    email,
    emailKey: emailKey(email),
    phone,
    phoneKey: phoneKey(phone),
    city,
    region,
    country: 'United States',
  };
}

/** When a campaign's lead came in: most in the first weeks after launch, a tail up to two months. */
function leadDay(rnd: Random, campaign: DemoCampaign, now: number): number {
  const days = Math.min(60, Math.floor(-Math.log(1 - rnd.next() * 0.95) * 14));
  return Math.min(campaign.begins + days * DAY + rnd.int(9, 17) * 3_600_000, now - DAY);
}

/**
 * The buyers behind the leads (one contact each, most with a company, their source the lead's campaign),
 * then the shop's own customers with a campaign as their original source for some.
 */
export function buildPeople(
  rnd: Random,
  scale: number,
  now: number,
  start: number,
  companyRows: { id: string; name: string }[],
  campaigns: DemoCampaign[],
) {
  const people: Contact[] = [];
  const leadPlan: { contact: Contact; campaign: DemoCampaign | undefined; created: number }[] = [];
  const span = now - DAY - start;
  for (let i = 0; i < LEADS_PER_SCALE * scale; i++) {
    const company = rnd.chance(0.65) ? companyRows[i % companyRows.length] : undefined;
    const campaign = rnd.chance(0.78) ? rnd.pick(campaigns) : undefined;
    const created = campaign ? leadDay(rnd, campaign, now) : start + Math.floor(rnd.next() * span);
    const contact: Contact = {
      ...stamp(created - rnd.int(0, 2) * DAY),
      ...person(rnd, i, company),
      companyId: company?.id ?? null,
      title: company ? rnd.pick(['Owner', 'General Manager', 'Buyer', 'Head Barista']) : 'Office manager',
      lifecycle: 'lead',
      sourceCampaignId: campaign?.id ?? null,
      sourceChannel: campaign?.channel ?? rnd.pick(['web', 'referral', 'web', 'other']),
    };
    people.push(contact);
    leadPlan.push({ contact, campaign, created });
  }
  const offset = people.length;
  for (let i = 0; i < CUSTOMERS_PER_SCALE * scale; i++) {
    const campaign = rnd.chance(0.4) ? rnd.pick(campaigns) : undefined;
    const created = campaign
      ? Math.min(campaign.begins + rnd.int(0, 30) * DAY, now - DAY)
      : start + Math.floor(rnd.next() * span);
    people.push({
      ...stamp(created),
      ...person(rnd, offset + i, undefined),
      lifecycle: rnd.pick(['subscriber', 'customer', 'customer']),
      sourceCampaignId: campaign?.id ?? null,
      sourceChannel: campaign?.channel ?? rnd.pick(['web', 'web', 'referral', 'social']),
    });
  }
  return { people, leadPlan };
}

/** The stage a lead reached by now: by its age, and, once decided, by its campaign's quality. */
function fate(rnd: Random, ageDays: number, quality: number, stages: Stage[]): Stage {
  const named = (outcome: string, position?: number) =>
    stages.find((s) => s.outcome === outcome && (position === undefined || s.position === position)) ??
    stages[0]!;
  const open = stages.filter((s) => s.outcome === 'open');
  if (ageDays < 10) return open[rnd.chance(0.6) ? 0 : 1] ?? named('open');
  if (ageDays < 40) {
    if (rnd.chance(0.2)) return named('lost');
    return open[Math.min(open.length - 1, rnd.int(1, 1 + Math.round(quality * 2)))] ?? named('open');
  }
  if (ageDays < 100 && rnd.chance(0.3)) return open[open.length - 1] ?? named('open');
  return rnd.chance(0.1 + 0.45 * quality) ? named('won') : named('lost');
}

const biasedPick = <T>(rnd: Random, items: readonly T[]): T =>
  items[Math.floor(rnd.next() * rnd.next() * items.length)] ?? rnd.pick(items);

/**
 * Leads in every stage: recent ones open, older ones won or lost (good campaigns win more), each rated by
 * sales once it was talked to, with its stage history, a first call, and open follow-ups spread over
 * overdue, today and the next two weeks.
 */
export function buildLeads(
  rnd: Random,
  now: number,
  leadPlan: ReturnType<typeof buildPeople>['leadPlan'],
  stages: Stage[],
) {
  const leads: (typeof t.leads.$inferInsert & { id: string; createdAt: string })[] = [];
  const history: (typeof t.leadStageHistory.$inferInsert)[] = [];
  const activities: (typeof t.activities.$inferInsert)[] = [];
  const byPosition = [...stages].sort((a, b) => a.position - b.position);
  leadPlan.forEach(({ contact, campaign, created }, i) => {
    const quality = campaign?.quality ?? 0.45;
    const ageDays = Math.floor((now - created) / DAY);
    // The first leads cycle through the stages so every column of the board has cards.
    const stage = i < byPosition.length ? byPosition[i]! : fate(rnd, ageDays, quality, byPosition);
    const closed = stage.outcome !== 'open';
    const closedAt = closed ? Math.min(created + rnd.int(8, 40) * DAY, now - DAY) : null;
    const talked = stage.position >= 1 || closed;
    const rating =
      talked && rnd.chance(0.8)
        ? Math.max(
            1,
            Math.min(
              5,
              Math.round(
                0.6 +
                  quality * 4 +
                  (stage.outcome === 'won' ? 0.8 : stage.outcome === 'lost' ? -0.8 : 0) +
                  (rnd.next() - 0.5) * 2,
              ),
            ),
          )
        : null;
    const company = contact.companyId !== null && contact.companyId !== undefined;
    const lead = {
      ...stamp(created),
      title: `${contact.firstName} ${contact.lastName} - ${rnd.pick(company ? ['house blend supply', 'espresso program', 'retail shelf', 'cold brew kegs'] : ['office coffee', 'gift boxes', 'office coffee'])}`,
      contactId: contact.id ?? null,
      companyId: contact.companyId ?? null,
      campaignId: campaign?.id ?? null,
      channel: campaign?.channel ?? contact.sourceChannel ?? 'unknown',
      stageId: stage.id,
      valueMinor: rnd.int(4, 24) * 50_00,
      expectedCloseDate: isoDay(created + rnd.int(20, 60) * DAY),
      owner: 'You',
      rating,
      ratingNote:
        rating === null
          ? ''
          : rating >= 4
            ? 'Fits our wholesale profile'
            : rating <= 2
              ? 'Too small for wholesale'
              : '',
      ratedBy: rating === null ? null : 'You',
      ratedAt: rating === null ? null : isoAt(Math.min(created + 2 * DAY, now)),
      lostReason: stage.outcome === 'lost' ? biasedPick(rnd, LOST_REASONS) : null,
      closedAt: closedAt === null ? null : isoAt(closedAt),
      boardRank: i,
    };
    leads.push(lead);
    // A lost lead got as far as a good campaign's leads tend to: qualified only for some of them.
    const reached = rnd.chance(quality * 0.8) ? 2 : rnd.int(0, 1);
    const path = byPosition.filter((s) =>
      s.outcome === 'open'
        ? s.position <=
          (stage.outcome === 'open' ? stage.position : stage.outcome === 'won' ? Infinity : reached)
        : s.id === stage.id,
    );
    const last = closedAt ?? Math.min(now - DAY, created + path.length * 4 * DAY);
    let from: string | null = null;
    path.forEach((s, k) => {
      history.push({
        ...stamp(created),
        leadId: lead.id,
        fromStageId: from,
        toStageId: s.id,
        changedAt: isoAt(k === 0 ? created : created + ((last - created) * k) / Math.max(1, path.length - 1)),
      });
      from = s.id;
    });
    activities.push({
      ...stamp(created),
      leadId: lead.id,
      contactId: contact.id ?? null,
      type: 'call',
      subject: rnd.pick(ACTIVITY_SUBJECTS.call),
      dueAt: isoAt(created + DAY),
      doneAt: isoAt(created + DAY),
      outcome: 'Interested, asked for samples',
    });
    // Touches sales logs (no random draws, so the rest of the demo stays as it was): every other lead from an
    // e-mail campaign clicked the tasting link in the follow-up e-mail; leads from events came to the cupping.
    const touchAt = created + 2 * DAY;
    if (campaign?.channel === 'email' && i % 2 === 0 && touchAt <= now)
      activities.push({
        ...stamp(touchAt),
        leadId: lead.id,
        contactId: contact.id ?? null,
        type: 'email',
        subject: 'Tasting invitation',
        dueAt: isoAt(touchAt),
        doneAt: isoAt(touchAt),
        outcome: 'Clicked the tasting link',
      });
    if (campaign?.channel === 'event' && touchAt <= now)
      activities.push({
        ...stamp(touchAt),
        leadId: lead.id,
        contactId: contact.id ?? null,
        type: 'meeting',
        subject: 'Cupping at the booth',
        dueAt: isoAt(touchAt),
        doneAt: isoAt(touchAt),
        outcome: 'Attended the cupping',
      });
    if (!closed && (ageDays < 60 || i % 3 === 0)) {
      const offsetDays = [-3, -1, 0, 0, 2, 5, 9, 14][i % 8] ?? 1;
      const type = rnd.pick(['call', 'email', 'meeting', 'task'] as const);
      activities.push({
        ...stamp(created + DAY),
        leadId: lead.id,
        contactId: contact.id ?? null,
        type,
        subject: rnd.pick(ACTIVITY_SUBJECTS[type]),
        dueAt: isoAt(Date.parse(`${isoDay(now + offsetDays * DAY)}T15:00:00Z`)),
      });
    }
  });
  return { leads, history, activities };
}
