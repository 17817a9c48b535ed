import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security';
import { defaultDatabaseFile, userDataDir } from '@core/paths';

/**
 * The Electron binary cannot run everywhere tests run, so the built shell is loaded under Node with a
 * recording stand-in for `electron` (DESIGN §5b); the same flows run for real in Chromium in tests/e2e.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const bundle = join(ROOT, 'out/main/index.js');
let dir = '';

/** The environment most tests run the shell in: its user data and database in the test's folder. */
const testEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  FAKE_ELECTRON_USER_DATA: dir,
  TANDEM_DB: join(dir, 'tandem.sqlite'),
});

function runShell(env: NodeJS.ProcessEnv = testEnv()) {
  const output = execFileSync(process.execPath, [join(import.meta.dirname, 'drive-main.mjs'), bundle], {
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return JSON.parse(output) as Record<string, never>;
}

beforeAll(() => {
  if (!existsSync(bundle))
    throw new Error('out/main/index.js is missing: run "npm run build" before these tests (npm test does).');
  dir = mkdtempSync(join(tmpdir(), 'tandem-shell-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built Electron shell', () => {
  let result: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(() => {
    result = runShell();
  });

  it('takes the daily backup when it starts', () => {
    expect(result.backups).toEqual(['daily']);
  });

  it('opens one sandboxed, isolated window without Node and loads the bundled renderer', () => {
    expect(result.window.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(result.window.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(result.loaded).toEqual([{ file: expect.stringMatching(/renderer[\\/]index\.html$/) }]);
  });

  it('refuses navigation away from the app, webviews and new windows', () => {
    expect(result.navigation).toEqual({
      external: true,
      fileElsewhere: true,
      app: false,
      redirect: true,
      webview: true,
    });
    expect(result.windowOpen.https).toEqual({ action: 'deny' });
    expect(result.windowOpen.javascript).toEqual({ action: 'deny' });
    expect(result.windowOpen.openedExternally).toEqual(['https://example.com/help']);
  });

  it('sets the strict CSP on every response and denies permission requests', () => {
    expect(result.csp).toEqual([CONTENT_SECURITY_POLICY]);
    expect(result.keptHeaders).toEqual(['1']);
    expect(result.permissionRequest).toBe(false);
    expect(result.permissionCheck).toBe(false);
  });

  it('answers IPC only from the app page, through the core worker, with validated input', () => {
    expect(result.ipc.channels).toEqual(['tandem:invoke']);
    expect(result.ipc.trusted).toMatchObject({ ok: true, value: { currency: 'USD' } });
    expect(result.ipc.untrusted).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.ipc.noFrame).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.ipc.unknownMethod).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(result.ipc.badInput).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'email' }] },
    });
    expect(result.ipc.openExternal).toMatchObject({ ok: true, value: { opened: true } });
    expect(result.ipc.chooseFile).toEqual({
      ok: true,
      value: { supported: true, path: '/home/user/csv-export.csv' },
    });
    // The chosen file does not exist in the test: refused as unreadable, not as forbidden.
    expect(result.ipc.inspectChosen).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(result.ipc.inspectOther).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(result.ipc.openFileUrl).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ field: 'url' }] },
    });
    expect(result.openedExternallyAfterIpc).toEqual(['https://example.com/help', 'https://example.com/x']);
  });

  it('saves a CSV export only where the save dialog chose', () => {
    const c = result.csv;
    expect(c.dialog).toMatchObject({ title: 'Export as CSV' });
    expect(c.dialog.filters[0]).toEqual({ name: 'CSV', extensions: ['csv'] });
    expect(c.chosen).toMatchObject({ ok: true, value: { supported: true } });
    expect(c.chosen.value.path).toMatch(/contacts 2026-03-01\.csv$/);
    expect(c.saved).toMatchObject({
      ok: true,
      value: { kind: 'contacts', rows: 0, path: c.chosen.value.path },
    });
    expect(c.savedText).toMatch(/^\uFEFFTandem contact ID,First name,/);
    expect(c.other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('prints the report route in a hidden window of the same sandbox and saves where the user chose', () => {
    const r = result.report;
    expect(r.reply).toMatchObject({ ok: true, value: { supported: true } });
    expect(r.reply.value.path).toMatch(/My business – 2026-07-01 to 2026-09-30\.pdf$/);
    expect(r.savedBytes).toBe('%PDF-1.7 fake report');
    expect(r.windows).toHaveLength(1);
    expect(r.windows[0]).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false },
    });
    expect(r.windows[0].webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(r.loaded).toEqual([
      {
        file: expect.stringMatching(/renderer[\\/]index\.html$/),
        hash: expect.stringMatching(
          /^\/print\/report\?from=2026-07-01&to=2026-09-30&model=position&lookback=90&sections=kpis%2Ccharts&notes=Budget$/,
        ),
      },
    ]);
    expect(r.printed).toHaveLength(1);
    expect(r.printed[0].options).toMatchObject({
      pageSize: 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5 },
    });
    expect(r.printed[0].options.footerTemplate).toMatch(
      /font-size:8px.*Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span> · My business · Jul 1, 2026 – Sep 30, 2026/,
    );
    expect(r.destroyed).toBe(1);
    expect(r.saveDialogs[0].defaultPath).toMatch(
      /Documents[\\/]My business – 2026-07-01 to 2026-09-30\.pdf$/,
    );
    expect(r.messageBoxes).toBe(1);
    expect(r.openedPaths).toEqual([r.reply.value.path]);
    expect(r.badInput).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(r.untrusted).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('recreates the print window and retries once when a print fails', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = (runShell({ ...testEnv(), FAKE_ELECTRON_PRINT_FAIL: 'once' }) as Record<string, any>).report;
    expect(r.reply).toMatchObject({ ok: true, value: { supported: true } });
    expect(r.windows).toHaveLength(2);
    expect(r.printed.map((p: { window: number }) => p.window)).toEqual([1, 2]);
    expect(r.destroyed).toBe(2);
    expect(r.savedBytes).toBe('%PDF-1.7 fake report');
  });

  it('quits at once when another Tandem already holds the single-instance lock', () => {
    const second = runShell({ ...testEnv(), FAKE_ELECTRON_LOCK: 'taken' });
    expect(second).toMatchObject({ windows: 0, quit: 1 });
  });

  // Without TANDEM_DB the shell opens Electron's userData folder; the CLI and host compute it without Electron.
  it.each(['linux', 'darwin', 'win32'] as const)(
    'opens the same default database as the CLI and the host on %s',
    (platform) => {
      const home = join(dir, `home-${platform}`);
      const env: NodeJS.ProcessEnv = {
        HOME: home,
        FAKE_ELECTRON_PLATFORM: platform,
        FAKE_ELECTRON_DOCUMENTS: home,
      };
      if (platform === 'win32') env.APPDATA = join(home, 'AppData', 'Roaming');
      const cliDefault = defaultDatabaseFile(env, userDataDir(env, platform, home));
      expect(existsSync(cliDefault)).toBe(false);
      const clean = { ...process.env, ...env };
      for (const key of ['TANDEM_DB', 'FAKE_ELECTRON_USER_DATA', 'XDG_CONFIG_HOME']) delete clean[key];
      const run = runShell(clean);
      expect(run.window).toBeDefined();
      expect(existsSync(cliDefault)).toBe(true);
      expect(cliDefault).toMatch(/[\\/]Tandem[\\/]tandem\.sqlite$/);
    },
  );
});
