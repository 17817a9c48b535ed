import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '@core/testing';
import { jsonDepth, startHost, type Host } from './server';

let t: TestCore;
let host: Host;
let rendererDir = '';
/** The `cookie` header of a browser that opened a link. */
let session = '';

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Raw HTTP so tests can set Host, Origin and Cookie headers as an attacker's page or process would. */
function call(
  target: Host,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const url = new URL(path, target.origin);
  return new Promise((resolve, reject) => {
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
  });
}

/** Opens a one-time link as a browser would and keeps the cookie it is given. */
async function signIn(target: Host, link = target.link()): Promise<string> {
  const url = new URL(link);
  const res = await call(target, url.pathname + url.search);
  expect(res.status).toBe(303);
  const cookie = String(res.headers['set-cookie'] ?? '');
  return cookie.split(';')[0] ?? '';
}

const invoke = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  call(host, '/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session, ...headers },
    body: JSON.stringify({ method, input }),
  });

beforeAll(async () => {
  // As the browser host runs it: paths only from uploads, never from the request.
  t = await createTestCore({ fileAccess: 'granted' });
  rendererDir = mkdtempSync(join(tmpdir(), 'tandem-renderer-'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<html><head><title>Tandem</title></head><body><script src="/app.js"></script></body></html>',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'console.log("tandem")');
  host = await startHost({ core: t.core, rendererDir });
  session = await signIn(host, host.url);
});
afterAll(async () => {
  await host.close();
  t.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('loopback host: sessions', () => {
  it('listens on 127.0.0.1 only and prints a link that carries its secret', () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1');
    expect(new URL(host.url).searchParams.get('open')).toMatch(/^[\w-]{32}$/);
  });

  it('serves nothing useful without a session: no page, no scripts, no API, no events', async () => {
    const page = await call(host, '/');
    expect(page.status).toBe(403);
    expect(page.body).not.toContain('<script');
    expect(page.body).not.toMatch(/token|open=/);
    expect((await call(host, '/app.js')).status).toBe(403);
    expect((await call(host, '/api/events')).status).toBe(403);
    const api = await call(host, '/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'settings.get', input: {} }),
    });
    expect(api.status).toBe(403);
    expect(api.body).not.toContain('currency');
  });

  it('exchanges a link once for an HttpOnly, SameSite=Strict cookie and drops the secret from the address', async () => {
    const link = new URL(host.link());
    const first = await call(host, link.pathname + link.search);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(
      /^tandem_session=[\w-]{43}; HttpOnly; SameSite=Strict; Path=\/$/,
    );
    // A second browser (or another user who saw the link) gets nothing from it.
    const again = await call(host, link.pathname + link.search);
    expect(again.status).toBe(403);
    expect(again.headers['set-cookie']).toBeUndefined();
    // The browser that already has its session is simply sent on.
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    expect((await call(host, link.pathname + link.search, { headers: { cookie } })).status).toBe(303);
    expect((await call(host, '/', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a made-up link and a made-up cookie', async () => {
    expect((await call(host, '/?open=guess')).status).toBe(403);
    expect((await invoke('settings.get', {}, { cookie: 'tandem_session=guess' })).status).toBe(403);
    expect((await call(host, '/', { headers: { cookie: 'tandem_session=' } })).status).toBe(403);
  });

  it('serves the app with the CSP header and nothing secret in it', async () => {
    const page = await call(host, '/', { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('tandem-host-token');
    expect(page.body).not.toContain(session.split('=')[1]);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('answers API calls of the session, and refuses another origin and another host name', async () => {
    const res = await invoke('settings.get', {});
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { currency: 'USD' } });
    expect((await invoke('settings.get', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await invoke('settings.get', {}, { host: 'evil.example' })).status).toBe(403);
  });

  it('reads no file the user did not upload', async () => {
    const reply = JSON.parse((await invoke('imports.inspect', { path: '/etc/passwd' })).body) as {
      ok: boolean;
      error?: { code: string; message: string };
    };
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(reply)).not.toContain('root:');
    const backup = JSON.parse(
      (await invoke('system.backup', { path: join(tmpdir(), 'stolen.sqlite') })).body,
    );
    expect(backup).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // What the page uploads is readable: the upload lands beside the database.
    const upload = JSON.parse(
      (
        await invoke('imports.upload', {
          name: 'people.csv',
          contentBase64: Buffer.from('Email,First Name\nann@example.com,Ann\n').toString('base64'),
        })
      ).body,
    ) as { ok: boolean; value: { path: string } };
    expect(upload.ok).toBe(true);
    const inspected = JSON.parse((await invoke('imports.inspect', { path: upload.value.path })).body);
    expect(inspected).toMatchObject({ ok: true });
  });
});

describe('loopback host: bad requests get a 4xx with the reason', () => {
  it('says when the body is not JSON, not an object, or nested too deep', async () => {
    const post = (body: string) =>
      call(host, '/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session },
        body,
      });
    const notJson = await post('{not json');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ error: { message: 'The request body is not JSON.' } });
    for (const body of ['null', '[]', '"text"', '12']) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({
        error: { message: 'The request body must be a JSON object.' },
      });
    }
    const deep = await post(`{"method":"settings.get","input":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body).toContain('nested deeper than 32 levels');
  });

  it('answers 413 for a body over the limit, before reading it all', async () => {
    const res = await call(host, '/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session },
      body: `{"method":"settings.get","input":{"x":"${'a'.repeat(11 * 1024 * 1024)}"}}`,
    }).catch((error: unknown) => ({ status: -1, body: String(error), headers: {} }));
    expect(res.status).toBe(413);
    expect(res.body).toContain('larger than 10 MB');
  });

  it('answers 400 for a malformed %-escape and a NUL in the path', async () => {
    const bad = await call(host, '/%E0%A4%A', { headers: { cookie: session } });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('malformed %-escape');
    expect((await call(host, '/a%00b', { headers: { cookie: session } })).status).toBe(400);
  });

  it('does not serve files outside the renderer folder', async () => {
    const headers = { cookie: session };
    expect((await call(host, '/../../etc/passwd', { headers })).body).not.toContain('root:');
    expect((await call(host, '/%2e%2e/%2e%2e/etc/passwd', { headers })).body).not.toContain('root:');
  });

  it('counts nesting without being fooled by brackets inside strings', () => {
    expect(jsonDepth('{"a":[1,{"b":"[[[[\\"]]"}]}')).toBe(3);
    expect(jsonDepth('"{{{{"')).toBe(0);
  });
});

describe('report PDF endpoint', () => {
  const printed: { request: unknown; entry: string }[] = [];
  let printing: Host;
  let printingSession = '';
  beforeAll(async () => {
    printing = await startHost({
      core: t.core,
      rendererDir,
      printReport: async (request, entry) => {
        printed.push({ request, entry });
        return { pdf: Buffer.from('%PDF-1.7 test'), fileName: 'My business – 2026-07-01 to 2026-09-30.pdf' };
      },
    });
    printingSession = await signIn(printing);
  });
  afterAll(() => printing.close());

  const post = (target: Host, body: unknown, cookie: string) =>
    call(target, '/api/report.pdf', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });

  it('prints the validated request through a fresh one-time link and answers with the PDF', async () => {
    const res = await post(
      printing,
      { from: '2026-07-01', to: '2026-09-30', notes: 'Budget' },
      printingSession,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('My business – 2026-07-01 to 2026-09-30.pdf')}`,
    );
    expect(res.body).toBe('%PDF-1.7 test');
    expect(printed).toHaveLength(1);
    expect(printed[0]?.request).toEqual(
      expect.objectContaining({ from: '2026-07-01', to: '2026-09-30', model: 'position', notes: 'Budget' }),
    );
    // The printer's link opens the app once, like the one printed at start.
    const entry = new URL(printed[0]?.entry ?? '');
    expect(entry.origin).toBe(printing.origin);
    await signIn(printing, entry.href);
  });

  it('refuses a request without the session and an invalid request before printing anything', async () => {
    const before = printed.length;
    expect(
      (await post(printing, { from: '2026-07-01', to: '2026-09-30' }, 'tandem_session=guess')).status,
    ).toBe(403);
    const bad = await post(printing, { from: 'July', to: '2026-09-30' }, printingSession);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'from' }] },
    });
    expect(printed.length).toBe(before);
  });

  it('says so when the host has no printer', async () => {
    const res = await post(host, { from: '2026-07-01', to: '2026-09-30' }, session);
    expect(res.status).toBe(501);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
