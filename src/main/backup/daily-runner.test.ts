import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, testClock } from '@core/testing';
import { startBackupRunner, type BackupRunner } from './daily-runner';

// "Once a day" follows the machine's calendar day; the expected sets below are UTC days.
process.env.TZ = 'UTC';

let runner: BackupRunner | null = null;
let dispose: (() => void) | null = null;
afterEach(async () => {
  await runner?.stop();
  dispose?.();
});

describe('the daily backup runner', () => {
  it('takes one backup a day by the core clock and rotates the automatic ones', async () => {
    const clock = testClock('2025-12-01T09:00:00.000Z');
    const t = await createTestCore({ clock });
    dispose = t.dispose;
    runner = startBackupRunner({ dispatch: (m, i) => t.core.dispatch(m, i), intervalMs: 3_600_000 });
    expect((await runner.started)?.created).not.toBeNull();
    const folder = join(t.dir, 'backups');
    // A manual backup is never rotated away.
    const manual = await t.client.call('system.backups.create', {});

    let created = 1;
    // 50 days, three checks a day (morning, afternoon, evening): one backup each day.
    for (let day = 0; day < 50; day++) {
      for (const hour of ['09', '14', '21']) {
        const at = new Date(Date.UTC(2025, 11, 1 + day, Number(hour)));
        if (day === 0 && hour === '09') continue;
        clock.set(at.toISOString());
        if ((await runner.check())?.created) created++;
      }
    }
    expect(created).toBe(50);
    const daily = readdirSync(folder)
      .filter((f) => f.includes('.daily-'))
      .map((f) => f.slice(f.indexOf('.daily-') + 7, f.indexOf('.daily-') + 17))
      .sort();
    // The last day is 2026-01-19 (a Monday): days 13–19 Jan, the newest of the weeks of 12 Jan (18th),
    // 5 Jan (11th) and 29 Dec (4 Jan), of December (31st) — January's and this week's are the 19th.
    expect(daily).toEqual([
      '2025-12-31',
      '2026-01-04',
      '2026-01-11',
      '2026-01-13',
      '2026-01-14',
      '2026-01-15',
      '2026-01-16',
      '2026-01-17',
      '2026-01-18',
      '2026-01-19',
    ]);
    expect(existsSync(join(folder, manual.id))).toBe(true);
    const listed = await t.client.call('system.backups.list', {});
    expect(listed.backups.map((b) => b.kind).filter((k) => k === 'daily')).toHaveLength(10);
    expect(listed.backups[0]?.at).toBe('2026-01-19T09:00:00.000Z');
    expect(listed.backups.every((b) => b.bytes > 0)).toBe(true);
  });
});
