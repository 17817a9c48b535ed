import { performance } from 'node:perf_hooks';
import { createCore } from '../src/main/core/app';
import { startHost } from '../src/main/host/server';
import { createReportPrinter } from '../src/main/report/printer';
import { builtRenderer } from '../src/main/report/renderer-dir';
import { ReportDataInput, ReportRequest } from '../src/shared/api/reports';
import type { Ctx } from '../src/main/core/context';
import { advanced, closed, stalled } from '../src/main/core/reports/changes';
import { followUps, pipelineByStage } from '../src/main/core/reports/data';
import { summaryDashboard } from '../src/main/core/results/summary';
import { windowOf } from '../src/main/core/results/period';
import { atMost, median, timeParts, type Figure } from './figure';
import { database, QUARTER, TODAY } from './results';

const RUNS = 3;

/** Each part of the report's data timed on its own (median of RUNS after one warm-up), to stderr. */
function reportBreakdown(ctx: Ctx, quarter: { from: string; to: string }): void {
  const request = ReportDataInput.parse(quarter);
  const w = windowOf(request.from, request.to);
  const today = `${TODAY}T00:00:00.000Z`;
  const parts: [string, () => unknown][] = [
    ['dashboard (summary)', () => summaryDashboard(ctx, request)],
    ['advanced', () => advanced(ctx, w)],
    ['stalled', () => stalled(ctx, w, request.stalledDays)],
    ['won and lost', () => [closed(ctx, w, 'won'), closed(ctx, w, 'lost')]],
    ['pipeline by stage', () => pipelineByStage(ctx, w)],
    ['follow-ups', () => [followUps(ctx, '', today), followUps(ctx, today, '9999')]],
  ];
  for (const { part, ms } of timeParts(parts, RUNS))
    process.stderr.write(`    ${part.padEnd(24)} ${ms.toFixed(1).padStart(7)} ms\n`);
}

/**
 * The meeting PDF for a quarter on the 100k-lead results database: the print route served by the host,
 * drawn and printed by Chromium, as `tandem report` does. The browser is started once before timing
 * (the desktop app and the host keep theirs); each run is page load, data, charts and page.pdf.
 */
export async function benchReports(): Promise<Figure[]> {
  const rendererDir = builtRenderer();
  if (!rendererDir) throw new Error('bench reports: out/renderer is missing: run npm run build first.');
  const file = await database();
  const core = await createCore(file, { clock: { now: () => new Date(`${TODAY}T12:00:00Z`) } });
  const printer = createReportPrinter(core);
  const host = await startHost({ core, rendererDir });
  try {
    const request = ReportRequest.parse(QUARTER);
    const warm = await printer.print(request, host.link());
    if (warm.pdf.length < 10_000) throw new Error('bench reports: the PDF came out nearly empty');
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await printer.print(request, host.link());
      times.push((performance.now() - start) / 1000);
    }
    // The same report's data alone, in the same run: what of the PDF's time is the dashboard and what is not.
    const data: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const reply = await core.dispatch('reports.data', { from: request.from, to: request.to });
      if (!reply.ok) throw new Error(`bench reports: ${reply.error.message}`);
      data.push((performance.now() - start) / 1000);
    }
    reportBreakdown(core.ctx, QUARTER);
    return [atMost('report.pdf_s', median(times), 's', 3), atMost('report.data_s', median(data), 's', null)];
  } finally {
    await printer.close();
    await host.close();
    core.close();
  }
}
