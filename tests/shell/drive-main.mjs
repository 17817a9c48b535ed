// Loads the built main bundle (out/main/index.js) against the fake electron, exercises what it set up,
// and prints one JSON object describing what happened.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

register(new URL('./hooks.mjs', import.meta.url));
const { record, app } = await import('./fake-electron.mjs');
await import(pathToFileURL(process.argv[2]).href);

const deadline = Date.now() + 15_000;
while (
  record.windows.length === 0 &&
  record.quit === 0 &&
  record.exitCode === undefined &&
  Date.now() < deadline
)
  await sleep(20);
if (record.quit > 0 || record.exitCode !== undefined) {
  process.stdout.write(
    JSON.stringify({
      windows: record.windows.length,
      quit: record.quit,
      exitCode: record.exitCode ?? null,
      errorBoxes: record.errorBoxes,
    }),
  );
  process.exit(0);
}

const result = {
  window: record.windows[0],
  loaded: [...record.loaded],
  navigation: {},
  windowOpen: {},
  ipc: {},
};

// Every web contents the app creates gets the navigation guards.
const { EventEmitter } = await import('node:events');
const contents = new EventEmitter();
let openHandler = null;
contents.setWindowOpenHandler = (handler) => (openHandler = handler);
app.emit('web-contents-created', {}, contents);
const appUrl = pathToFileURL(process.argv[2].replace(/main[\\/]index\.js$/, 'renderer/index.html')).href;
const navigate = (event, url) => {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
};
result.navigation = {
  external: navigate('will-navigate', 'https://example.com/phish'),
  fileElsewhere: navigate('will-navigate', 'file:///etc/passwd'),
  app: navigate('will-navigate', `${appUrl}#/contacts`),
  redirect: navigate('will-redirect', 'https://example.com/'),
  webview: (() => {
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    return prevented;
  })(),
};
result.windowOpen = {
  https: openHandler?.({ url: 'https://example.com/help' }),
  javascript: openHandler?.({ url: 'javascript:alert(1)' }),
  // shell.openExternal of these would run a program or open a local file: neither may reach it.
  file: openHandler?.({ url: 'file:///etc/passwd' }),
  smb: openHandler?.({ url: 'smb://attacker.example/share' }),
  openedExternally: [...record.openedExternally],
};

// Content-Security-Policy on responses, and permissions denied.
await new Promise((done) =>
  record.headerListeners[0]({ responseHeaders: { 'X-Other': ['1'] } }, (reply) => {
    result.csp = reply.responseHeaders['Content-Security-Policy'];
    result.keptHeaders = reply.responseHeaders['X-Other'];
    done();
  }),
);
result.permissionRequest = await new Promise((done) => record.permissionRequestHandler({}, 'media', done));
result.permissionCheck = record.permissionCheckHandler({}, 'notifications');

// The IPC transport: trusted frames reach the core worker, others are refused.
const invoke = record.ipcHandlers.get('tandem:invoke');
result.ipc = {
  channels: [...record.ipcHandlers.keys()],
  trusted: await invoke({ senderFrame: { url: `${appUrl}#/today` } }, 'settings.get', {}),
  untrusted: await invoke({ senderFrame: { url: 'https://example.com/' } }, 'settings.get', {}),
  noFrame: await invoke({ senderFrame: null }, 'settings.get', {}),
  unknownMethod: await invoke({ senderFrame: { url: appUrl } }, 'settings.drop', {}),
  badInput: await invoke({ senderFrame: { url: appUrl } }, 'contacts.create', {
    firstName: 'A',
    email: 'nope',
  }),
  openExternal: await invoke({ senderFrame: { url: appUrl } }, 'system.openExternal', {
    url: 'https://example.com/x',
  }),
  chooseFile: await invoke({ senderFrame: { url: appUrl } }, 'system.chooseImportFile', {}),
  openFileUrl: await invoke({ senderFrame: { url: appUrl } }, 'system.openExternal', {
    url: 'file:///etc/passwd',
  }),
};
// Only the file the dialog returned may be opened by the page; any other path is refused.
result.ipc.inspectChosen = await invoke({ senderFrame: { url: appUrl } }, 'imports.inspect', {
  path: result.ipc.chooseFile.value.path,
});
result.ipc.inspectOther = await invoke({ senderFrame: { url: appUrl } }, 'imports.inspect', {
  path: '/etc/passwd',
});
result.openedExternallyAfterIpc = [...record.openedExternally];

// "Export PDF": a hidden window on the print route, printToPDF, the save dialog, the offer to open.
const windowsBefore = record.windows.length;
const loadedBefore = record.loaded.length;
result.report = {
  reply: await invoke({ senderFrame: { url: appUrl } }, 'reports.exportPdf', {
    from: '2026-07-01',
    to: '2026-09-30',
    sections: ['kpis', 'charts'],
    notes: 'Budget',
  }),
  badInput: await invoke({ senderFrame: { url: appUrl } }, 'reports.exportPdf', { from: 'soon' }),
  untrusted: await invoke({ senderFrame: { url: 'https://example.com/' } }, 'reports.exportPdf', {}),
};
await sleep(50);
result.report.windows = record.windows.slice(windowsBefore);
result.report.loaded = record.loaded.slice(loadedBefore);
result.report.printed = record.printed;
result.report.destroyed = record.destroyed ?? 0;
result.report.saveDialogs = record.saveDialogs;
result.report.messageBoxes = record.messageBoxes.length;
result.report.openedPaths = record.openedPaths;
const { readFileSync, existsSync } = await import('node:fs');
const saved = result.report.reply?.value?.path;
result.report.savedBytes = saved && existsSync(saved) ? readFileSync(saved, 'utf8') : null;

// "Export CSV": the save dialog grants the chosen path for writing; any other path is refused.
const chosenCsv = await invoke({ senderFrame: { url: appUrl } }, 'exports.chooseFile', {
  defaultName: 'contacts 2026-03-01.csv',
});
result.csv = {
  chosen: chosenCsv,
  saved: await invoke({ senderFrame: { url: appUrl } }, 'exports.csv', {
    selection: { kind: 'contacts' },
    destination: { to: 'file', path: chosenCsv.value?.path ?? '' },
  }),
  other: await invoke({ senderFrame: { url: appUrl } }, 'exports.csv', {
    selection: { kind: 'contacts' },
    destination: { to: 'file', path: '/tmp/not-chosen.csv' },
  }),
  dialog: record.saveDialogs[record.saveDialogs.length - 1],
};
result.csv.savedText =
  chosenCsv.value?.path && existsSync(chosenCsv.value.path)
    ? readFileSync(chosenCsv.value.path, 'utf8')
    : null;
// The automatic daily backup the shell asks for at start (it may still be writing: wait a little).
for (let i = 0; i < 100; i++) {
  const listed = await invoke({ senderFrame: { url: appUrl } }, 'system.backups.list', {});
  result.backups = listed.value?.backups?.map((b) => b.kind) ?? listed;
  if (Array.isArray(result.backups) && result.backups.includes('daily')) break;
  await sleep(50);
}

app.emit('will-quit');
process.stdout.write(JSON.stringify(result));
await sleep(200);
process.exit(0);
