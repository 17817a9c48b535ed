// A recording stand-in for the `electron` module: the built shell runs under plain Node against it, and
// the test asserts what the shell asked Electron to do.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Electron's own rule for `userData`: the platform's `appData` folder plus the app's name, which is
 * package.json's `productName` (else `name`). FAKE_ELECTRON_PLATFORM picks the convention to model.
 */
function electronUserData() {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const home = process.env.HOME ?? '';
  const platform = process.env.FAKE_ELECTRON_PLATFORM ?? process.platform;
  const appData =
    platform === 'win32'
      ? process.env.APPDATA
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, pkg.productName ?? pkg.name);
}

export const record = {
  windows: [],
  loaded: [],
  ipcHandlers: new Map(),
  headerListeners: [],
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  openedExternally: [],
  quit: 0,
  errorBoxes: [],
  printed: [],
  saveDialogs: [],
  messageBoxes: [],
  openedPaths: [],
};
let printFailures = process.env.FAKE_ELECTRON_PRINT_FAIL === 'once' ? 1 : 0;

class FakeApp extends EventEmitter {
  isPackaged = false;
  lock = process.env.FAKE_ELECTRON_LOCK !== 'taken';
  requestSingleInstanceLock() {
    return this.lock;
  }
  whenReady() {
    return Promise.resolve();
  }
  getPath(name) {
    if (name === 'documents')
      return process.env.FAKE_ELECTRON_DOCUMENTS ?? `${process.env.FAKE_ELECTRON_USER_DATA}/Documents`;
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return process.env.FAKE_ELECTRON_USER_DATA ?? electronUserData();
  }
  quit() {
    record.quit++;
  }
  exit(code) {
    record.exitCode = code;
  }
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows() {
    return BrowserWindow.all;
  }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new EventEmitter();
    this.webContents.sent = [];
    this.webContents.send = (...args) => this.webContents.sent.push(args);
    this.webContents.executeJavaScript = (code) => {
      record.readyChecks = (record.readyChecks ?? 0) + 1;
      return Promise.resolve(code.includes('__tandemReportReady') ? { ready: true, error: null } : undefined);
    };
    this.webContents.printToPDF = (printOptions) => {
      record.printed.push({ window: record.windows.indexOf(options), options: printOptions });
      if (printFailures > 0) {
        printFailures--;
        return Promise.reject(new Error('render process gone'));
      }
      return Promise.resolve(Buffer.from('%PDF-1.7 fake report'));
    };
    this.destroyed = false;
    record.windows.push(options);
    BrowserWindow.all.push(this);
  }
  destroy() {
    this.destroyed = true;
    record.destroyed = (record.destroyed ?? 0) + 1;
  }
  loadFile(path, options) {
    record.loaded.push(options?.hash ? { file: path, hash: options.hash } : { file: path });
    return Promise.resolve();
  }
  loadURL(url) {
    record.loaded.push({ url });
    return Promise.resolve();
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 820 };
  }
}

export const ipcMain = {
  handle(channel, handler) {
    record.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    record.ipcHandlers.delete(channel);
  },
};

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(listener) {
        record.headerListeners.push(listener);
      },
    },
    setPermissionRequestHandler(handler) {
      record.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      record.permissionCheckHandler = handler;
    },
  },
};

export const shell = {
  openPath(path) {
    record.openedPaths.push(path);
    return Promise.resolve('');
  },
  openExternal(url) {
    record.openedExternally.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  showOpenDialog(...args) {
    record.openDialogs = (record.openDialogs ?? 0) + 1;
    const options = args[args.length - 1];
    return Promise.resolve({
      canceled: false,
      filePaths: [`/home/user/${options.filters?.[0]?.extensions?.[0] ?? 'x'}-export.csv`],
    });
  },
  showSaveDialog(...args) {
    const options = args[args.length - 1];
    record.saveDialogs.push(options);
    const name = options.defaultPath.split('/').pop();
    const folder = process.env.FAKE_ELECTRON_USER_DATA ?? process.env.FAKE_ELECTRON_DOCUMENTS;
    return Promise.resolve({ canceled: false, filePath: `${folder}/${name}` });
  },
  showMessageBox(...args) {
    record.messageBoxes.push(args[args.length - 1]);
    return Promise.resolve({ response: 0 });
  },
  showErrorBox(title, message) {
    record.errorBoxes.push({ title, message });
  },
};

export default { app, BrowserWindow, ipcMain, session, shell, dialog };
