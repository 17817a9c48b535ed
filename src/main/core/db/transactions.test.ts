import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('..', import.meta.url));
/** The one place that opens transactions: `writeTransaction` and `writeRetrying` begin them IMMEDIATE. */
const HELPER = 'db/transaction.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Each `.transaction(…)` with the text right after its closing parenthesis. */
function transactions(text: string): { call: string; after: string }[] {
  const found: { call: string; after: string }[] = [];
  for (const match of text.matchAll(/\.transaction\(/g)) {
    let depth = 1;
    let end = (match.index ?? 0) + match[0].length;
    while (depth > 0 && end < text.length) {
      const c = text[end++];
      if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    found.push({ call: text.slice(match.index, end), after: text.slice(end, end + 12) });
  }
  return found;
}

describe('write transactions', () => {
  // A deferred BEGIN that reads and then writes gets SQLITE_BUSY at once, without waiting busy_timeout,
  // whenever the import worker committed in between: every transaction of the core begins IMMEDIATE.
  it('begin IMMEDIATE everywhere in the core: only db/transaction.ts opens one', () => {
    const deferred: string[] = [];
    let seen = 0;
    for (const file of sources(CORE)) {
      const name = relative(CORE, file).replaceAll('\\', '/');
      for (const { call, after } of transactions(readFileSync(file, 'utf8'))) {
        seen++;
        if (name !== HELPER) deferred.push(`${name}: ${call.split('\n')[0]} ${after}`.trim());
      }
    }
    expect(seen).toBeGreaterThan(0);
    expect(deferred).toEqual([]);
  });
});
