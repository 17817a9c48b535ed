import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint/layers.js';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
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
    // Every id comes from src/main/core/db/ids.ts: one generator per thread, with its pooled random source.
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'tests/**/*.ts'],
    ignores: ['src/main/core/db/ids.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'uuidv7', message: 'Import uuidv7 from src/main/core/db/ids.ts.' }] },
      ],
    },
  },
  {
    // Layering (DESIGN §1): what each of src/shared, core, cli, host, shell, preload and renderer may import.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { local: layers },
    rules: { 'local/layers': 'error' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Tandem does not run the React Compiler, so libraries it cannot memoise (TanStack Virtual) are fine.
      'react-hooks/incompatible-library': 'off',
    },
  },
);
