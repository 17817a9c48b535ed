import { QueryClient, QueryClientProvider, keepPreviousData } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { client } from './client';
import { isStale } from './query-domains';

/**
 * Server state lives in one TanStack Query cache keyed `[method, input]`. The data is local and the core says
 * when it changes, so answers never go stale on their own: no refetch on focus, on reconnect or on a timer,
 * and no retries (a failed local call fails again).
 */
function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        placeholderData: keepPreviousData,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: false,
      },
      mutations: { retry: false },
    },
  });
}

const queryClient = createQueryClient();

/** Records being deleted by a view that closes once they are gone (see holdRecord). */
const held = new Map<string, number>();

/**
 * While a view deletes the record it shows, a change the core announces only marks that record's answers
 * stale instead of fetching them again: the record is gone, and the view is closing. Call before sending
 * the delete; the returned release ends the hold (when the delete fails, or the view has closed).
 */
export function holdRecord(id: string): () => void {
  held.set(id, (held.get(id) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const count = (held.get(id) ?? 1) - 1;
    if (count > 0) held.set(id, count);
    else held.delete(id);
  };
}

const readsHeld = (input: unknown): boolean =>
  typeof input === 'object' &&
  input !== null &&
  Object.values(input).some((value) => typeof value === 'string' && held.has(value));

/** The app's query cache; a `data.changed` from the core invalidates the answers that read those domains. */
export function QueryProvider({ children }: { children: ReactNode }) {
  useEffect(
    () =>
      client.on('data.changed', ({ domains }) => {
        const stale = (key: readonly unknown[]) => typeof key[0] === 'string' && isStale(key[0], domains);
        void queryClient.invalidateQueries({
          predicate: (query) => stale(query.queryKey) && !readsHeld(query.queryKey[1]),
        });
        void queryClient.invalidateQueries({
          predicate: (query) => stale(query.queryKey) && readsHeld(query.queryKey[1]),
          refetchType: 'none',
        });
      }),
    [],
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
