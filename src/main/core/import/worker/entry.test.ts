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
    const { entry, execArgv } = workerEntry({}, at('src/worker/manager.ts'));
    expect(fileURLToPath(entry)).toBe(join(files.dir, 'src/worker/import-worker.ts'));
    expect(execArgv).toEqual(['--import', 'tsx']);
  });

  it('in the bundle is the built sibling, or the one a folder up from a shared chunk', () => {
    mkdirSync(join(files.dir, 'out/main/chunks'), { recursive: true });
    files.write('out/main/import-worker.js', '');
    const sibling = workerEntry({}, at('out/main/core-worker.js'));
    expect(fileURLToPath(sibling.entry)).toBe(join(files.dir, 'out/main/import-worker.js'));
    expect(sibling.execArgv).toEqual([]);
    const fromChunk = workerEntry({}, at('out/main/chunks/manager-1a2b.js'));
    expect(fileURLToPath(fromChunk.entry)).toBe(join(files.dir, 'out/main/import-worker.js'));
  });

  it('the bundle ignores TANDEM_IMPORT_WORKER and runs its own worker', () => {
    mkdirSync(join(files.dir, 'out/main'), { recursive: true });
    files.write('out/main/import-worker.js', '');
    const other = files.write('other-worker.js', '');
    const { entry } = workerEntry({ TANDEM_IMPORT_WORKER: other }, at('out/main/core-worker.js'));
    expect(fileURLToPath(entry)).toBe(join(files.dir, 'out/main/import-worker.js'));
  });

  it('TANDEM_IMPORT_WORKER runs a built worker even when the core runs from source', () => {
    const built = files.write('built-import-worker.js', '');
    const { entry, execArgv } = workerEntry({ TANDEM_IMPORT_WORKER: built }, at('src/worker/manager.ts'));
    expect(fileURLToPath(entry)).toBe(built);
    expect(execArgv).toEqual([]);
  });

  it('a TANDEM_IMPORT_WORKER that does not exist is refused with its path', () => {
    const missing = join(files.dir, 'nowhere/import-worker.js');
    expect(() => workerEntry({ TANDEM_IMPORT_WORKER: missing }, at('src/worker/manager.ts'))).toThrow(
      `TANDEM_IMPORT_WORKER names ${missing}, which does not exist (npm run build makes it)`,
    );
  });
});
