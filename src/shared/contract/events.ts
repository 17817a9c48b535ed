import { z } from 'zod';

/** Events the core pushes to every window. */
export const events = {
  /** Data changed; views showing any of these domains refetch. */
  'data.changed': z.object({ domains: z.array(z.string()) }),
  'import.progress': z.object({
    jobId: z.string(),
    status: z.string(),
    rowsDone: z.number(),
    rowsTotal: z.number().nullable(),
    rowsPerSecond: z.number(),
    etaSeconds: z.number().nullable(),
  }),
};

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
