import { contextBridge, ipcRenderer } from 'electron';
import type { Transport } from '@shared/contract/client';
import { IPC_EVENT, IPC_INVOKE } from '@shared/contract/ipc';

/**
 * The renderer's only door to the app: invoke a declared method, or listen to a core event. No
 * ipcRenderer, no Node, nothing generic crosses the bridge.
 */
const bridge = {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE, method, input),
  subscribe(event: string, listener: (payload: unknown) => void) {
    const handler = (_event: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, handler);
    };
  },
} satisfies Transport;

contextBridge.exposeInMainWorld('tandem', bridge);
