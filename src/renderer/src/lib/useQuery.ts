import { queryOptions, useQuery as useTanstackQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Input, MethodName, Output } from '@shared/api';
import { ApiError } from '@shared/contract/result';
import { client } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | null;
  /** True until the answer for the current input has arrived. */
  loading: boolean;
  reload(): void;
}

const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) });

/** The cache entry of one call: key `[method, input]`, fetched through the typed client. */
export function methodQuery<K extends MethodName>(method: K, input: Input<K>) {
  return queryOptions<Output<K>, ApiError, Output<K>, readonly [K, Input<K>]>({
    queryKey: [method, input] as const,
    queryFn: async ({ queryKey: [m, i] }) => {
      try {
        return await client.call(m, i);
      } catch (e) {
        throw asApiError(e);
      }
    },
  });
}

/**
 * Calls a query method and keeps the answer fresh: the shared cache refetches it when the core reports a change
 * in a domain it reads (see `query-domains.ts`). Local data is fast, so there is no spinner; the previous
 * answer stays on screen while the next loads.
 */
export function useQuery<K extends MethodName>(
  method: K,
  input: Input<K>,
  options: { enabled?: boolean } = {},
): QueryState<Output<K>> {
  // Disabled (a view whose record is being deleted), the last answer stays and changes do not refetch it.
  const query = useTanstackQuery({ ...methodQuery(method, input), enabled: options.enabled ?? true });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: query.data,
    error: query.error,
    loading: query.isPending || query.isPlaceholderData,
    reload,
  };
}
