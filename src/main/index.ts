import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell, type WebContents } from 'electron';
import { defaultDatabaseFile } from '@core/paths';
import { CoreStartError, spawnCore, type RemoteCore } from '@core/worker/spawn';
import { registerIpc } from './shell/ipc';
import { hardenContents, hardenSession } from './shell/security';
import { loadWindowState, saveWindowState } from './shell/window-state';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;
let core: RemoteCore | null = null;

function openExternal(url: string): Promise<void> {
  return /^https?:\/\//i.test(url) ? shell.openExternal(url) : Promise.resolve();
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
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    saveWindowState(stateFile, { ...bounds, maximized: window.isMaximized() });
  });
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(join(here, '../renderer/index.html'));
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
    });
  } catch (error) {
    const message =
      error instanceof CoreStartError ? error.message : `Tandem could not open its database (${file}).`;
    dialog.showErrorBox('Tandem cannot start', message);
    app.exit(1);
    return;
  }
  const remote = core;
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
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    windows: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
  });
  mainWindow = createWindow();
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
    void core?.close();
  });
  void app.whenReady().then(start);
}
