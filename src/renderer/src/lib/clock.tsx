import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

interface Clock {
  /** Today's calendar day (UTC, the database's convention) by the core's clock. */
  today: string;
  now(): Date;
}

const ClockContext = createContext<Clock | null>(null);

/** The core's clock, read once at start and then advanced with real time. */
export function ClockProvider({ coreNow, children }: { coreNow: string; children: ReactNode }) {
  const [offset] = useState(() => Date.parse(coreNow) - Date.now());
  const value = useMemo<Clock>(
    () => ({ today: coreNow.slice(0, 10), now: () => new Date(Date.now() + offset) }),
    [coreNow, offset],
  );
  return <ClockContext.Provider value={value}>{children}</ClockContext.Provider>;
}

export function useClock(): Clock {
  const value = useContext(ClockContext);
  if (!value) throw new Error('useClock outside ClockProvider');
  return value;
}
