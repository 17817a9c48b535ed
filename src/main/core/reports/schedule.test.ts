import { ApiError } from '@shared/contract/result';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock, type TestCore } from '../testing';

let t: TestCore;
const clock = testClock('2026-07-15T10:00:00Z');
beforeEach(async () => {
  clock.set('2026-07-15T10:00:00Z');
  t = await createTestCore({ clock });
});
afterEach(() => t.dispose());

const WEEKLY = { cadence: 'weekly', weekday: 1, time: '08:00', timeZone: 'Europe/Berlin' } as const;

describe('scheduled reports in the core', () => {
  it('a new schedule shows its next run and nothing is due until then', async () => {
    const state = await t.client.call('reportSchedule.set', { ...WEEKLY, folder: t.dir });
    expect(state.schedule).toMatchObject({
      cadence: 'weekly',
      folder: t.dir,
      since: '2026-07-15T10:00:00.000Z',
    });
    expect(state.nextRun).toEqual({ at: '2026-07-20T06:00:00.000Z', from: '2026-07-13', to: '2026-07-19' });
    expect(state.lastRun).toBeNull();
    expect((await t.client.call('reportSchedule.due', {})).runs).toEqual([]);
  });

  it('runs missed while closed are due with their own period and notes, and once written are not again', async () => {
    await t.client.call('reportSchedule.set', { ...WEEKLY, folder: t.dir, sections: ['kpis', 'notes'] });
    await t.client.call('meetingNotes.save', { from: '2026-07-13', to: '2026-07-19', text: 'Raise ads' });
    clock.set('2026-07-29T09:00:00Z');
    const due = await t.client.call('reportSchedule.due', {});
    expect(due.runs.map((r) => [r.dueAt, r.request.from, r.request.to])).toEqual([
      ['2026-07-20T06:00:00.000Z', '2026-07-13', '2026-07-19'],
      ['2026-07-27T06:00:00.000Z', '2026-07-20', '2026-07-26'],
    ]);
    expect(due.runs[0]?.request).toMatchObject({
      notes: 'Raise ads',
      sections: ['kpis', 'notes'],
      model: 'position',
    });
    expect(due.runs[1]?.request.notes).toBe('');

    const first = due.runs[0]!;
    await t.client.call('reportSchedule.record', {
      dueAt: first.dueAt,
      from: first.request.from,
      to: first.request.to,
      status: 'written',
      path: `${t.dir}/a.pdf`,
      bytes: 12_345,
    });
    expect((await t.client.call('reportSchedule.due', {})).runs.map((r) => r.request.from)).toEqual([
      '2026-07-20',
    ]);
    const state = await t.client.call('reportSchedule.get', {});
    expect(state.lastRun).toMatchObject({ status: 'written', path: `${t.dir}/a.pdf`, bytes: 12_345 });
  });

  it('a failed run is recorded with its reason and stays due for the next start', async () => {
    await t.client.call('reportSchedule.set', { ...WEEKLY, folder: t.dir });
    clock.set('2026-07-20T07:00:00Z');
    const [run] = (await t.client.call('reportSchedule.due', {})).runs;
    await t.client.call('reportSchedule.record', {
      dueAt: run!.dueAt,
      from: run!.request.from,
      to: run!.request.to,
      status: 'failed',
      error: 'the disk is full',
    });
    expect((await t.client.call('reportSchedule.get', {})).lastRun).toMatchObject({
      status: 'failed',
      error: 'the disk is full',
      path: null,
    });
    expect((await t.client.call('reportSchedule.due', {})).runs).toHaveLength(1);
  });

  it('refuses a folder that is missing or relative, and clearing stops every run', async () => {
    const missing = t.client.call('reportSchedule.set', { ...WEEKLY, folder: `${t.dir}/nope` });
    await expect(missing).rejects.toThrow(/does not exist/);
    await expect(missing).rejects.toBeInstanceOf(ApiError);
    await expect(t.client.call('reportSchedule.set', { ...WEEKLY, folder: 'Reports' })).rejects.toThrow(
      /full folder path/,
    );
    await expect(
      t.client.call('reportSchedule.set', { ...WEEKLY, timeZone: 'Mars/Olympus', folder: t.dir }),
    ).rejects.toThrow(/time zone/);
    await t.client.call('reportSchedule.set', { ...WEEKLY, folder: t.dir });
    const cleared = await t.client.call('reportSchedule.clear', {});
    expect(cleared).toMatchObject({ schedule: null, nextRun: null });
    clock.set('2026-09-01T00:00:00Z');
    expect((await t.client.call('reportSchedule.due', {})).runs).toEqual([]);
  });

  it('a monthly schedule covers last month', async () => {
    await t.client.call('reportSchedule.set', {
      cadence: 'monthly',
      time: '08:00',
      timeZone: 'UTC',
      folder: t.dir,
    });
    clock.set('2026-08-01T08:00:00Z');
    const [run] = (await t.client.call('reportSchedule.due', {})).runs;
    expect(run?.request).toMatchObject({ from: '2026-07-01', to: '2026-07-31' });
  });
});

describe('meeting notes', () => {
  it('are kept per period, replaced as typed, and removed when emptied', async () => {
    const week = { from: '2026-07-06', to: '2026-07-12' };
    expect(await t.client.call('meetingNotes.get', week)).toEqual({ text: '' });
    await t.client.call('meetingNotes.save', { ...week, text: 'Call the bank' });
    await t.client.call('meetingNotes.save', { ...week, text: 'Call the bank on Tuesday' });
    await t.client.call('meetingNotes.save', { from: '2026-07-01', to: '2026-07-31', text: 'July' });
    expect(await t.client.call('meetingNotes.get', week)).toEqual({ text: 'Call the bank on Tuesday' });
    expect(await t.client.call('meetingNotes.get', { from: '2026-07-01', to: '2026-07-31' })).toEqual({
      text: 'July',
    });
    await t.client.call('meetingNotes.save', { ...week, text: '' });
    expect(await t.client.call('meetingNotes.get', week)).toEqual({ text: '' });
    const rows = t.core.ctx.sqlite.prepare('SELECT count(*) AS n FROM meeting_notes').get() as { n: number };
    expect(rows.n).toBe(1);
  });
});
