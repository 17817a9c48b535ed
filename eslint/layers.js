// Tandem's layering as an allow-list (DESIGN §1), in the manner of VS Code's `code-layering` rule: each layer
// names what it MAY import, and anything else is an error. Targets are repository paths without extension
// (`src/main/core/app`; aliases and relative paths are resolved first) or package names (`react`, `node:fs`).
// In a pattern `*` stays within one path segment and `**` crosses segments; a package pattern also covers
// the package's subpaths (`drizzle-orm` allows `drizzle-orm/sqlite-core`).
import { builtinModules } from 'node:module';
import { dirname, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const ALIASES = { '@shared/': 'src/shared/', '@core/': 'src/main/core/', '@fixtures/': 'tests/fixtures/' };
const BUILTINS = new Set(builtinModules);

const testing = ['vitest', 'fast-check'];

export const LAYERS = [
  {
    name: 'src/shared',
    files: ['src/shared/**'],
    may: ['src/shared/**', 'zod', ...testing],
    why: 'the contract is pure TypeScript that runs anywhere',
  },
  {
    name: 'src/main/core',
    files: ['src/main/core/**'],
    may: [
      'src/main/core/**',
      'src/shared/**',
      'tests/fixtures/**',
      'node:*',
      'better-sqlite3',
      'drizzle-orm',
      'zod',
      'uuidv7',
      'papaparse',
      ...testing,
    ],
    why: 'the core runs under plain Node: no Electron, React or the transports built on it',
  },
  {
    name: 'src/main/cli',
    files: ['src/main/cli/**'],
    may: [
      'src/main/cli/**',
      'src/shared/**',
      'src/main/core/app',
      'src/main/core/paths',
      { target: 'src/main/core/db/migrate', names: ['SchemaTooNewError', 'DatabaseRefusedError'] },
      // `report` prints the renderer's print route: it serves it with the loopback host and prints in Chromium.
      'src/main/host/server',
      'src/main/report/**',
      'node:*',
      ...testing,
    ],
    why: 'the CLI is a transport: it reaches the core only through createCore and dispatch',
  },
  {
    name: 'src/main/host',
    files: ['src/main/host/**'],
    may: [
      'src/main/host/**',
      'src/shared/**',
      'src/main/core/app',
      'src/main/core/paths',
      'src/main/core/worker/spawn',
      'src/main/core/testing',
      'src/main/report/**',
      'src/main/backup/daily-runner',
      'node:*',
      ...testing,
    ],
    why: 'the host is a transport: it serves the core worker and talks to it through dispatch',
  },
  {
    name: 'src/main/report',
    files: ['src/main/report/**'],
    may: [
      'src/main/report/**',
      'src/shared/**',
      { target: 'src/main/host/server', names: ['HostCore'] },
      'node:*',
      'playwright-core',
      ...testing,
    ],
    why: 'the report printer drives Chromium on the print route; it knows the core only as the host does',
  },
  {
    name: 'src/main/backup',
    files: ['src/main/backup/**'],
    may: [
      'src/main/backup/**',
      'src/shared/**',
      { target: 'src/main/core/testing', names: ['createTestCore', 'testClock'] },
      'node:*',
      ...testing,
    ],
    why: 'the daily backup timer knows the core only through dispatch, as the shell and the host do',
  },
  {
    name: 'the shell (src/main/*.ts, src/main/shell)',
    files: ['src/main/*.ts', 'src/main/shell/**'],
    may: [
      'src/main/shell/**',
      'src/shared/**',
      'src/main/core/paths',
      'src/main/core/worker/spawn',
      'src/main/report/print-options',
      'src/main/report/schedule-runner',
      'src/main/backup/daily-runner',
      'electron',
      'node:*',
      'zod',
      ...testing,
    ],
    why: 'the shell is thin: windows, IPC and paths around the core worker',
  },
  {
    name: 'src/preload',
    files: ['src/preload/**'],
    may: ['src/preload/**', 'src/shared/contract/**', 'electron'],
    why: 'the preload exposes the client bridge and nothing else',
  },
  {
    name: 'src/renderer',
    files: ['src/renderer/**'],
    may: [
      'src/renderer/**',
      'src/shared/**',
      'react',
      'react-dom',
      'radix-ui',
      'cmdk',
      '@dnd-kit/*',
      '@tanstack/*',
      'chart.js',
      'zod',
      ...testing,
    ],
    why: 'the renderer talks to the app only through the typed client of src/shared: no core, Node or SQLite',
  },
];

function globToRegExp(glob) {
  const escape = (part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${glob.split('**').map(escape).join('.*')}$`);
}

const packageName = (spec) =>
  spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];

/** What an import names: a repository path without extension, or a package (builtins as `node:name`). */
export function importTarget(source, filename) {
  let path = null;
  if (source.startsWith('.')) path = relative(ROOT, resolve(dirname(filename), source));
  for (const [alias, folder] of Object.entries(ALIASES))
    if (source.startsWith(alias)) path = posix.normalize(folder + source.slice(alias.length));
  if (path !== null)
    return {
      kind: 'path',
      id: path
        .split('\\')
        .join('/')
        .replace(/\.(d\.ts|tsx?|mjs|cjs|js|css)$/, ''),
    };
  const bare = source.startsWith('node:') ? source.slice(5) : source;
  if (BUILTINS.has(packageName(bare))) return { kind: 'package', id: `node:${bare}` };
  return { kind: 'package', id: source };
}

function matches(pattern, target) {
  const re = globToRegExp(pattern);
  return re.test(target.id) || (target.kind === 'package' && re.test(packageName(target.id)));
}

export function layerOf(filename) {
  const path = relative(ROOT, filename).split('\\').join('/');
  return LAYERS.find((layer) => layer.files.some((glob) => globToRegExp(glob).test(path)));
}

/** Null when allowed, else why not. `names` are the imported bindings (null: not a plain named import). */
function refusal(layer, target, names) {
  for (const entry of layer.may) {
    if (typeof entry === 'string') {
      if (matches(entry, target)) return null;
    } else if (matches(entry.target, target)) {
      if (names && names.every((n) => entry.names.includes(n))) return null;
      return `only ${entry.names.join(', ')} may be imported from it`;
    }
  }
  return `${layer.name} may import only: ${layer.may.map((e) => (typeof e === 'string' ? e : `${e.target} (${e.names.join(', ')})`)).join(', ')}`;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list names (eslint/layers.js).' },
    schema: [],
    messages: { forbidden: '{{layer}} may not import "{{source}}" ({{why}}): {{detail}}.' },
  },
  create(context) {
    const layer = layerOf(context.filename);
    if (!layer) return {};
    const check = (node, sourceNode, names) => {
      if (!sourceNode || typeof sourceNode.value !== 'string') return;
      const target = importTarget(sourceNode.value, context.filename);
      const detail = refusal(layer, target, names);
      if (detail)
        context.report({
          node,
          messageId: 'forbidden',
          data: { layer: layer.name, source: sourceNode.value, why: layer.why, detail },
        });
    };
    return {
      ImportDeclaration(node) {
        const named = node.specifiers.every((s) => s.type === 'ImportSpecifier');
        check(
          node,
          node.source,
          named ? node.specifiers.map((s) => s.imported.name ?? s.imported.value) : null,
        );
      },
      ExportNamedDeclaration: (node) => check(node, node.source, null),
      ExportAllDeclaration: (node) => check(node, node.source, null),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null, null),
    };
  },
};

export default { rules: { layers: layersRule } };
