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

/** The app's query cache; a `data.changed` from the core invalidates the answers that read those domains. */
export function QueryProvider({ children }: { children: ReactNode }) {
  useEffect(
    () =>
      client.on('data.changed', ({ domains }) => {
        void queryClient.invalidateQueries({
          predicate: (query) => typeof query.queryKey[0] === 'string' && isStale(query.queryKey[0], domains),
        });
      }),
    [],
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
