import type Database from 'better-sqlite3';
import type { EventName, EventPayload } from '@shared/contract/events';
import type { Db } from './db/open';

/** Time is injected so tests (and the e2e host) can say what "today" is. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at a given instant and then runs with real time. */
export function clockFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}

export interface Ctx {
  db: Db;
  sqlite: Database.Database;
  clock: Clock;
  /** Current instant as an ISO string: the database's one date convention. */
  nowIso(): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /**
   * Closes the database, runs `swap` while this process no longer holds the file, then opens it again
   * (migrating it) and points `db` and `sqlite` at the new connection: how a restore replaces the file.
   */
  replaceDatabase?(swap: () => void): Promise<void>;
}
