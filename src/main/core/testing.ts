import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type TandemClient } from '@shared/contract/client';
import { createCore, type Core } from './app';
import type { Clock } from './context';
import type { FileAccessMode } from './files';

/** A fixed, settable clock for tests that care what "now" is. */
export function testClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => new Date(now), set: (next) => (now = new Date(next)) };
}

export interface TestCore {
  core: Core;
  client: TandemClient;
  dir: string;
  file: string;
  dispose(): void;
}

/** Each test gets its own database file in its own temporary folder, and an in-process client. */
export async function createTestCore(
  options: { clock?: Clock; fileAccess?: FileAccessMode } = {},
): Promise<TestCore> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
  const file = join(dir, 'tandem.sqlite');
  const core = await createCore(file, {
    clock: options.clock,
    fileAccess: options.fileAccess,
    checkOutput: true,
    onInternalError: (error) => console.error(error),
  });
  const client = createClient(inProcessTransport(core));
  return {
    core,
    client,
    dir,
    file,
    dispose() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The third transport: the contract's client calling the core directly, used by unit tests and the CLI. */
export function inProcessTransport(core: Core) {
  return {
    invoke: (method: string, input: unknown) =>
      // Round-trip through JSON as the real transports do, so nothing passes that could not cross a process.
      core
        .dispatch(method, JSON.parse(JSON.stringify(input ?? {})))
        .then((r) => JSON.parse(JSON.stringify(r))),
    subscribe: (event: string, listener: (payload: unknown) => void) =>
      core.subscribe((name, payload) => {
        if (name === event) listener(payload);
      }),
  };
}
