import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = dirname(fileURLToPath(import.meta.url));

const alias = {
  '@shared': resolve(root, 'src/shared'),
  '@core': resolve(root, 'src/main/core'),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          // The core runs in its own worker thread; it is bundled as a second entry beside the shell.
          'core-worker': resolve(root, 'src/main/core/worker/core-worker.ts'),
          // Import jobs run in a worker thread of their own, started by the core (see import/worker/manager.ts).
          'import-worker': resolve(root, 'src/main/core/import/worker/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    resolve: { alias: { '@shared': alias['@shared'] } },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
