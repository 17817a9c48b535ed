import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell, type WebContents } from 'electron';
import { defaultDatabaseFile } from '@core/paths';
import { CoreStartError, spawnCore, type RemoteCore } from '@core/worker/spawn';
import type { Settings } from '@shared/api/settings';
import { registerIpc } from './shell/ipc';
import { startScheduleRunner, type ScheduleRunner } from './report/schedule-runner';
import { startBackupRunner, type BackupRunner } from './backup/daily-runner';
import { exportReportPdf, printReportPdf, type PrintWindow } from './shell/report-pdf';
import { hardenContents, hardenSession } from './shell/security';
import { loadWindowState, saveWindowState } from './shell/window-state';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;
let core: RemoteCore | null = null;
let schedule: ScheduleRunner | null = null;
let backups: BackupRunner | null = null;

function openExternal(url: string): Promise<void> {
  return /^https?:\/\//i.test(url) ? shell.openExternal(url) : Promise.resolve();
}

/** Every Tandem window, shown or hidden: sandboxed, isolated, no Node, no webviews. */
function webPreferences() {
  return {
    preload: join(here, '../preload/index.cjs'),
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webviewTag: false,
    spellcheck: true,
  };
}

function loadRenderer(window: BrowserWindow, hash?: string): Promise<void> {
  if (devServerUrl) return window.loadURL(`${devServerUrl}${hash ? `#${hash}` : ''}`);
  return window.loadFile(join(here, '../renderer/index.html'), hash ? { hash } : undefined);
}

/** A hidden window that loads the report's print route, for printToPDF. */
function createPrintWindow(): PrintWindow {
  const window = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: webPreferences(),
  });
  return {
    loadRoute: (hash) => loadRenderer(window, hash.replace(/^#/, '')),
    isReady: async () =>
      (await window.webContents.executeJavaScript(
        '({ ready: window.__tandemReportReady === true, error: document.documentElement.dataset.reportError ?? null })',
      )) as { ready: boolean; error: string | null },
    printToPDF: (options) => window.webContents.printToPDF(options),
    destroy: () => window.destroy(),
  };
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(stateFile);
  const window = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Tandem',
    backgroundColor: '#f7f7f8',
    webPreferences: webPreferences(),
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(stateFile, { ...bounds, maximized: window.isMaximized() });
  });
  void loadRenderer(window);
  return window;
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents: WebContents) =>
    hardenContents(contents, devServerUrl, (url) => void openExternal(url)),
  );
  const file = defaultDatabaseFile(process.env, app.getPath('userData'));
  try {
    core = await spawnCore(join(here, 'core-worker.js'), {
      file,
      migrationsFolder: app.isPackaged ? join(process.resourcesPath, 'migrations') : undefined,
      fileAccess: 'granted',
    });
  } catch (error) {
    const message =
      error instanceof CoreStartError ? error.message : `Tandem could not open its database (${file}).`;
    dialog.showErrorBox('Tandem cannot start', message);
    app.exit(1);
    return;
  }
  const remote = core;
  const workspace = async () => {
    const reply = await remote.dispatch('settings.get', {});
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.value as Settings;
  };
  registerIpc({
    ipcMain,
    core: remote,
    devServerUrl,
    openExternal,
    chooseImportFile: async () => {
      const options = {
        title: 'Import a file',
        properties: ['openFile' as const],
        filters: [
          { name: 'Spreadsheets and exports', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      const chosen = result.canceled ? null : (result.filePaths[0] ?? null);
      if (chosen) remote.grantFile(chosen, 'read');
      return chosen;
    },
    chooseExportFile: async (defaultName) => {
      const options = {
        title: 'Export as CSV',
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: [
          { name: 'CSV', extensions: ['csv'] },
          { name: 'Text', extensions: ['txt', 'tsv'] },
        ],
      };
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options);
      const chosen = result.canceled ? null : (result.filePath ?? null);
      if (chosen) remote.grantFile(chosen, 'write');
      return chosen;
    },
    windows: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    exportReportPdf: (input) =>
      exportReportPdf(input, {
        createWindow: createPrintWindow,
        workspace,
        chooseSavePath: async (defaultName) => {
          const options = {
            title: 'Save the meeting report',
            defaultPath: join(app.getPath('documents'), defaultName),
            filters: [{ name: 'PDF', extensions: ['pdf'] }],
          };
          const result = mainWindow
            ? await dialog.showSaveDialog(mainWindow, options)
            : await dialog.showSaveDialog(options);
          return result.canceled ? null : (result.filePath ?? null);
        },
        writeFile: (path, data) => writeFile(path, data),
        offerToOpen: async (path) => {
          const options = {
            type: 'info' as const,
            message: 'The report is saved.',
            detail: path,
            buttons: ['Open it', 'Close'],
            defaultId: 0,
            cancelId: 1,
          };
          const { response } = mainWindow
            ? await dialog.showMessageBox(mainWindow, options)
            : await dialog.showMessageBox(options);
          if (response !== 0) return false;
          return (await shell.openPath(path)) === '';
        },
      }),
  });
  mainWindow = createWindow();
  // Scheduled reports: the ones missed while Tandem was closed are written now, the rest when due.
  schedule = startScheduleRunner({
    dispatch: (method, input) => remote.dispatch(method, input),
    print: (request) => printReportPdf({ createWindow: createPrintWindow, workspace }, request),
    log: (message) => console.error(message),
  });
  // The automatic backup: today's at start if it is missing, then once a day while the app runs.
  backups = startBackupRunner({
    dispatch: (method, input) => remote.dispatch(method, input),
    log: (message) => console.error(message),
  });
}

// One Tandem per user: a second launch focuses the first window instead of opening the database twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && core) mainWindow = createWindow();
  });
  app.on('will-quit', () => {
    void schedule?.stop();
    void backups?.stop();
    void core?.close();
  });
  void app.whenReady().then(start);
}
