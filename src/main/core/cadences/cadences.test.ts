import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CadenceCreate } from '@shared/api/cadences';
import { insertCampaign, makeLead, rows, stageIds } from '../leads/fixtures';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
// Thursday.
const clock = testClock('2026-10-15T12:00:00Z');
beforeEach(async () => {
  clock.set('2026-10-15T12:00:00Z');
  t = await createTestCore({ clock });
});
afterEach(() => t.dispose());

const WHOLESALE: CadenceCreate = {
  name: 'Wholesale follow-up',
  steps: [
    { dayOffset: 0, type: 'email', instruction: 'Thank {{first_name}} for the tasting: {{key_message}}' },
    {
      dayOffset: 2,
      type: 'call',
      instruction: 'Call {{first_name}} {{last_name}} at {{company}} about {{lead_title}}',
    },
    { dayOffset: 3, type: 'linkedin', instruction: 'Connect after {{campaign}}' },
    { dayOffset: 6, type: 'task', instruction: 'Prepare the proposal' },
  ],
};

async function wholesaleLead() {
  const campaign = insertCampaign(t, {
    name: 'Autumn tasting',
    keyMessage: 'Roasted Monday, delivered Friday.',
  });
  return makeLead(t, {
    title: 'Espresso program',
    campaignId: campaign,
    newContact: { firstName: 'Aria', lastName: 'Dubois', companyName: 'Pemaquid Coffee House' },
  });
}

const openSteps = (leadId: string) =>
  rows<{ type: string; subject: string; dueAt: string }>(
    t,
    `SELECT type, subject, due_at AS dueAt FROM activities
     WHERE lead_id = ? AND enrollment_id IS NOT NULL AND done_at IS NULL AND deleted_at IS NULL ORDER BY due_at`,
    leadId,
  );

describe('cadences', () => {
  it('refuses unknown placeholders naming the step, and saves nothing', async () => {
    const result = await t.core.dispatch('cadences.create', {
      name: 'Broken',
      steps: [
        { dayOffset: 0, type: 'email', instruction: 'Hi {{first_name}}' },
        { dayOffset: 1, type: 'call', instruction: 'Offer {{discount_code}} to {{FirstName}}' },
      ],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'steps.1.instruction' }] },
    });
    if (!result.ok) expect(result.error.message).toContain('{{discount_code}}, {{FirstName}}');
    for (const [input, field] of [
      [{ name: '', steps: WHOLESALE.steps }, 'name'],
      [{ name: 'X', steps: [] }, 'steps'],
      [{ name: 'X', steps: [{ dayOffset: -1, type: 'call', instruction: 'Call' }] }, 'steps.0.dayOffset'],
      [{ name: 'X', steps: [{ dayOffset: 1, type: 'fax', instruction: 'Fax' }] }, 'steps.0.type'],
    ] as const) {
      const r = await t.core.dispatch('cadences.create', input);
      expect(r).toMatchObject({ ok: false, error: { issues: [{ field }] } });
    }
    expect(await t.client.call('cadences.list', {})).toEqual([]);
  });

  it('turns each step into a follow-up at start + offset, moving weekend days to Monday', async () => {
    const cadence = await t.client.call('cadences.create', WHOLESALE);
    expect(cadence.skipWeekends).toBe(true);
    const lead = await wholesaleLead();
    const { enrolled, skipped } = await t.client.call('cadences.enroll', {
      cadenceId: cadence.id,
      leadIds: [lead.id],
    });
    expect(skipped).toEqual([]);
    expect(enrolled[0]).toMatchObject({
      status: 'active',
      startDate: '2026-10-15',
      stepsTotal: 4,
      stepsDone: 0,
      nextDueDate: '2026-10-15',
    });
    expect(openSteps(lead.id)).toEqual([
      {
        type: 'email',
        subject: 'Thank Aria for the tasting: Roasted Monday, delivered Friday.',
        dueAt: '2026-10-15T00:00:00.000Z',
      },
      // +2 is Saturday, +3 Sunday: both move to Monday the 19th.
      {
        type: 'call',
        subject: 'Call Aria Dubois at Pemaquid Coffee House about Espresso program',
        dueAt: '2026-10-19T00:00:00.000Z',
      },
      { type: 'linkedin', subject: 'Connect after Autumn tasting', dueAt: '2026-10-19T00:00:00.000Z' },
      { type: 'task', subject: 'Prepare the proposal', dueAt: '2026-10-21T00:00:00.000Z' },
    ]);
  });

  it('keeps weekend days when weekend skipping is off, and honours a start date', async () => {
    const cadence = await t.client.call('cadences.create', { ...WHOLESALE, skipWeekends: false });
    const lead = await wholesaleLead();
    await t.client.call('cadences.enroll', {
      cadenceId: cadence.id,
      leadIds: [lead.id],
      startDate: '2026-10-16',
    });
    expect(openSteps(lead.id).map((s) => s.dueAt.slice(0, 10))).toEqual([
      '2026-10-16',
      '2026-10-18',
      '2026-10-19',
      '2026-10-22',
    ]);
    const preview = await t.client.call('cadences.preview', {
      cadenceId: cadence.id,
      leadId: lead.id,
      startDate: '2026-10-16',
    });
    expect(preview.map((p) => p.dueDate)).toEqual(['2026-10-16', '2026-10-18', '2026-10-19', '2026-10-22']);
    expect(preview[2]?.text).toBe('Connect after Autumn tasting');
  });

  it('enrols many leads at once and skips those already enrolled or closed', async () => {
    const cadence = await t.client.call('cadences.create', WHOLESALE);
    const stages = await stageIds(t);
    const [a, b, won] = [await makeLead(t), await makeLead(t), await makeLead(t, { stageId: stages.Won })];
    await t.client.call('cadences.enroll', { cadenceId: cadence.id, leadIds: [a.id] });
    const result = await t.client.call('cadences.enroll', {
      cadenceId: cadence.id,
      leadIds: [a.id, b.id, won.id],
    });
    expect(result.enrolled.map((e) => e.leadId)).toEqual([b.id]);
    expect(result.skipped).toEqual([
      { leadId: a.id, reason: 'already enrolled' },
      { leadId: won.id, reason: 'already won' },
    ]);
    expect((await t.client.call('cadences.get', { id: cadence.id })).activeEnrollments).toBe(2);
  });

  it('stops when the user stops it, removing open steps and keeping done ones', async () => {
    const cadence = await t.client.call('cadences.create', WHOLESALE);
    const lead = await wholesaleLead();
    const [enrollment] = (
      await t.client.call('cadences.enroll', { cadenceId: cadence.id, leadIds: [lead.id] })
    ).enrolled;
    const first = (
      await t.client.call('activities.list', { leadId: lead.id, status: 'open', direction: 'asc' })
    ).rows[0];
    await t.client.call('activities.complete', { id: first!.id, outcome: 'Sent' });
    const stopped = await t.client.call('cadences.stop', { enrollmentId: enrollment!.id });
    expect(stopped).toMatchObject({
      status: 'stopped',
      stopReason: 'user',
      stoppedAt: '2026-10-15T12:00:00.000Z',
      stepsDone: 1,
    });
    expect(openSteps(lead.id)).toEqual([]);
    expect((await t.client.call('today.queue', {})).counts).toEqual({ overdue: 0, today: 0, upcoming: 0 });
    await expect(t.client.call('cadences.stop', { enrollmentId: enrollment!.id })).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('stops when the lead is won or lost', async () => {
    const cadence = await t.client.call('cadences.create', WHOLESALE);
    const [a, b] = [await makeLead(t), await makeLead(t)];
    await t.client.call('cadences.enroll', { cadenceId: cadence.id, leadIds: [a.id, b.id] });
    await t.client.call('leads.close', { id: a.id, outcome: 'won' });
    const stages = await stageIds(t);
    await t.client.call('leads.move', { id: b.id, stageId: stages.Lost!, lostReason: 'No budget' });
    const enrollments = await t.client.call('cadences.enrollments', { cadenceId: cadence.id });
    expect(enrollments.map((e) => [e.leadId, e.status, e.stopReason]).sort()).toEqual(
      [
        [a.id, 'stopped', 'won'],
        [b.id, 'stopped', 'lost'],
      ].sort(),
    );
    expect([...openSteps(a.id), ...openSteps(b.id)]).toEqual([]);
  });

  it('completes when every step is done', async () => {
    const cadence = await t.client.call('cadences.create', {
      name: 'Short',
      steps: [{ dayOffset: 0, type: 'call', instruction: 'Call' }],
    });
    const lead = await makeLead(t);
    const [enrollment] = (
      await t.client.call('cadences.enroll', { cadenceId: cadence.id, leadIds: [lead.id] })
    ).enrolled;
    const step = (await t.client.call('activities.list', { leadId: lead.id })).rows[0]!;
    await t.client.call('activities.complete', { id: step.id });
    expect((await t.client.call('cadences.enrollments', { leadId: lead.id }))[0]).toMatchObject({
      id: enrollment!.id,
      status: 'completed',
      stepsDone: 1,
    });
    await t.client.call('activities.reopen', { id: step.id });
    expect((await t.client.call('cadences.enrollments', { leadId: lead.id }))[0]?.status).toBe('active');
  });

  it('edits steps, deletes softly and restores', async () => {
    const cadence = await t.client.call('cadences.create', WHOLESALE);
    const lead = await makeLead(t);
    await t.client.call('cadences.enroll', { cadenceId: cadence.id, leadIds: [lead.id] });
    const edited = await t.client.call('cadences.update', {
      id: cadence.id,
      patch: {
        name: 'Wholesale v2',
        steps: [{ dayOffset: 1, type: 'call', instruction: 'Call {{first_name}}' }],
      },
    });
    expect(edited).toMatchObject({
      name: 'Wholesale v2',
      steps: [{ position: 0, dayOffset: 1, type: 'call' }],
    });
    // Running enrolments keep the follow-ups they were given.
    expect(openSteps(lead.id)).toHaveLength(4);
    await expect(
      t.client.call('cadences.update', {
        id: cadence.id,
        patch: { steps: [{ dayOffset: 1, type: 'call', instruction: '{{oops}}' }] },
      }),
    ).rejects.toMatchObject({ issues: [{ field: 'patch.steps.0.instruction' }] });
    await t.client.call('cadences.delete', { id: cadence.id });
    expect(await t.client.call('cadences.list', {})).toEqual([]);
    expect((await t.client.call('cadences.restore', { id: cadence.id })).name).toBe('Wholesale v2');
  });
});
