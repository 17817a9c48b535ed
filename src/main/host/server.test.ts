import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '@core/testing';
import { startHost, type Host } from './server';

let t: TestCore;
let host: Host;
let rendererDir = '';

beforeAll(async () => {
  t = await createTestCore();
  rendererDir = mkdtempSync(join(tmpdir(), 'tandem-renderer-'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<html><head><title>Tandem</title></head><body></body></html>',
  );
  host = await startHost({ core: t.core, rendererDir });
});
afterAll(async () => {
  await host.close();
  t.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

/** Raw HTTP so tests can set Host and Origin headers as an attacker's page or a rebinding DNS would. */
function call(
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const url = new URL(path, host.url);
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers },
        (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

const invoke = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  call('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tandem-token': host.token, ...headers },
    body: JSON.stringify({ method, input }),
  });

describe('loopback host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
  });

  it('serves the app with its token and the CSP header', async () => {
    const page = await call('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="tandem-host-token" content="${host.token}">`);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('answers API calls that carry the token', async () => {
    const res = await invoke('settings.get', {});
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { currency: 'USD' } });
  });

  it('refuses a missing token, another origin and another host name', async () => {
    expect((await invoke('settings.get', {}, { 'x-tandem-token': 'guess' })).status).toBe(403);
    expect((await invoke('settings.get', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await invoke('settings.get', {}, { host: 'evil.example' })).status).toBe(403);
    expect((await call(`/api/events?token=wrong`)).status).toBe(403);
  });

  it('returns validation errors naming the field, and unknown methods as such', async () => {
    expect(JSON.parse((await invoke('contacts.create', { firstName: 'A', email: 'x' })).body)).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'email' }] },
    });
    expect(JSON.parse((await invoke('nope.nothing', {})).body)).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    const bad = await call('/api/invoke', {
      method: 'POST',
      headers: { 'x-tandem-token': host.token },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await call('/../../etc/passwd')).body).not.toContain('root:');
    expect((await call('/%2e%2e/%2e%2e/etc/passwd')).body).not.toContain('root:');
  });
});

describe('report PDF endpoint', () => {
  const printed: { request: unknown; origin: string }[] = [];
  let printing: Host;
  beforeAll(async () => {
    printing = await startHost({
      core: t.core,
      rendererDir,
      printReport: async (request, origin) => {
        printed.push({ request, origin });
        return { pdf: Buffer.from('%PDF-1.7 test'), fileName: 'My business – 2026-07-01 to 2026-09-30.pdf' };
      },
    });
  });
  afterAll(() => printing.close());

  const post = (target: Host, body: unknown, token = target.token) => {
    const url = new URL('/api/report.pdf', target.url);
    return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
      (resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-tandem-token': token },
          },
          (res) => {
            let data = '';
            res.on('data', (c: Buffer) => (data += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data, headers: res.headers }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify(body));
      },
    );
  };

  it('prints the validated request through the host own origin and answers with the PDF to download', async () => {
    const res = await post(printing, { from: '2026-07-01', to: '2026-09-30', notes: 'Budget' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('My business – 2026-07-01 to 2026-09-30.pdf')}`,
    );
    expect(res.body).toBe('%PDF-1.7 test');
    expect(printed).toEqual([
      {
        request: expect.objectContaining({
          from: '2026-07-01',
          to: '2026-09-30',
          model: 'position',
          notes: 'Budget',
        }),
        origin: new URL(printing.url).origin,
      },
    ]);
  });

  it('refuses a wrong token and an invalid request before printing anything', async () => {
    const before = printed.length;
    expect((await post(printing, { from: '2026-07-01', to: '2026-09-30' }, 'guess')).status).toBe(403);
    const bad = await post(printing, { from: 'July', to: '2026-09-30' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'from' }] },
    });
    expect(printed.length).toBe(before);
  });

  it('says so when the host has no printer', async () => {
    const res = await post(host, { from: '2026-07-01', to: '2026-09-30' });
    expect(res.status).toBe(501);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
