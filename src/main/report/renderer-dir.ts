import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root: the nearest folder above this file with a package.json. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the Tandem checkout');
    dir = parent;
  }
  return dir;
}

/** The built renderer (`out/renderer`), or null when `npm run build` has not been run. */
export function builtRenderer(dir = process.env.TANDEM_RENDERER_DIR ?? join(repoRoot(), 'out', 'renderer')) {
  return existsSync(join(dir, 'index.html')) ? dir : null;
}
