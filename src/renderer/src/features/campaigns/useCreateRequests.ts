import { useEffect, useRef } from 'react';
import { onCreateRequest } from '../../app/commands';
import { useShortcuts } from '../../lib/useShortcut';

/** The screen's `n` key: what it creates, and under which heading the help sheet lists it. */
export interface NewKey {
  run(): void;
  description: string;
  scope: string;
}

/**
 * Opens this page's forms for "+ New" / palette requests (by id), and for the `n` key when `n` is given
 * (ignored while typing or while a dialog is open).
 */
export function useCreateRequests(handlers: Record<string, () => void>, n?: NewKey): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => onCreateRequest((id) => latest.current[id]?.()), []);
  useShortcuts(
    n
      ? [
          {
            id: 'new-on-screen',
            keys: 'n',
            description: n.description,
            scope: n.scope,
            quietIn: ['dialog'],
            handler: n.run,
          },
        ]
      : [],
  );
}
