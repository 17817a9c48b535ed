import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '@core/app';
import { createTestCore, inProcessTransport, testClock, type TestCore } from '@core/testing';
import { createClient } from '@shared/contract/client';
import { reportFileName } from '@shared/domain/report';
import { startHost, type Host } from '../../src/main/host/server';
import { createReportPrinter, type ReportPrinter } from '../../src/main/report/printer';
import { builtRenderer } from '../../src/main/report/renderer-dir';
import { startScheduleRunner } from '../../src/main/report/schedule-runner';

/**
 * A weekly report scheduled for Monday 08:00, with Tandem closed over two Mondays: at the next start the
 * runner prints both missed weeks for real (the built print route in Chromium, as the browser host does)
 * and poppler reads each file back. Needs `npm run build` (npm test runs it).
 */
const SLOW = 240_000;
const clock = testClock('2026-07-15T10:00:00Z');
const BUSINESS = 'Fjord Roasters';
let setup: TestCore;
let core: Core | null = null;
let host: Host | null = null;
let printer: ReportPrinter | null = null;

beforeAll(async () => {
  if (!builtRenderer())
    throw new Error('out/renderer is missing: run "npm run build" before these tests (npm test does).');
  setup = await createTestCore({ clock });
  await setup.client.call('workspace.setup', { mode: 'demo' });
  await setup.client.call('settings.update', { businessName: BUSINESS });
  await setup.client.call('reportSchedule.set', {
    cadence: 'weekly',
    weekday: 1,
    time: '08:00',
    timeZone: 'Europe/Berlin',
    folder: setup.dir,
  });
  await setup.client.call('meetingNotes.save', {
    from: '2026-07-13',
    to: '2026-07-19',
    text: 'Book the autumn market stall',
  });
  // Tandem is closed on Wednesday 15 July and opened again on Wednesday 29 July.
  setup.core.close();
  clock.set('2026-07-29T09:00:00Z');
  core = await createCore(setup.file, { clock, checkOutput: true });
}, SLOW);

afterAll(async () => {
  await printer?.close();
  await host?.close();
  core?.close();
  setup.dispose();
});

const pdfText = (file: string) =>
  execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('a scheduled report missed while Tandem was closed', () => {
  it(
    'is written at the next start, one PDF per missed week, stamped with the week it covers',
    async () => {
      const running = core!;
      const client = createClient(inProcessTransport(running));
      const served = await startHost({ core: running, rendererDir: builtRenderer()! });
      host = served;
      printer = createReportPrinter(running);
      const chromium = printer;
      const runner = startScheduleRunner({
        dispatch: (method, input) => running.dispatch(method, input),
        print: (request) => chromium.print(request, served.link()),
        intervalMs: 3_600_000,
      });
      const written = await runner.started;
      await runner.stop();

      expect(written.map((r) => [r.status, r.dueAt, r.from, r.to, r.error])).toEqual([
        ['written', '2026-07-20T06:00:00.000Z', '2026-07-13', '2026-07-19', null],
        ['written', '2026-07-27T06:00:00.000Z', '2026-07-20', '2026-07-26', null],
      ]);
      const first = join(setup.dir, reportFileName(BUSINESS, '2026-07-13', '2026-07-19'));
      const second = join(setup.dir, reportFileName(BUSINESS, '2026-07-20', '2026-07-26'));
      expect(written.map((r) => r.path)).toEqual([first, second]);
      for (const [i, file] of [first, second].entries()) {
        expect(existsSync(file), file).toBe(true);
        expect(statSync(file).size).toBe(written[i]?.bytes);
      }
      // No temporary file is left beside them.
      expect(readdirSync(setup.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      const text = pdfText(first);
      expect(text).toContain(BUSINESS);
      expect(text).toContain('Jul 13, 2026 – Jul 19, 2026');
      expect(text).toContain('Book the autumn market stall');
      expect(text).toMatch(/Page 1 of \d+/);
      const next = pdfText(second);
      expect(next).toContain('Jul 20, 2026 – Jul 26, 2026');
      expect(next).not.toContain('Book the autumn market stall');

      const state = await client.call('reportSchedule.get', {});
      expect(state.lastRun).toMatchObject({ status: 'written', path: second, from: '2026-07-20' });
      expect(state.nextRun).toEqual({ at: '2026-08-03T06:00:00.000Z', from: '2026-07-27', to: '2026-08-02' });
      // Starting once more writes nothing again.
      expect((await client.call('reportSchedule.due', {})).runs).toEqual([]);
    },
    SLOW,
  );

  it('a run that cannot be written is recorded with its reason', async () => {
    const running = core!;
    const client = createClient(inProcessTransport(running));
    clock.set('2026-08-03T07:00:00Z');
    const runner = startScheduleRunner({
      dispatch: (method, input) => running.dispatch(method, input),
      print: () => Promise.resolve({ pdf: new Uint8Array([1, 2, 3]), fileName: 'x.pdf' }),
      intervalMs: 3_600_000,
    });
    const [run] = await runner.started;
    await runner.stop();
    expect(run).toMatchObject({ status: 'failed', from: '2026-07-27', to: '2026-08-02', path: null });
    expect(run?.error).toMatch(/not a whole PDF/);
    expect((await client.call('reportSchedule.get', {})).lastRun?.error).toMatch(/not a whole PDF/);
    expect(existsSync(join(setup.dir, 'x.pdf'))).toBe(false);
  });
});
