import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BUILT_WORKER = join(ROOT, 'out/main/import-worker.js');

/** The newest modification time of the main process's sources (the import worker's bundle is built from them). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

/**
 * The import worker the app ships, for the benches' jobs to run (through TANDEM_IMPORT_WORKER) instead of the
 * TypeScript source through tsx, whose loader would weigh on the small jobs. Missing or older than the
 * sources, it stops the bench rather than measure something else.
 */
export function builtWorker(): string {
  if (!existsSync(BUILT_WORKER))
    throw new Error('bench: out/main/import-worker.js is missing: run npm run build first.');
  const sources = Math.max(newestSource(join(ROOT, 'src/main')), newestSource(join(ROOT, 'src/shared')));
  if (statSync(BUILT_WORKER).mtimeMs < sources)
    throw new Error('bench: out/main/import-worker.js is older than src/main: run npm run build first.');
  return BUILT_WORKER;
}
