import { isMethodName } from '@shared/api';
import { parse, UsageError } from './args';
import { exitCodeFor, withCore, type Command } from './command';

/** The input argument as JSON: none means `{}`, `-` means standard input. */
async function readInput(arg: string | undefined, readStdin: () => Promise<string>): Promise<unknown> {
  if (arg === undefined) return {};
  const text = arg === '-' ? await readStdin() : arg;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`call: the input is not valid JSON (${reason}).`);
  }
}

/** Any contract method for scripts: JSON in, JSON out, validated like every other transport. */
export const callCommand: Command = {
  summary: 'call any API method with JSON input and print its JSON answer',
  usage: 'tandem [--db FILE] call METHOD [JSON | -]',
  async run(args, db, io) {
    const { positionals } = parse(args, { help: { type: 'boolean', short: 'h' } }, 'call');
    const [method, arg, ...rest] = positionals;
    if (!method || rest.length > 0) throw new UsageError('call: name one method and at most one JSON input.');
    // Checked before the database is opened, so a typo never creates one.
    if (!isMethodName(method))
      throw new UsageError(`call: unknown method "${method}". The methods are declared in src/shared/api.`);
    const input = await readInput(arg, io.readStdin);
    const reply = await withCore(db, (core) => core.dispatch(method, input), 'worker');
    if (!reply.ok) {
      io.err(`${JSON.stringify(reply.error, null, 2)}\n`);
      return exitCodeFor(reply.error);
    }
    io.out(`${JSON.stringify(reply.value ?? null, null, 2)}\n`);
    return 0;
  },
};
