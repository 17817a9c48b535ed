// Property-based tests of the loopback host: random paths, methods, headers and bodies get an answer below
// 500 (the request's fault is a 4xx that says why), never a file outside the renderer folder, and nothing
// at all without the session. server.test.ts has the worked examples of each rule.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '@core/testing';
import { startHost, type Host } from './server';

let t: TestCore;
let host: Host;
let root = '';
let session = '';
const CANARY = 'tandem-canary-outside-the-renderer';

interface Reply {
  status: number;
  body: string;
}

function call(
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
  }: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  t = await createTestCore({ fileAccess: 'granted' });
  root = mkdtempSync(join(tmpdir(), 'tandem-host-fuzz-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<html><body>Tandem</body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app-abcdefgh.js'), 'console.log(1)');
  // Files beside the renderer folder and in the database's folder: no path may reach them.
  writeFileSync(join(root, 'secret.txt'), CANARY);
  writeFileSync(join(root, 'renderer-secret.txt'), CANARY);
  host = await startHost({
    core: t.core,
    rendererDir,
    printReport: () => Promise.resolve({ pdf: Buffer.from('%PDF-1.7 fuzz'), fileName: 'report.pdf' }),
  });
  // Opening the one-time link, as the owner's browser does, gives the session cookie.
  session = await new Promise<string>((resolve, reject) => {
    const url = new URL(host.url);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search }, (r) => {
      r.resume();
      resolve(String(r.headers['set-cookie'] ?? '').split(';')[0] ?? '');
    });
    req.on('error', reject);
    req.end();
  });
  expect(session).toMatch(/^tandem_session=/);
});
afterAll(async () => {
  await host.close();
  t.dispose();
  rmSync(root, { recursive: true, force: true });
});

const segment = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '',
    '%2e%2e',
    '%2E%2E',
    '..%2f',
    '..%5c',
    '%2f',
    '%5c',
    '%00',
    '%',
    '%E0%A4%A',
    '%ff',
    '%C0%AE',
    'index.html',
    'assets',
    'app-abcdefgh.js',
    'api',
    'invoke',
    'export.csv',
    'report.pdf',
    'secret.txt',
    'renderer-secret.txt',
    'etc',
    'passwd',
    '%C3%A9',
    '%F0%9F%98%80',
    '?open=',
    '?open=x&open=y',
    '#frag',
    ';x',
  ),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/),
  fc
    .uint8Array({ minLength: 1, maxLength: 6 })
    .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
);
const path = fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`);
const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH');

const STREAMING = /^\/api\/events(?:[?#]|$)/;

describe('loopback host under random requests', () => {
  it('answers any path and method with a status below 500, and never serves a file outside the renderer', async () => {
    await fc.assert(
      fc.asyncProperty(path, method, async (p, m) => {
        // The event stream stays open by design; it is covered in server.test.ts.
        if (STREAMING.test(p)) return;
        const res = await call(p, { method: m, headers: { cookie: session } });
        expect(res.status).toBeGreaterThanOrEqual(200);
        expect(res.status).toBeLessThan(500);
        expect(res.body).not.toContain(CANARY);
        expect(res.body).not.toContain('root:x:');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses every request without the session, whatever its path, method and headers', async () => {
    const headerValue = fc.stringMatching(/^[ -~]{0,40}$/);
    await fc.assert(
      fc.asyncProperty(
        path,
        method,
        fc.record(
          {
            cookie: fc.oneof(
              headerValue,
              headerValue.map((v) => `tandem_session=${v}`),
            ),
            origin: fc.constantFrom(host.origin, 'http://evil.example', 'null', ''),
            host: fc.constantFrom(
              new URL(host.origin).host,
              'evil.example',
              `localhost:${new URL(host.origin).port}`,
            ),
          },
          { requiredKeys: [] },
        ),
        async (p, m, headers) => {
          if (STREAMING.test(p)) return;
          const res = await call(p, { method: m, headers });
          expect([303, 400, 403]).toContain(res.status);
          expect(res.body).not.toContain('Tandem</body>');
          expect(res.body).not.toContain(CANARY);
        },
      ),
      { numRuns: 200 },
    );
  });

  const body = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 6 }),
    fc.jsonValue({ maxDepth: 4 }).map((input) => JSON.stringify({ method: 'contacts.create', input })),
    fc
      .tuple(
        fc.constantFrom(
          'settings.get',
          'contacts.list',
          'contacts.create',
          '__proto__',
          'constructor',
          'toString',
          '',
        ),
        fc.jsonValue({ maxDepth: 3 }),
      )
      .map(
        ([m, input]) =>
          `{"method":${JSON.stringify(m)},"input":${JSON.stringify(input)},"__proto__":{"polluted":1}}`,
      ),
    fc
      .integer({ min: 30, max: 3_000 })
      .map((n) => `{"method":"settings.get","input":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  );

  it('answers any body sent to the API, the CSV export and the PDF report with a status below 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/invoke', '/api/export.csv', '/api/report.pdf'),
        body,
        async (target, text) => {
          const res = await call(target, {
            method: 'POST',
            headers: { cookie: session, 'content-type': 'application/json' },
            body: text,
          });
          expect(res.status).toBeLessThan(500);
          if (target === '/api/invoke' && res.status === 200) {
            const reply = JSON.parse(res.body) as { ok: boolean; error?: { code: string } };
            expect(reply.error?.code).not.toBe('internal');
          }
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
