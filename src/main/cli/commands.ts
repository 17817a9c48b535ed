import { backupCommand } from './backup';
import { callCommand } from './call';
import type { Command } from './command';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { importCommand } from './import';
import { inspectCommand } from './inspect';
import { reportCommand } from './report';
import { restoreCommand } from './restore';
import { summaryCommand } from './summary';

/**
 * Every `tandem` command, in the order --help lists them. A new command is one file exporting a `Command`
 * (see command.ts: it calls the core only through `runMethod`) and one line here.
 */
export const commands: Record<string, Command> = {
  import: importCommand,
  inspect: inspectCommand,
  demo: demoCommand,
  backup: backupCommand,
  restore: restoreCommand,
  summary: summaryCommand,
  report: reportCommand,
  export: exportCommand,
  call: callCommand,
};
