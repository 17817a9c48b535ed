import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with messages a person can act on, and unknown options refused. */
export function parse<O extends Options>(args: string[], options: O, command: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(`${command}: ${message}. Run "tandem ${command} --help".`);
  }
}

export function requireString(value: string | boolean | undefined, flag: string, command: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`${command}: ${flag} is required.`);
  return value;
}
