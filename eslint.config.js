import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeModules = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'better-sqlite3',
  'drizzle-orm',
  'drizzle-orm/*',
];

/** Layer rules (DESIGN §1): shared ← core ← shell/host/cli; renderer ← shared. */
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'resources/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: layer(
      ['@core/*', '**/main/**', '**/renderer/**', 'electron', 'react', 'react-dom', ...nodeModules],
      'src/shared is the contract: pure TypeScript that runs anywhere, importing nothing from the core, shell, renderer or Node.',
    ),
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: layer(
      [
        'electron',
        'react',
        'react-dom',
        '**/renderer/**',
        '**/preload/**',
        '**/shell/**',
        '**/host/**',
        '**/cli/**',
      ],
      'The core runs under plain Node: it may not import Electron, the renderer or the transports built on it.',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Tandem does not run the React Compiler, so libraries it cannot memoise (TanStack Virtual) are fine.
      'react-hooks/incompatible-library': 'off',
      ...layer(
        ['@core/*', '**/main/**', '**/preload/**', 'electron', ...nodeModules],
        'The renderer talks to the app only through the typed client of src/shared: no core, Node or SQLite.',
      ),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: layer(
      ['@core/*', '**/main/**', '**/renderer/**', ...nodeModules],
      'The preload exposes the client bridge and nothing else.',
    ),
  },
);
