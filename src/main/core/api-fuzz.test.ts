// Property-based tests of every method of the contract, called through the core's dispatch as the IPC and
// host transports call it. Payloads come in two kinds: hostile ones (wrong types, deep nesting, huge and
// NUL-laden strings, prototype keys) and ones built from the method's own input schema, valid in shape with
// real ids of the database, so that they reach the handlers. Whatever comes, the answer is a normal result
// or a refusal (validation, not found, conflict, forbidden), never an internal error; and a refused call
// leaves every table's row count as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { uuidv7 } from './db/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api, type MethodName } from '@shared/api';
import { createCore, type Core } from './app';

/** Runs per method for each kind of payload; TANDEM_FUZZ_RUNS raises them for a longer search. */
const RUNS = Number(process.env.TANDEM_FUZZ_RUNS ?? 10);

let dir = '';
let core: Core;
const internalErrors: Array<{ method: string; error: unknown }> = [];
/** Ids of rows of the database, by table, so that schema-built payloads name things that exist. */
let ids = new Map<string, string[]>();
let allIds: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-api-fuzz-'));
  core = await createCore(join(dir, 'tandem.sqlite'), {
    checkOutput: true,
    // As the desktop app and the browser host run it: paths only from dialogs and uploads.
    fileAccess: 'granted',
    importMode: 'inline',
    onInternalError: (error, method) => internalErrors.push({ method, error }),
  });
  expect(await core.dispatch('workspace.setup', { mode: 'demo' })).toMatchObject({ ok: true });
  ids = collectIds();
  allIds = [...ids.values()].flat();
}, 60_000);
afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

function tables(): string[] {
  return core.connection.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
}

function rowCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tables())
    counts[table] = core.connection.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  return counts;
}

function collectIds(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const table of tables()) {
    const columns = core.connection.sqlite.prepare(`PRAGMA table_info("${table}")`).all() as {
      name: string;
    }[];
    if (!columns.some((c) => c.name === 'id')) continue;
    const rows = core.connection.sqlite.prepare(`SELECT id FROM "${table}" LIMIT 8`).pluck().all();
    const strings = rows.filter((id): id is string => typeof id === 'string');
    if (strings.length > 0) found.set(table, strings);
  }
  return found;
}

/** Ids of the tables a field is likely about: `contactId` → contacts, `id` of `leads.get` → leads. */
function idsFor(where: Where): string[] {
  const name = where.key === 'id' || where.key === 'ids' ? where.domain : where.key.replace(/Ids?$/, '');
  const stem = name.replace(/(ies|es|s)$/, '').toLowerCase();
  const matching = [...ids]
    .filter(([table]) => table.replaceAll('_', '').includes(stem))
    .flatMap(([, list]) => list);
  return matching.length > 0 ? matching : allIds;
}

/** An object with an own property of any name, `__proto__` included, as JSON.parse makes it. */
function own(entries: Array<[string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries)
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
];

const hostileString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    '\uFFFF',
    "'; DROP TABLE contacts; --",
    '" OR 1=1 --',
    '%s%n',
    '../../../../etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '\\\\server\\share',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '<script>alert(1)</script>',
    '__proto__',
    'NaN',
    '-0',
    '1e309',
    '9999-12-31',
    '0000-00-00',
    '2026-02-30',
    '2026-03-10T25:00:00Z',
  ),
  fc
    .constantFrom('x', '\u0000', 'é', '😀')
    .chain((c) => fc.integer({ min: 1_000, max: 200_000 }).map((n) => c.repeat(n))),
);

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    -0,
    -1,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    2 ** 53,
    -(2 ** 63),
    1e308,
  ),
  fc.integer(),
  fc.double(),
);

/** Any value, with prototype keys, deep nesting and long arrays among them. */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 8 })), tie('value')), {
        maxLength: 4,
      })
      .map(own),
  ),
})).value;

const deep = fc.tuple(fc.integer({ min: 100, max: 5_000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value, id: value };
  return value;
});

/** A payload of the wrong shape altogether: not an object, an object of junk, or the right keys with junk. */
function hostilePayload(schema: z.ZodType, domain: string): fc.Arbitrary<unknown> {
  const keys = objectKeys(schema);
  return fc.oneof(
    hostileValue,
    deep,
    fc
      .array(fc.tuple(fc.constantFrom(...keys, ...PROTO_KEYS), fc.oneof(hostileValue, deep)), {
        maxLength: 5,
      })
      .map(own),
    fc
      .constantFrom(...PROTO_KEYS)
      .chain((key) => validish(schema, domain).map((valid) => withKey(valid, key, { polluted: true }))),
  );
}

function withKey(value: unknown, key: string, extra: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return own([[key, extra]]);
  return own([...Object.entries(value), [key, extra]]);
}

type Def = {
  type: string;
  [key: string]: unknown;
};
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function objectKeys(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'pipe') return objectKeys(def.in as z.ZodType);
  if (def.type === 'union')
    return [...new Set((def.options as z.ZodType[]).flatMap((option) => objectKeys(option)))];
  return ['id'];
}

/** Where in a payload a value goes: the method's domain and the field's name, to pick fitting ids. */
interface Where {
  domain: string;
  key: string;
  depth: number;
  /** Chance that a leaf is hostile instead of exact. */
  hostile: number;
}

/**
 * A value of the schema's shape: every field of the right kind, strings of the right format (ids drawn from
 * the database), numbers in range. Half the payloads are exact; in the others a leaf in six is hostile, so
 * the handler meets it after the other fields passed.
 */
function validish(schema: z.ZodType, domain: string): fc.Arbitrary<unknown> {
  return fc
    .constantFrom(0, 1 / 6)
    .chain((hostile) => valueOf(schema, { domain, key: 'input', depth: 0, hostile }));
}

function valueOf(schema: z.ZodType, where: Where): fc.Arbitrary<unknown> {
  if (where.hostile === 0) return exactValue(schema, where);
  const weight = Math.round((1 / where.hostile - 1) * 10);
  return fc.oneof({ weight, arbitrary: exactValue(schema, where) }, { weight: 10, arbitrary: hostileLeaf });
}

function exactValue(schema: z.ZodType, where: Where): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const s = schema as unknown as Record<string, unknown>;
  const inner = { ...where, depth: where.depth + 1 };
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      const entries = Object.entries(shape).map(([key, field]) =>
        fc
          .option(valueOf(field, { ...inner, key }), { nil: undefined, freq: isOptional(field) ? 2 : 40 })
          .map((value) => [key, value] as [string, unknown]),
      );
      return fc.tuple(...entries).map((pairs) => own(pairs.filter(([, value]) => value !== undefined)));
    }
    case 'optional':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return exactValue(def.innerType as z.ZodType, where);
    case 'nullable':
      return fc.oneof(fc.constant(null), exactValue(def.innerType as z.ZodType, where));
    case 'pipe':
      return exactValue(def.in as z.ZodType, where);
    case 'lazy':
      return where.depth > 6 ? hostileLeaf : exactValue((def.getter as () => z.ZodType)(), inner);
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => exactValue(option, inner)));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const max = Math.min((s.maxLength as number | null) ?? 5, 5);
      const min = Math.min((s.minLength as number | null) ?? 0, max);
      return where.depth > 6
        ? fc.constant([])
        : fc.array(valueOf(def.element as z.ZodType, inner), { minLength: min, maxLength: max });
    }
    case 'record':
      return fc
        .array(
          fc.tuple(exactValue(def.keyType as z.ZodType, inner), valueOf(def.valueType as z.ZodType, inner)),
          { maxLength: 4 },
        )
        .map((pairs) => own(pairs.map(([k, v]) => [String(k), v])));
    case 'number':
      return numberFor(s);
    case 'string': {
      // Four candidates, the first the field's own schema accepts (refinements such as a phone check
      // included), so that one odd field rarely sinks a whole payload.
      const accepts = (value: string) => schema.safeParse(value).success;
      return fc
        .array(stringFor(s, def, where), { minLength: 4, maxLength: 4 })
        .map((c) => c.find(accepts) ?? (c[0] as string));
    }
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    default:
      return hostileValue;
  }
}

function isOptional(schema: z.ZodType): boolean {
  return ['optional', 'default', 'prefault'].includes(defOf(schema).type);
}

function numberFor(s: Record<string, unknown>): fc.Arbitrary<number> {
  // Sizes such as the demo's scale or a page size stay small: a valid large value is a slow call, not a bug.
  const min = Math.max((s.minValue as number | null) ?? -1_000_000, -1_000_000);
  const max = Math.min((s.maxValue as number | null) ?? 1_000_000, Math.max(min, 0) + 50);
  if (s.isInt) return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) });
  return fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
}

function stringFor(s: Record<string, unknown>, def: Def, where: Where): fc.Arbitrary<string> {
  const format = s.format as string | null;
  const minLength = (s.minLength as number | null) ?? 0;
  const maxLength = Math.min((s.maxLength as number | null) ?? 40, 40);
  switch (format) {
    case 'uuid':
    case 'guid':
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...idsFor(where)) },
        fc.constant(uuidv7()),
        fc.uuid(),
      );
    case 'date':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'datetime':
      return fc
        .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.(?:com|org|co)$/));
    case 'url':
      return fc.webUrl();
  }
  const checks = (def.checks as Array<{ _zod: { def: { pattern?: RegExp } } }> | undefined) ?? [];
  const pattern = checks.map((c) => c._zod.def.pattern).find((p): p is RegExp => p instanceof RegExp);
  if (pattern) return fc.stringMatching(pattern).filter((t) => t.length <= 200);
  return fc.oneof(
    fc.string({ minLength, maxLength: Math.max(minLength, maxLength) }),
    fc.stringMatching(/^[A-Z][a-z]{1,10}(?: [a-z]{1,10})?$/),
    fc.constantFrom(
      '',
      ...idsFor(where).slice(0, 3),
      'USD',
      'EUR',
      'a@b.co',
      '+1 617 555 0136',
      'https://example.com',
      '2026-03-10',
      '2026-03',
      '#3366ff',
      '09:00',
    ),
  );
}

/**
 * Rows changed by this connection so far (SQLite's total_changes, triggers included). While it stays the
 * same no row was inserted or deleted, so the row counts are only taken again after it moved.
 */
const totalChanges = () => core.connection.sqlite.prepare('SELECT total_changes()').pluck().get() as number;
let counted: { changes: number; counts: Record<string, number> } | null = null;
function countsNow(): Record<string, number> {
  const changes = totalChanges();
  if (counted?.changes !== changes) counted = { changes, counts: rowCounts() };
  return counted.counts;
}

/** Calls a method and checks the answer. */
async function check(method: MethodName, input: unknown): Promise<void> {
  const before = countsNow();
  const errorsBefore = internalErrors.length;
  const result = await core.dispatch(method, input);
  const internal = internalErrors.slice(errorsBefore);
  expect(internal.map((e) => `${e.method}: ${String(e.error)}`)).toEqual([]);
  if (!result.ok) {
    expect(result.error.code).not.toBe('internal');
    expect(typeof result.error.message).toBe('string');
    expect(countsNow()).toEqual(before);
  }
  // A prototype key in the payload never reaches objects outside it.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/**
 * Every method is called, none is left out, the destructive ones included: `system.restore` and
 * `system.backup` only reach paths the user chose in a dialog (none here, so they refuse), a
 * `system.backups.restore` id names no file of the backups folder, and `workspace.setup`/`workspace.demo`
 * refuse a database that already holds data (their successful run is the seed in beforeAll).
 */
const methods = Object.keys(api) as MethodName[];

describe('every API method under random and hostile payloads', () => {
  it('covers the whole contract', () => {
    expect(methods.length).toBeGreaterThan(100);
  });

  for (const method of methods) {
    it(method, async () => {
      const schema = api[method].input as z.ZodType;
      const domain = method.split('.')[0] ?? method;
      await fc.assert(
        fc.asyncProperty(hostilePayload(schema, domain), (input) => check(method, input)),
        { numRuns: RUNS },
      );
      await fc.assert(
        fc.asyncProperty(validish(schema, domain), (input) => check(method, input)),
        { numRuns: RUNS },
      );
    });
  }

  it('no internal error was reported for any call', () => {
    expect(internalErrors).toEqual([]);
  });
});
