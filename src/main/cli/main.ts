import { resolve } from 'node:path';
import { defaultDatabaseFile } from '@core/paths';
import { DatabaseRefusedError } from '@core/db/migrate';
import { UsageError } from './args';
import { CommandFailed, type Io } from './command';
import { commands } from './commands';

export function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  const lines = Object.entries(commands).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}\n      ${c.usage}`,
  );
  return `Usage: tandem [--db FILE] COMMAND [options]

Tandem on the command line: the same core and database as the desktop app.
Without --db it uses the app's database (${defaultDatabaseFile()}).

Commands:
${lines.join('\n')}

Every command takes --help; most take --json for machine-readable output.
`;
}

/** Runs one command line; returns the exit code (0 ok, 1 refused or failed, 2 usage error). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const args = [...argv];
  let db: string | undefined;
  while (args[0]?.startsWith('-')) {
    const flag = args.shift();
    if (flag === '--help' || flag === '-h') {
      io.out(helpText());
      return 0;
    }
    if (flag === '--db') {
      db = args.shift();
      if (!db) {
        io.err('--db needs a file name.\n');
        return 2;
      }
      continue;
    }
    io.err(`Unknown option ${flag}. Run "tandem --help".\n`);
    return 2;
  }
  const name = args.shift();
  if (!name) {
    io.err(`No command given.\n\n${helpText()}`);
    return 2;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    io.err(
      `Unknown command "${name}". Commands: ${Object.keys(commands).join(', ')}. Run "tandem --help".\n`,
    );
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(args, resolve(db ?? defaultDatabaseFile()), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    if (error instanceof CommandFailed || error instanceof DatabaseRefusedError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    io.err(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
