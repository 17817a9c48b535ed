#!/usr/bin/env node
// Runs Tandem's command line from a checkout: the TypeScript sources load through tsx, no build needed.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  process.stderr.write(`Tandem needs Node.js 22 or newer; this is ${process.version}.\n`);
  process.exit(1);
}
const { register } = await import('tsx/esm/api');
const tsconfig = new URL('../tsconfig.json', import.meta.url).pathname;
// Worker threads (the import worker) load through tsx too, and must find the same path aliases.
process.env.TSX_TSCONFIG_PATH ??= tsconfig;
register({ tsconfig });
await import('../src/main/cli/index.ts');
