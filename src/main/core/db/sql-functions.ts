import type Database from 'better-sqlite3';
import { callingCodeFor, phoneKey } from '@shared/domain/phone';

/**
 * Tandem's rules that SQL may call, registered on every connection. Migrations use them to recompute values
 * derived by a rule that changed (stored dedupe keys), so the stored value and the code can never disagree.
 * Each is deterministic: the same input always gives the same output.
 */
export function registerSqlFunctions(sqlite: Database.Database): void {
  // tandem_phone_key(phone [, calling code]): the code of the workspace's locale, 1 when not given.
  sqlite.function(
    'tandem_phone_key',
    { deterministic: true, varargs: true },
    (phone: unknown, code: unknown) =>
      typeof phone === 'string' ? phoneKey(phone, typeof code === 'string' ? code : undefined) : null,
  );
  // tandem_calling_code(locale): the calling code a workspace of that locale keys its national numbers with.
  sqlite.function('tandem_calling_code', { deterministic: true }, (locale: unknown) =>
    callingCodeFor(typeof locale === 'string' ? locale : 'en-US'),
  );
}
