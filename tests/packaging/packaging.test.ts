import {
  existsSync,
  globSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The installers are built where the Electron binary is (README, "Installers"); here, without it, the
 * configuration is checked, the afterPack hook sets the fuses in a stand-in binary, and the `files` globs are
 * applied to the build in out/ to list what the package would contain.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  afterPack: string;
  win: { target: { target: string }[] };
  mac: { target: { target: string }[] };
  linux: { target: { target: string }[] };
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  devDependencies: Record<string, string>;
};
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-package-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What electron-builder copies into app.asar from the project: the include globs less the `!` ones. */
function packagedFiles(): string[] {
  const include = config.files.filter((p) => !p.startsWith('!'));
  const exclude = config.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const files = new Set(include.flatMap((p) => globSync(p, { cwd: ROOT, withFileTypes: false })));
  return [...files]
    .filter((f) => !exclude.some((p) => matchesGlob(f, p)))
    .filter((f) => statSync(join(ROOT, f)).isFile())
    .sort();
}

describe('the installers’ configuration', () => {
  it('builds NSIS for Windows, a dmg for macOS, an AppImage and a deb for Linux', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(Object.keys(pkg.devDependencies)).toEqual(
      expect.arrayContaining(['electron-builder', '@electron/fuses']),
    );
  });

  it('packs the app into an ASAR with better-sqlite3’s native module beside it', () => {
    expect(config.asar).toBe(true);
    // A .node file cannot be loaded from inside an archive.
    expect(config.asarUnpack).toContain('**/*.node');
    expect(matchesGlob('node_modules/better-sqlite3/build/Release/better_sqlite3.node', '**/*.node')).toBe(
      true,
    );
  });

  it('sets the fuses after packing: RunAsNode off, cookies encrypted, only an integrity-checked app.asar', async () => {
    expect(config.afterPack).toBe('build/fuses.mjs');
    const hook = (await import(pathToFileURL(join(ROOT, config.afterPack)).href)) as {
      default(context: unknown): Promise<void>;
    };
    // A stand-in for the packed Linux executable: some bytes, then Electron's fuse wire with every fuse on.
    const appOutDir = join(dir, 'linux-unpacked');
    mkdirSync(appOutDir);
    const wire = Buffer.from([1, 9, ...Array<number>(9).fill(FuseState.ENABLE)]);
    const binary = join(appOutDir, 'tandem');
    writeFileSync(
      binary,
      Buffer.concat([
        Buffer.alloc(4096, 7),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
        wire,
        Buffer.alloc(64),
      ]),
    );
    await hook.default({
      electronPlatformName: 'linux',
      appOutDir,
      arch: 1,
      packager: { executableName: 'tandem', appInfo: { productFilename: 'Tandem' } },
    });
    const fuses = await getCurrentFuseWire(binary);
    expect({
      runAsNode: fuses[FuseV1Options.RunAsNode],
      cookieEncryption: fuses[FuseV1Options.EnableCookieEncryption],
      nodeOptions: fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: fuses[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: fuses[FuseV1Options.OnlyLoadAppFromAsar],
    }).toEqual({
      runAsNode: FuseState.DISABLE,
      cookieEncryption: FuseState.ENABLE,
      nodeOptions: FuseState.DISABLE,
      inspect: FuseState.DISABLE,
      asarIntegrity: FuseState.ENABLE,
      onlyAsar: FuseState.ENABLE,
    });
  });

  it('contains the built app and every migration, and no sources, tests or source maps', () => {
    if (!existsSync(join(ROOT, 'out/main/index.js')))
      throw new Error('out/ is missing: run "npm run build" before these tests (npm test does).');
    const files = packagedFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        pkg.main.replace(/^\.\//, ''),
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'package.json',
        'resources/migrations/meta/_journal.json',
      ]),
    );
    const migrations = readdirSync(join(ROOT, 'resources/migrations')).filter((f) => f.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThan(0);
    for (const sql of migrations) expect(files).toContain(`resources/migrations/${sql}`);
    // The core's workers are built beside the main bundle and load from the archive too.
    expect(files.some((f) => /^out\/main\/.*worker.*\.js$/.test(f))).toBe(true);
    expect(files.filter((f) => /\.map$|\.test\.|^(src|tests|bench)\//.test(f))).toEqual([]);
    expect(files.every((f) => /^(out|resources\/migrations)\//.test(f) || f === 'package.json')).toBe(true);
  });
});
