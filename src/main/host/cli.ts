import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDatabaseFile } from '@core/paths';
import { spawnCore } from '@core/worker/spawn';
import { createReportPrinter } from '../report/printer';
import { builtRenderer } from '../report/renderer-dir';
import { startScheduleRunner } from '../report/schedule-runner';
import { startBackupRunner } from '../backup/daily-runner';
import { startHost } from './server';

const HELP = `tandem-host: Tandem's UI in your browser, served on 127.0.0.1 only.

  --db FILE       database file (default: the desktop app's database)
  --port N        port (default: any free port)
  --clock ISO     start the app's clock at this instant (tests and demos)
  --renderer DIR  built renderer folder (default: out/renderer)
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      clock: { type: 'string' },
      renderer: { type: 'string' },
      open: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const wanted = values.renderer === undefined ? undefined : resolve(values.renderer);
  const rendererDir = builtRenderer(wanted);
  if (!rendererDir) {
    throw new Error(`No built renderer in ${wanted ?? 'out/renderer'}: run "npm run build" first.`);
  }
  if (values.clock && Number.isNaN(Date.parse(values.clock)))
    throw new Error(`--clock: "${values.clock}" is not a date and time`);
  const file = resolve(values.db ?? defaultDatabaseFile());
  const core = await spawnCore(
    new URL('../core/worker/core-worker.ts', import.meta.url),
    // The end-to-end tests set TANDEM_CHECK_OUTPUT=1: every answer is checked against its schema there.
    {
      file,
      clockStart: values.clock,
      checkOutput: process.env.TANDEM_CHECK_OUTPUT === '1',
      // The browser has no file dialog: imports read only what the page uploaded.
      fileAccess: 'granted',
    },
    ['--import', 'tsx'],
  );
  const printer = createReportPrinter(core);
  const host = await startHost({
    core,
    rendererDir,
    port: values.port ? Number(values.port) : 0,
    printReport: (request, entry) => printer.print(request, entry),
  });
  // Scheduled reports run while the host does: missed ones now, the rest when due.
  const schedule = startScheduleRunner({
    dispatch: (method, input) => core.dispatch(method, input),
    print: (request) => printer.print(request, host.link()),
    log: (message) => console.error(message),
  });
  // The automatic daily backup, as in the desktop app.
  const backups = startBackupRunner({
    dispatch: (method, input) => core.dispatch(method, input),
    log: (message) => console.error(message),
  });
  process.stdout.write(
    `Tandem is running at ${host.url}\nDatabase: ${file}\n` +
      'The link opens once and only in one browser. Press Enter for a new link, Ctrl+C to stop.\n',
  );
  if (process.stdin.isTTY) {
    process.stdin.on('data', () => process.stdout.write(`New link: ${host.link()}\n`));
  }
  const stop = () => {
    void schedule
      .stop()
      .then(() => backups.stop())
      .then(() => host.close())
      .then(() => printer.close())
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
