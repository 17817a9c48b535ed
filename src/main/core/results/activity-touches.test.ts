import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  await t.client.call('workspace.setup', { mode: 'empty' });
});
afterEach(() => t.dispose());

const COLUMNS = 'id, contact_id, at, kind, channel, campaign_id, content_item_id, source_table, source_id';
const sql = () => t.core.connection.sqlite;

/** The touches table holds exactly the rows the touch_log view computes from the records. */
function expectInStep() {
  const missing = sql()
    .prepare(`SELECT ${COLUMNS} FROM touch_log EXCEPT SELECT ${COLUMNS} FROM touches`)
    .all();
  const extra = sql().prepare(`SELECT ${COLUMNS} FROM touches EXCEPT SELECT ${COLUMNS} FROM touch_log`).all();
  expect({ missing, extra }).toEqual({ missing: [], extra: [] });
}

async function setUp() {
  const contact = await t.client.call('contacts.create', { firstName: 'Ann', email: 'ann@example.com' });
  const newsletter = await t.client.call('campaigns.create', {
    name: 'Spring newsletter',
    channel: 'email',
    objective: 'leads',
  });
  const lead = await t.client.call('leads.create', {
    title: 'Ann’s office order',
    contactId: contact.id,
    campaignId: newsletter.id,
  });
  return { contactId: contact.id, newsletter: newsletter.id, lead: lead.id };
}

const touchesOf = async (contactId: string) =>
  (await t.client.call('touches.list', { contactId })).touches
    .filter((x) => x.source?.table === 'activities')
    .map((x) => ({ kind: x.kind, channel: x.channel, campaignId: x.campaignId, label: x.label }));

describe('touches from activities', () => {
  it('a done e-mail whose outcome says clicked is an email_click of the lead’s e-mail campaign', async () => {
    const { contactId, newsletter, lead } = await setUp();
    const sent = await t.client.call('activities.log', {
      leadId: lead,
      type: 'email',
      subject: 'Tasting invitation',
      done: true,
      doneAt: '2026-09-01T09:00:00Z',
      outcome: 'Clicked the tasting link',
    });
    expect(await touchesOf(contactId)).toEqual([
      {
        kind: 'email_click',
        channel: 'email',
        campaignId: newsletter,
        label: 'Clicked an e-mail · Spring newsletter',
      },
    ]);
    const touch = sql().prepare('SELECT at FROM touches WHERE id = ?').get(sent.activity.id) as {
      at: string;
    };
    expect(touch.at).toBe('2026-09-01T09:00:00.000Z');
    expectInStep();

    // An outcome that is not a click, then a click again, then the activity deleted.
    await t.client.call('activities.update', { id: sent.activity.id, patch: { outcome: 'No reply' } });
    expect(await touchesOf(contactId)).toEqual([]);
    await t.client.call('activities.update', { id: sent.activity.id, patch: { outcome: 'clicked twice' } });
    expect(await touchesOf(contactId)).toHaveLength(1);
    await t.client.call('activities.delete', { id: sent.activity.id });
    expect(await touchesOf(contactId)).toEqual([]);
    expectInStep();
  });

  it('an open e-mail, a call or a note is no touch', async () => {
    const { contactId, lead } = await setUp();
    await t.client.call('activities.log', {
      leadId: lead,
      type: 'email',
      subject: 'Follow up',
      dueAt: '2026-10-20',
      outcome: 'clicked',
    });
    await t.client.call('activities.log', {
      leadId: lead,
      type: 'call',
      subject: 'Call',
      done: true,
      outcome: 'clicked',
    });
    await t.client.call('activities.log', {
      leadId: lead,
      type: 'note',
      subject: 'Note',
      outcome: 'attended',
    });
    expect(await touchesOf(contactId)).toEqual([]);
    expectInStep();
  });

  it('a meeting attended is an event touch, with the lead’s campaign only when it is an event campaign', async () => {
    const { contactId, newsletter, lead } = await setUp();
    const met = await t.client.call('activities.log', {
      contactId,
      leadId: lead,
      type: 'meeting',
      subject: 'CoffeeFest booth',
      done: true,
      doneAt: '2026-09-12T15:00:00Z',
      outcome: 'Attended the cupping at CoffeeFest',
    });
    // The lead came from the newsletter: the event touch names no campaign rather than crediting the e-mail.
    expect(await touchesOf(contactId)).toEqual([
      { kind: 'event', channel: 'event', campaignId: null, label: 'Came to an event' },
    ]);
    // The campaign becomes an event campaign: the meeting credits it; the lead moves to another: it follows.
    await t.client.call('campaigns.update', { id: newsletter, patch: { channel: 'event' } });
    expect((await touchesOf(contactId))[0]).toMatchObject({ kind: 'event', campaignId: newsletter });
    expectInStep();
    const fest = await t.client.call('campaigns.create', {
      name: 'CoffeeFest',
      channel: 'event',
      objective: 'leads',
    });
    await t.client.call('leads.update', { id: lead, patch: { campaignId: fest.id } });
    expect((await touchesOf(contactId))[0]).toMatchObject({ campaignId: fest.id });
    expectInStep();
    await t.client.call('activities.reopen', { id: met.activity.id });
    expect(await touchesOf(contactId)).toEqual([]);
    expectInStep();
  });

  it('credits the e-mail campaign of a click before an order without a tag', async () => {
    const { contactId, newsletter } = await setUp();
    const { currency } = await t.client.call('settings.get', {});
    await t.client.call('activities.log', {
      contactId,
      type: 'email',
      subject: 'Autumn offer',
      done: true,
      doneAt: '2026-09-01T09:00:00Z',
      outcome: 'Clicked',
    });
    const now = '2026-09-02T10:00:00.000Z';
    sql()
      .prepare(
        `INSERT INTO orders (id, source, external_id, ordered_at, currency, total_minor, status, contact_id, created_at, updated_at)
         VALUES ('o-1', 'shop', '1', ?, ?, 4200, 'paid', ?, ?, ?)`,
      )
      .run(now, currency, contactId, now, now);
    const d = await t.client.call('results.dashboard', {
      from: '2026-09-01',
      to: '2026-09-30',
      model: 'last',
    });
    // The click names no campaign (the activity has no lead), so it credits the e-mail channel, not a campaign.
    expect(d.channels.find((c) => c.channel === 'email')?.revenueMinor).toBe(4200);
    expect(d.unattributed.revenueMinor).toBe(0);
    expect(d.campaigns.find((c) => c.campaignId === newsletter)?.revenueMinor ?? 0).toBe(0);
  });
});
