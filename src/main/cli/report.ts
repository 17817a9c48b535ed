import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCore } from '@core/app';
import { ReportRequest } from '@shared/api/reports';
import { ATTRIBUTION_MODELS } from '@shared/domain/attribution';
import { REPORT_SECTIONS } from '@shared/domain/report';
import { startHost } from '../host/server';
import { createReportPrinter } from '../report/printer';
import { builtRenderer } from '../report/renderer-dir';
import { parse, requireString, UsageError } from './args';
import type { Command } from './command';

/** The meeting PDF from the command line: the same print route as the app, printed by Chromium. */
export const reportCommand: Command = {
  summary: 'print the meeting summary of a period to a PDF',
  usage: `tandem [--db FILE] report --from YYYY-MM-DD --to YYYY-MM-DD [--model ${ATTRIBUTION_MODELS.join('|')}] [--lookback DAYS] [--sections ${REPORT_SECTIONS.join(',')}] [--notes TEXT] [--out FILE.pdf] [--json]`,
  async run(args, db, io) {
    const { values, positionals } = parse(
      args,
      {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        from: { type: 'string' },
        to: { type: 'string' },
        model: { type: 'string' },
        lookback: { type: 'string' },
        sections: { type: 'string' },
        notes: { type: 'string' },
        out: { type: 'string' },
      },
      'report',
    );
    if (positionals.length > 0) throw new UsageError(`report: unexpected argument "${positionals[0]}".`);
    const parsed = ReportRequest.safeParse({
      from: requireString(values.from, '--from', 'report'),
      to: requireString(values.to, '--to', 'report'),
      model: values.model,
      lookbackDays: values.lookback === undefined ? undefined : Number(values.lookback),
      sections: values.sections?.split(',').filter(Boolean),
      notes: values.notes,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const flag = { lookbackDays: 'lookback' }[String(issue?.path[0])] ?? String(issue?.path[0]);
      throw new UsageError(`report: --${flag}: ${issue?.message ?? 'invalid'}.`);
    }
    const request = parsed.data;
    if (request.to < request.from)
      throw new UsageError(`report: --to (${request.to}) is before --from (${request.from}).`);
    const rendererDir = builtRenderer();
    if (!rendererDir) {
      io.err('report: the renderer is not built (out/renderer is missing): run npm run build first.\n');
      return 1;
    }
    const core = await createCore(db);
    const printer = createReportPrinter(core);
    const host = await startHost({ core, rendererDir });
    try {
      const { pdf, fileName, paper } = await printer.print(request, host.link());
      const out = resolve(values.out ?? fileName);
      writeFileSync(out, pdf);
      io.out(
        values.json
          ? `${JSON.stringify({ out, bytes: pdf.length, paper, from: request.from, to: request.to })}\n`
          : `Report for ${request.from} to ${request.to} written to ${out} (${paper}).\n`,
      );
      return 0;
    } finally {
      await printer.close();
      await host.close();
      core.close();
    }
  },
};
