import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer allow-lists of eslint/layers.js, run through the project's real ESLint configuration on small
 * snippets placed in each layer: an import across a forbidden edge fails, an allowed one passes.
 */
const ROOT = resolve(import.meta.dirname, '../..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

// [file in the layer, import statement]
const allowed: [string, string][] = [
  ['src/shared/domain/x.ts', "import { z } from 'zod';"],
  ['src/shared/domain/x.ts', "import { Id } from '../domain/ids';"],
  ['src/main/core/x/y.ts', "import Database from 'better-sqlite3';"],
  ['src/main/core/x/y.ts', "import { api } from '@shared/api';"],
  ['src/main/core/x/y.ts', "import { readFileSync } from 'node:fs';"],
  ['src/main/core/x/y.ts', "import { sql } from 'drizzle-orm/sqlite-core';"],
  ['src/main/cli/x.ts', "import { createCore } from '@core/app';"],
  ['src/main/cli/x.ts', "import { defaultDatabaseFile } from '@core/paths';"],
  ['src/main/cli/x.ts', "import { SchemaTooNewError } from '@core/db/migrate';"],
  ['src/main/cli/x.ts', "import { ImportKind } from '@shared/api/imports';"],
  ['src/main/cli/x.ts', "import { resolve } from 'node:path';"],
  ['src/main/host/x.ts', "import { spawnCore } from '@core/worker/spawn';"],
  ['src/main/x.ts', "import { app } from 'electron';"],
  ['src/main/shell/x.ts', "import type { RemoteCore } from '@core/worker/spawn';"],
  ['src/preload/x.ts', "import { IPC_INVOKE } from '@shared/contract/ipc';"],
  ['src/renderer/src/x.tsx', "import { useState } from 'react';"],
  ['src/renderer/src/x.tsx', "import { createRoot } from 'react-dom/client';"],
  ['src/renderer/src/x.tsx', "import { useQuery } from '@tanstack/react-query';"],
  ['src/renderer/src/x.tsx', "import { api } from '@shared/api';"],
];

const forbidden: [string, string][] = [
  ['src/shared/domain/x.ts', "import { readFileSync } from 'node:fs';"],
  ['src/shared/domain/x.ts', "import { createCore } from '@core/app';"],
  ['src/shared/domain/x.ts', "import React from 'react';"],
  ['src/main/core/x/y.ts', "import { app } from 'electron';"],
  ['src/main/core/x/y.ts', "import { runCli } from '../../cli/main';"],
  ['src/main/core/x/y.ts', "import { startHost } from '@core/../host/server';"],
  ['src/main/core/x/y.ts', "import { useState } from 'react';"],
  ['src/main/cli/x.ts', "import { generateDemo } from '@core/demo/generate';"],
  ['src/main/cli/x.ts', "import { runJob } from '@core/import/job/runner';"],
  ['src/main/cli/x.ts', "import Database from 'better-sqlite3';"],
  ['src/main/cli/x.ts', "import { applyMigrations } from '@core/db/migrate';"],
  ['src/main/cli/x.ts', "import * as migrate from '@core/db/migrate';"],
  ['src/main/cli/x.ts', "export { workspaceStatus } from '@core/workspace/status';"],
  ['src/main/cli/x.ts', "const m = await import('@core/settings/service');"],
  ['src/main/cli/x.ts', "import { openDatabase } from '../core/db/open';"],
  ['src/main/host/x.ts', "import { openDatabase } from '@core/db/open';"],
  ['src/main/host/x.ts', "import { app } from 'electron';"],
  ['src/main/x.ts', "import { handlers } from '@core/handlers';"],
  ['src/main/shell/x.ts', "import Database from 'better-sqlite3';"],
  ['src/preload/x.ts', "import { readFileSync } from 'node:fs';"],
  ['src/preload/x.ts', "import { api } from '@shared/api';"],
  ['src/renderer/src/x.tsx', "import { createCore } from '@core/app';"],
  ['src/renderer/src/x.tsx', "import { readFileSync } from 'node:fs';"],
  ['src/renderer/src/x.tsx', "import { readFileSync } from 'fs';"],
  ['src/renderer/src/x.tsx', "import Database from 'better-sqlite3';"],
  ['src/renderer/src/x.tsx', "import { ipcRenderer } from 'electron';"],
  ['src/renderer/src/x.tsx', "import { registerIpc } from '../../main/shell/ipc';"],
];

describe('layer allow-lists (eslint/layers.js)', () => {
  it.each(allowed)('%s may: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it.each(forbidden)('%s may not: %s', async (file, code) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/may not import/);
  });

  it('names the layer, the import and what is allowed instead', async () => {
    const [message] = await layerErrors(
      'src/main/cli/x.ts',
      "import { generateDemo } from '@core/demo/generate';",
    );
    expect(message).toContain('src/main/cli may not import "@core/demo/generate"');
    expect(message).toContain('src/main/core/app');
  });

  // The CLI is a transport: every file of it passes the rule, so none reaches into the core's internals.
  it('holds for every file of src/main/cli as it is', async () => {
    const dir = join(ROOT, 'src/main/cli');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f));
    expect(files.length).toBeGreaterThan(5);
    const results = await eslint.lintFiles(files);
    const problems = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'local/layers').map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(problems).toEqual([]);
  });
});
