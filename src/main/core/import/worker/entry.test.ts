import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { workerEntry } from './manager';

const files = makeTempDir('tandem-worker-entry-');
afterAll(() => files.remove());

const at = (path: string) => pathToFileURL(join(files.dir, path)).href;

describe('the import worker entry', () => {
  it('from source is the TypeScript worker beside the manager, loaded through tsx', () => {
    const { entry, execArgv } = workerEntry(at('src/worker/manager.ts'));
    expect(fileURLToPath(entry)).toBe(join(files.dir, 'src/worker/import-worker.ts'));
    expect(execArgv).toEqual(['--import', 'tsx']);
  });

  it('in the bundle is the built sibling, or the one a folder up from a shared chunk', () => {
    mkdirSync(join(files.dir, 'out/main/chunks'), { recursive: true });
    files.write('out/main/import-worker.js', '');
    const sibling = workerEntry(at('out/main/core-worker.js'));
    expect(fileURLToPath(sibling.entry)).toBe(join(files.dir, 'out/main/import-worker.js'));
    expect(sibling.execArgv).toEqual([]);
    const fromChunk = workerEntry(at('out/main/chunks/manager-1a2b.js'));
    expect(fileURLToPath(fromChunk.entry)).toBe(join(files.dir, 'out/main/import-worker.js'));
  });
});
