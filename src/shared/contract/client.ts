import type { Input, MethodName, Output } from '../api';
import type { EventName, EventPayload } from './events';
import { ApiError, type Result } from './result';

/** What each transport provides: the IPC preload, the loopback host over HTTP, or the core in-process. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export interface TandemClient {
  call<K extends MethodName>(method: K, input: Input<K>): Promise<Output<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): TandemClient {
  return {
    async call(method, input) {
      const result = await transport.invoke(method, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as never;
    },
    on(event, listener) {
      return transport.subscribe(event, listener as (payload: unknown) => void);
    },
  };
}
