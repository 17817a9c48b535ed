import { integer, text } from 'drizzle-orm/sqlite-core';
import { uuidv7 } from '../ids';

/**
 * Columns every row carries. Ids are UUIDv7 (globally unique and time-ordered) so that a later sync to a
 * server engine never has to renumber; timestamps are ISO 8601 UTC strings, the one date convention of the
 * database (calendar days are ISO dates, `YYYY-MM-DD`).
 */
export const rowColumns = () => ({
  id: text('id')
    .primaryKey()
    .$defaultFn(() => uuidv7()),
  createdAt: text('created_at')
    .notNull()
    .$defaultFn(() => new Date().toISOString()),
  updatedAt: text('updated_at')
    .notNull()
    .$defaultFn(() => new Date().toISOString()),
});

/** Soft delete keeps a row restorable, which is how every destructive action gets its undo. */
export const deletedAt = () => text('deleted_at');

export const money = <N extends string>(name: N) => integer(name, { mode: 'number' });
