import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { api } from '@shared/api';
import type { Result } from '@shared/contract/result';
import { IPC_EVENT, IPC_INVOKE } from '@shared/contract/ipc';
import { validationError } from '@shared/contract/validate';
import type { RemoteCore } from '@core/worker/spawn';
import { isAppUrl } from './security';

export interface IpcDeps {
  ipcMain: IpcMain;
  core: RemoteCore;
  devServerUrl: string | undefined;
  openExternal(url: string): Promise<void>;
  /** The native open dialog for import files; resolves to the chosen path or null when cancelled. */
  chooseImportFile(): Promise<string | null>;
  /** The native save dialog for a CSV export; resolves to the chosen path (granted for writing) or null. */
  chooseExportFile(defaultName: string): Promise<string | null>;
  windows(): WebContents[];
  /** Prints the report to a PDF the user saves (hidden window, printToPDF). */
  exportReportPdf(input: unknown): Promise<Result<unknown>>;
}

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from a Tandem window.' },
};

/**
 * The IPC transport. Only frames showing the app's own page may call; the shell answers the methods
 * that need the desktop (opening the browser) and forwards the rest to the core's worker.
 */
export function registerIpc(deps: IpcDeps): () => void {
  deps.ipcMain.handle(IPC_INVOKE, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl, deps.devServerUrl)) return forbidden;
    if (method === 'system.openExternal') {
      const parsed = api['system.openExternal'].input.safeParse(input);
      if (!parsed.success)
        return { ok: false, error: validationError(parsed.error, 'input for system.openExternal') };
      await deps.openExternal(parsed.data.url);
      return { ok: true, value: { opened: true, message: 'Opened in your browser.' } };
    }
    if (method === 'system.chooseImportFile') {
      return { ok: true, value: { supported: true, path: await deps.chooseImportFile() } };
    }
    if (method === 'exports.chooseFile') {
      const parsed = api['exports.chooseFile'].input.safeParse(input);
      if (!parsed.success)
        return { ok: false, error: validationError(parsed.error, 'input for exports.chooseFile') };
      return {
        ok: true,
        value: { supported: true, path: await deps.chooseExportFile(parsed.data.defaultName) },
      };
    }
    if (method === 'reports.exportPdf') return deps.exportReportPdf(input);
    return deps.core.dispatch(method, input);
  });
  const unsubscribe = deps.core.subscribe((event, payload) => {
    for (const contents of deps.windows()) contents.send(IPC_EVENT, event, payload);
  });
  return () => {
    unsubscribe();
    deps.ipcMain.removeHandler(IPC_INVOKE);
  };
}
