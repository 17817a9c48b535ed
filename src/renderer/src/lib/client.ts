import { createClient, type TandemClient, type Transport } from '@shared/contract/client';
import type { Result } from '@shared/contract/result';

declare global {
  interface Window {
    /** Present in the desktop app: the preload's bridge. */
    tandem?: Transport;
  }
}

/** Browser mode: the same contract over the loopback host, with the per-run token it put in the page. */
function hostTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>('meta[name="tandem-host-token"]')?.content ?? '';
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const ensureSource = (event: string) => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
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
          headers: { 'content-type': 'application/json', 'x-tandem-token': token },
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
