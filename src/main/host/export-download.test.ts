import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '@core/testing';
import { startHost, type Host } from './server';

let t: TestCore;
let host: Host;
let rendererDir = '';
let session = '';

function call(path: string, init: { method?: string; cookie?: string; body?: string } = {}) {
  const url = new URL(path, host.origin);
  return new Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: init.method ?? 'GET',
          headers: { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
          );
        },
      );
      req.on('error', reject);
      req.end(init.body);
    },
  );
}

beforeAll(async () => {
  t = await createTestCore({ fileAccess: 'granted' });
  rendererDir = mkdtempSync(join(tmpdir(), 'tandem-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<html></html>');
  host = await startHost({ core: t.core, rendererDir });
  const link = new URL(host.url);
  const opened = await call(link.pathname + link.search);
  session = String(opened.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  await t.client.call('contacts.create', { firstName: 'Ada', lastName: 'Baker', email: 'ada@x.example' });
  await t.client.call('contacts.create', { firstName: '=cmd', lastName: 'Young', email: 'cy@x.example' });
});
afterAll(async () => {
  await host.close();
  t.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('browser host: CSV download', () => {
  it('streams the export the core wrote as an attachment and removes its copy', async () => {
    const res = await call('/api/export.csv', {
      method: 'POST',
      cookie: session,
      body: JSON.stringify({ selection: { kind: 'contacts', filter: { search: 'young' } } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; .*filename\*=UTF-8''contacts%20/,
    );
    const text = res.body.toString('utf8');
    expect(text.startsWith('\uFEFFTandem contact ID,')).toBe(true);
    const rows = text.split('\r\n').filter((l) => l !== '');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(",'=cmd,Young,cy@x.example,");
    // Removed once the response has closed, which the client may see a moment after its last byte.
    const folder = join(t.dir, 'exports');
    const left = () => (existsSync(folder) ? readdirSync(folder) : []);
    for (let i = 0; i < 50 && left().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(left()).toEqual([]);
  });

  it('never writes where the page says, and refuses without a session or with a bad request', async () => {
    const elsewhere = join(t.dir, 'elsewhere.csv');
    const forced = await call('/api/export.csv', {
      method: 'POST',
      cookie: session,
      body: JSON.stringify({ selection: { kind: 'contacts' }, destination: { to: 'file', path: elsewhere } }),
    });
    // The host always asks for a download: the page's destination is replaced, not obeyed.
    expect(forced.status).toBe(200);
    expect(existsSync(elsewhere)).toBe(false);
    const noSession = await call('/api/export.csv', {
      method: 'POST',
      body: JSON.stringify({ selection: { kind: 'contacts' } }),
    });
    expect(noSession.status).toBe(403);
    const bad = await call('/api/export.csv', {
      method: 'POST',
      cookie: session,
      body: JSON.stringify({ selection: { kind: 'widgets' } }),
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8'))).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await call('/api/export.csv', { cookie: session })).status).toBe(405);
  });

  it('answers the desktop-only save dialog with "not supported" so the page downloads', async () => {
    const reply = await call('/api/invoke', {
      method: 'POST',
      cookie: session,
      body: JSON.stringify({ method: 'exports.chooseFile', input: { defaultName: 'contacts.csv' } }),
    });
    expect(JSON.parse(reply.body.toString('utf8'))).toEqual({
      ok: true,
      value: { supported: false, path: null },
    });
  });
});
