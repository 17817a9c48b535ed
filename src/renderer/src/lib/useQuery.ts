import { useCallback, useEffect, useState } from 'react';
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

interface Answer<T> {
  key: string;
  data: T | undefined;
  error: ApiError | null;
}

/**
 * Calls a query method and keeps the answer fresh: it refetches whenever the core reports changed data.
 * Local data is fast, so there is no spinner; the previous answer stays on screen while the next loads.
 */
export function useQuery<K extends MethodName>(method: K, input: Input<K>): QueryState<Output<K>> {
  const key = JSON.stringify(input);
  const [answer, setAnswer] = useState<Answer<Output<K>>>({ key: '', data: undefined, error: null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let current = true;
    const run = () => {
      client
        .call(method, JSON.parse(key) as Input<K>)
        .then((data) => current && setAnswer({ key, data, error: null }))
        .catch((e: unknown) => {
          const error = e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) });
          if (current) setAnswer((previous) => ({ key, data: previous.data, error }));
        });
    };
    run();
    const unsubscribe = client.on('data.changed', run);
    return () => {
      current = false;
      unsubscribe();
    };
  }, [method, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: answer.data, error: answer.error, loading: answer.key !== key, reload };
}
