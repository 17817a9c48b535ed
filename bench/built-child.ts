import { existsSync, readdirSync, statSync } from 'node:fs';
import { buildSync } from 'esbuild';
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
 * The import worker the app ships, which the bundled child's jobs run (the bundle finds it one folder up, as the
 * app's core finds its sibling). Missing or older than the sources, it stops the bench rather than measure
 * something else.
 */
function checkBuiltWorker(): void {
  if (!existsSync(BUILT_WORKER))
    throw new Error('bench: out/main/import-worker.js is missing: run npm run build first.');
  const sources = Math.max(newestSource(join(ROOT, 'src/main')), newestSource(join(ROOT, 'src/shared')));
  if (statSync(BUILT_WORKER).mtimeMs < sources)
    throw new Error('bench: out/main/import-worker.js is older than src/main: run npm run build first.');
}

const CHILD_SOURCE = join(ROOT, 'bench/import-child.ts');
/** Under out/main, so the bundled core finds the import worker one folder up, as the app's bundle does. */
const BUILT_CHILD = join(ROOT, 'out/main/bench/import-child.mjs');
/** Set once the child is bundled in this bench run. */
let bundled: string | undefined;

/**
 * The benches' import child (`import-child.ts`) bundled with Tandem's core into one JavaScript file, built
 * once in every bench run, so the measured process runs the core as the app does, compiled, rather than through
 * tsx: compiling the sources in the process added ≈ 75 MB to its peak RSS (268–271 MB against 193–199 MB for a
 * 200k-contact job) and ≈ 0.8 s to its CPU time, neither of which the app pays. The jobs' import worker is the
 * built one beside it (`checkBuiltWorker`).
 */
export function builtChild(): string {
  if (bundled) return bundled;
  checkBuiltWorker();
  buildSync({
    entryPoints: [CHILD_SOURCE],
    outfile: BUILT_CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    tsconfig: join(ROOT, 'tsconfig.node.json'),
    // The native module stays a package, loaded as the app loads it.
    external: ['better-sqlite3'],
    // Bundled CommonJS packages call require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return (bundled = BUILT_CHILD);
}
