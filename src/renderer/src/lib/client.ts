import { createClient, type TandemClient, type Transport } from '@shared/contract/client';
import type { Result } from '@shared/contract/result';

declare global {
  interface Window {
    /** Present in the desktop app: the preload's bridge. */
    tandem?: Transport;
  }
}

/**
 * Browser mode: the same contract over the loopback host. The host's session cookie (HttpOnly, set when
 * the printed link was opened) rides along with every same-origin request; the page never sees it.
 */
function hostTransport(): Transport {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const ensureSource = (event: string) => {
    source ??= new EventSource('/api/events');
    if (!listeners.has(event)) {
      listeners.set(event, new Set());
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const listener of listeners.get(event) ?? []) listener(payload);
      });
    }
  };
  return {
    async invoke(method, input) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ method, input }),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'Tandem is not running any more. Restart it and try again.' },
        };
      }
    },
    subscribe(event, listener) {
      ensureSource(event);
      listeners.get(event)?.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
}

export const client: TandemClient = createClient(window.tandem ?? hostTransport());
