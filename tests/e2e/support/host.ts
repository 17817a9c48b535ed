import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface RunningHost {
  /** The one-time link the host printed; the browser that opens it first keeps the session. */
  url: string;
  stop(): Promise<void>;
}

/** Starts the real host (core in its worker, built renderer) on a database file, on a free port. */
export function startHost(db: string, options: { clock?: string } = {}): Promise<RunningHost> {
  const args = ['--import', 'tsx', join(ROOT, 'src/main/host/cli.ts'), '--db', db];
  if (options.clock) args.push('--clock', options.clock);
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Every answer of the core is parsed with its output schema: a renamed column fails the test.
    env: { ...process.env, TANDEM_CHECK_OUTPUT: '1' },
  });
  let output = '';
  return new Promise((resolveHost, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolveHost({
        url: match[1],
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
}

/** A folder of its own for each test's database. */
export function tempWorkspace(): { db: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
  return { db: join(dir, 'tandem.sqlite'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
