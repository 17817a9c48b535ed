import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '@shared/api';
import { createTestCore, testClock, type TestCore } from '../testing';
import { insertOrder, insertPayment } from '../results/builders';

let t: TestCore;
const clock = testClock('2026-10-15T12:00:00Z');
beforeEach(async () => {
  clock.set('2026-10-15T12:00:00Z');
  t = await createTestCore({ clock });
});
afterEach(() => t.dispose());

/**
 * Tables only ever seen through their parent (a plan's tasks, an order's lines, a lead's stage history):
 * they are hidden with it and need no delete of their own.
 */
const OWNED = new Set([
  'plan_segments',
  'plan_channels',
  'plan_tasks',
  'cadence_steps',
  'lead_stage_history',
  'order_lines',
  // A lead's enrolments are listed only with their lead, and come back with it (their steps are its activities).
  'cadence_enrollments.lead_id',
]);

type Link = { child: string; column: string; parent: string; childHasDeletedAt: boolean };

function links(): Link[] {
  const sqlite = t.core.connection.sqlite;
  const columns = (table: string) =>
    (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
      (c) => c.name,
    );
  const tables = (
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
      .all() as { name: string }[]
  ).map((r) => r.name);
  return tables.flatMap((child) =>
    (
      sqlite
        .prepare(`SELECT "table" AS parent, "from" AS col FROM pragma_foreign_key_list(?)`)
        .all(child) as {
        parent: string;
        col: string;
      }[]
    )
      .filter(
        (fk) =>
          columns(fk.parent).includes('deleted_at') && !OWNED.has(child) && !OWNED.has(`${child}.${fk.col}`),
      )
      .map((fk) => ({
        child,
        column: fk.col,
        parent: fk.parent,
        childHasDeletedAt: columns(child).includes('deleted_at'),
      })),
  );
}

/** Every live record that points at a record in the Trash, as `table.column → parent`. */
function orphans(): string[] {
  const sqlite = t.core.connection.sqlite;
  return links().flatMap((l) => {
    const live =
      l.child === 'cadence_enrollments'
        ? `c.status = 'active'`
        : l.childHasDeletedAt
          ? 'c.deleted_at IS NULL'
          : '1';
    const n = (
      sqlite
        .prepare(
          `SELECT count(*) AS n FROM ${l.child} c JOIN ${l.parent} p ON p.id = c.${l.column}
           WHERE p.deleted_at IS NOT NULL AND ${live}`,
        )
        .get() as { n: number }
    ).n;
    return n > 0 ? [`${l.child}.${l.column} → ${l.parent} (${n})`] : [];
  });
}

/** Every link of the scene, so restore can be checked to put each one back. */
function snapshot(): Record<string, unknown[]> {
  const sqlite = t.core.connection.sqlite;
  const out: Record<string, unknown[]> = {};
  for (const l of links()) {
    out[`${l.child}.${l.column}`] = sqlite
      .prepare(
        `SELECT id, ${l.column} AS ref${l.childHasDeletedAt ? ', deleted_at AS gone' : ''} FROM ${l.child} ORDER BY id`,
      )
      .all();
  }
  return out;
}

/** One of every record, each linked to everything it can point at. */
async function scene() {
  const c = t.client;
  const plan = await c.call('plans.create', { name: 'Q4', periodKind: 'quarter', startDate: '2026-10-01' });
  const campaign = await c.call('campaigns.create', {
    planId: plan.id,
    name: 'Harvest tasting',
    channel: 'event',
    objective: 'leads',
  });
  const content = await c.call('content.create', { title: 'Harvest post', campaignId: campaign.id });
  await c.call('spend.create', { campaignId: campaign.id, date: '2026-10-02', amountMinor: 120_00 });
  const contact = await c.call('contacts.create', {
    firstName: 'Aria',
    lastName: 'Dubois',
    email: 'aria@pemaquid.example',
    companyName: 'Pemaquid Books',
  });
  const company = { id: contact.companyId ?? '' };
  expect(company.id).not.toBe('');
  t.core.connection.sqlite
    .prepare('UPDATE contacts SET source_campaign_id = ? WHERE id = ?')
    .run(campaign.id, contact.id);
  const lead = await c.call('leads.create', {
    title: 'Office coffee',
    contactId: contact.id,
    campaignId: campaign.id,
  });
  t.core.connection.sqlite.prepare('UPDATE leads SET company_id = ? WHERE id = ?').run(company.id, lead.id);
  await c.call('activities.log', { leadId: lead.id, contactId: contact.id, type: 'call', subject: 'Intro' });
  await c.call('activities.log', { contactId: contact.id, type: 'note', subject: 'Met at the fair' });
  await c.call('touches.create', {
    contactId: contact.id,
    at: '2026-10-03',
    campaignId: campaign.id,
    note: 'Heard about us at CoffeeFest',
  });
  t.core.connection.sqlite.prepare('UPDATE manual_touches SET content_item_id = ?').run(content.id);
  const ctx = t.core.ctx;
  const link = { contactId: contact.id, leadId: lead.id, campaignId: campaign.id };
  insertOrder(ctx, { orderedAt: '2026-10-05T10:00:00Z', totalMinor: 48_00, ...link });
  insertPayment(ctx, { paidAt: '2026-10-06T10:00:00Z', amountMinor: 20_00, ...link });
  const cadence = await c.call('cadences.create', {
    name: 'Follow up after a tasting',
    steps: [
      { dayOffset: 0, type: 'email', instruction: 'Thank them for coming' },
      { dayOffset: 3, type: 'call', instruction: 'Ask how the samples went' },
    ],
  });
  await c.call('cadences.enroll', { cadenceId: cadence.id, leadIds: [lead.id] });
  return { plan, campaign, content, company, contact, lead, cadence };
}

describe('no delete leaves a record pointing at the Trash', () => {
  const cases: [string, (s: Awaited<ReturnType<typeof scene>>) => Promise<unknown>, string][] = [
    [
      'contacts.delete (leads go too)',
      (s) => t.client.call('contacts.delete', { id: s.contact.id, dependents: 'delete' }),
      'contacts.restore',
    ],
    [
      'contacts.delete (leads stay)',
      (s) => t.client.call('contacts.delete', { id: s.contact.id, dependents: 'keep' }),
      'contacts.restore',
    ],
    ['companies.delete', (s) => t.client.call('companies.delete', { id: s.company.id }), 'companies.restore'],
    ['leads.delete', (s) => t.client.call('leads.delete', { id: s.lead.id }), 'leads.restore'],
    [
      'campaigns.delete',
      (s) => t.client.call('campaigns.delete', { id: s.campaign.id }),
      'campaigns.restore',
    ],
    ['plans.delete', (s) => t.client.call('plans.delete', { id: s.plan.id }), 'plans.restore'],
    ['content.delete', (s) => t.client.call('content.delete', { id: s.content.id }), 'content.restore'],
  ];
  const idOf = (name: string, s: Awaited<ReturnType<typeof scene>>): string =>
    ({
      contacts: s.contact.id,
      companies: s.company.id,
      leads: s.lead.id,
      campaigns: s.campaign.id,
      plans: s.plan.id,
      content: s.content.id,
    })[name.split('.')[0] ?? ''] ?? '';

  it('covers every delete of the contract that has dependents', () => {
    const covered = new Set([...cases.map(([name]) => name.split(' ')[0]), 'cadences.delete']);
    const withDependents = ['contacts', 'companies', 'leads', 'campaigns', 'plans', 'content', 'cadences'];
    const deletes = Object.keys(api).filter((m) => m.endsWith('.delete'));
    for (const d of withDependents) expect(deletes).toContain(`${d}.delete`);
    expect([...covered].sort()).toEqual(withDependents.map((d) => `${d}.delete`).sort());
  });

  for (const [name, remove, restore] of cases) {
    it(`${name}, and its restore puts every link back`, async () => {
      const s = await scene();
      const before = snapshot();
      expect(orphans()).toEqual([]);
      clock.set('2026-10-16T09:00:00Z');
      await remove(s);
      expect(orphans()).toEqual([]);
      clock.set('2026-10-16T09:05:00Z');
      const id = idOf(name, s);
      await t.client.call(restore as 'contacts.restore', { id });
      expect(orphans()).toEqual([]);
      expect(snapshot()).toEqual(before);
      expect(t.core.connection.sqlite.prepare('SELECT count(*) AS n FROM unlinked_refs').get()).toEqual({
        n: 0,
      });
    });
  }
});

describe('what a delete says and asks', () => {
  it('tells what happens to each dependent before the user confirms', async () => {
    const s = await scene();
    const impact = await t.client.call('deletion.impact', { kind: 'contact', id: s.contact.id });
    expect(impact.needsChoice).toBe(true);
    expect(impact.blocked).toBeNull();
    expect(impact.dependents.map((d) => d.sentence)).toEqual([
      '1 lead: delete it too, or keep it without this contact',
      '1 activity is deleted with it',
      '3 activities of its leads stay, without this contact',
      '1 touch is deleted with it',
      '1 order stays, without this contact',
      '1 payment stays, without this contact',
    ]);
  });

  it('refuses a contact with leads until told what becomes of them, changing nothing', async () => {
    const s = await scene();
    const before = snapshot();
    await expect(t.client.call('contacts.delete', { id: s.contact.id })).rejects.toThrow(
      /Say what becomes of its records first: 1 lead/,
    );
    expect(snapshot()).toEqual(before);
    expect((await t.client.call('contacts.get', { id: s.contact.id })).id).toBe(s.contact.id);
  });

  it('keeps the leads without a contact, or sends them to the Trash with it', async () => {
    const s = await scene();
    await t.client.call('contacts.delete', { id: s.contact.id, dependents: 'keep' });
    const kept = await t.client.call('leads.get', { id: s.lead.id });
    expect(kept.contactId).toBeNull();
    await t.client.call('contacts.restore', { id: s.contact.id });
    expect((await t.client.call('leads.get', { id: s.lead.id })).contactId).toBe(s.contact.id);

    await t.client.call('contacts.delete', { id: s.contact.id, dependents: 'delete' });
    await expect(t.client.call('leads.get', { id: s.lead.id })).rejects.toThrow(/does not exist/);
  });

  it('a contact without leads is deleted at once', async () => {
    const contact = await t.client.call('contacts.create', { firstName: 'Bea', lastName: 'Baker' });
    const impact = await t.client.call('deletion.impact', { kind: 'contact', id: contact.id });
    expect(impact).toEqual({ dependents: [], needsChoice: false, blocked: null });
    await t.client.call('contacts.delete', { id: contact.id });
    await expect(t.client.call('contacts.get', { id: contact.id })).rejects.toThrow(/not/);
  });

  it('refuses a campaign whose imported metrics would be left behind', async () => {
    const s = await scene();
    t.core.connection.sqlite
      .prepare(
        `INSERT INTO metric_observations (id, date, scope, metric, value, campaign_id, source, created_at, updated_at)
         VALUES ('m1', '2026-10-02', 'campaign', 'reach', 100, ?, 'test', '2026-10-02', '2026-10-02')`,
      )
      .run(s.campaign.id);
    const impact = await t.client.call('deletion.impact', { kind: 'campaign', id: s.campaign.id });
    expect(impact.blocked).toBe(
      'It cannot be deleted: 1 imported metric row belongs to it: undo the import that brought it first.',
    );
    await expect(t.client.call('campaigns.delete', { id: s.campaign.id })).rejects.toThrow(
      /cannot be deleted/,
    );
  });

  it('a cadence delete says who is in it, stops them and cancels their open steps', async () => {
    const s = await scene();
    const impact = await t.client.call('deletion.impact', { kind: 'cadence', id: s.cadence.id });
    expect(impact.dependents.map((d) => d.sentence)).toEqual([
      '1 lead in it leaves it; open steps are cancelled',
    ]);
    const open = () =>
      t.client.call('activities.list', { leadId: s.lead.id, status: 'open' }).then((p) => p.total);
    expect(await open()).toBe(2);
    await t.client.call('cadences.delete', { id: s.cadence.id });
    expect(orphans()).toEqual([]);
    expect(await open()).toBe(0);
    const [enrollment] = await t.client.call('cadences.enrollments', { leadId: s.lead.id });
    expect(enrollment?.status).toBe('stopped');
  });

  it('a lead restored on its own while its contact is in the Trash does not point at it', async () => {
    const s = await scene();
    await t.client.call('leads.delete', { id: s.lead.id });
    await t.client.call('contacts.delete', { id: s.contact.id });
    await t.client.call('leads.restore', { id: s.lead.id });
    expect((await t.client.call('leads.get', { id: s.lead.id })).contactId).toBeNull();
    expect(orphans()).toEqual([]);
    await t.client.call('contacts.restore', { id: s.contact.id });
    expect((await t.client.call('leads.get', { id: s.lead.id })).contactId).toBe(s.contact.id);
  });
});
