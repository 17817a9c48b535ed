import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * `tandem ARGS | head -1` as the shell runs it once head has gone: the reader closes the pipe and every write
 * of the command meets EPIPE. `lines` is how many lines are read before closing (0: closed before any).
 */
function closedPipe(
  args: string[],
  lines: number,
): Promise<{ code: number | null; signal: string | null; err: string; read: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/tandem.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let read = '';
  let err = '';
  if (lines === 0) child.stdout.destroy();
  else
    child.stdout.on('data', (chunk: Buffer) => {
      read += chunk.toString();
      if (read.split('\n').length > lines) child.stdout.destroy();
    });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((done) => child.once('close', (code, signal) => done({ code, signal, err, read })));
}

describe('the command line writing into a closed pipe', () => {
  it('exits 0 without a stack trace when the reader is gone before the first line', async () => {
    const run = await closedPipe(['--help'], 0);
    expect(run).toMatchObject({ code: 0, signal: null, err: '' });
  }, 60_000);

  it('keeps the command’s own exit code', async () => {
    // Usage error: exit 2, and its message on stderr is still written.
    const run = await closedPipe(['--db', join(ROOT, 'never.sqlite'), 'call', 'no.such'], 0);
    expect(run.code).toBe(2);
    expect(run.err).not.toContain('EPIPE');
    expect(run.err).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('reads one line like head -1 and ends cleanly', async () => {
    const run = await closedPipe(['--help'], 1);
    expect(run.read.split('\n')[0]).toBe('Usage: tandem [--db FILE] COMMAND [options]');
    expect(run).toMatchObject({ code: 0, signal: null, err: '' });
  }, 60_000);
});
