import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security';

/**
 * Electron's security checklist, item by item, against the built shell (loaded under Node with the recording
 * stand-in for `electron`, as in shell.test.ts) and its bundles. Each assertion fails if its defence goes.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const bundle = join(ROOT, 'out/main/index.js');
const preload = join(ROOT, 'out/preload/index.cjs');
let dir = '';
let result: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(() => {
  if (!existsSync(bundle))
    throw new Error('out/main/index.js is missing: run "npm run build" before these tests (npm test does).');
  dir = mkdtempSync(join(tmpdir(), 'tandem-checklist-'));
  const output = execFileSync(process.execPath, [join(import.meta.dirname, 'drive-main.mjs'), bundle], {
    env: { ...process.env, FAKE_ELECTRON_USER_DATA: dir, TANDEM_DB: join(dir, 'tandem.sqlite') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  result = JSON.parse(output) as Record<string, never>;
}, 90_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name = '', ...values] = d.trim().split(/\s+/);
    return [name, values] as const;
  }),
);

describe("Electron's security checklist", () => {
  it('(2–4, 6, 8–10) windows: Node off, context isolation and the sandbox on, nothing that weakens them', () => {
    const windows = [result.window, ...result.report.windows];
    expect(windows.length).toBeGreaterThanOrEqual(2); // the app's window and the print window
    for (const w of windows) {
      // Exactly these preferences: a weakening one (webSecurity: false, allowRunningInsecureContent,
      // experimentalFeatures, enableBlinkFeatures, nodeIntegrationInWorker or …InSubFrames) fails here.
      expect(Object.keys(w.webPreferences).sort()).toEqual(
        ['contextIsolation', 'nodeIntegration', 'preload', 'sandbox', 'spellcheck', 'webviewTag'].sort(),
      );
      expect(w.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      });
    }
  });

  it('(7) a Content-Security-Policy without inline or eval scripts, frames, plugins or a base override', () => {
    expect(result.csp).toEqual([CONTENT_SECURITY_POLICY]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    for (const none of ['object-src', 'frame-src', 'frame-ancestors', 'base-uri', 'form-action'])
      expect({ none, values: directives.get(none) }).toEqual({ none, values: ["'none'"] });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it('(5) every permission request and check is denied', () => {
    expect([result.permissionRequest, result.permissionCheck]).toEqual([false, false]);
  });

  it('(11–14) no navigation away, no webviews, window.open denied', () => {
    expect(Object.values(result.navigation)).toEqual([true, true, false, true, true]);
    for (const url of ['https', 'javascript', 'file', 'smb'])
      expect({ url, reply: result.windowOpen[url] }).toEqual({ url, reply: { action: 'deny' } });
  });

  it('(15) shell.openExternal only ever gets http(s) links', () => {
    expect(result.openedExternallyAfterIpc).toEqual(['https://example.com/help', 'https://example.com/x']);
    for (const url of result.openedExternallyAfterIpc as string[]) expect(url).toMatch(/^https?:\/\//);
    expect(result.ipc.openFileUrl).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('(17) IPC answers only the app’s own page', () => {
    expect(result.ipc.untrusted).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.ipc.noFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('(1, 20) only bundled content, one narrow object across the bridge, no remote module', () => {
    expect(result.loaded).toEqual([{ file: expect.stringMatching(/renderer[\\/]index\.html$/) }]);
    const main = readFileSync(bundle, 'utf8');
    const bridge = readFileSync(preload, 'utf8');
    for (const text of [main, bridge]) expect(text).not.toMatch(/@electron\/remote|enableRemoteModule/);
    expect(bridge.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(bridge).toMatch(/exposeInMainWorld\(\s*["']tandem["']/);
  });
});
