import type Database from 'better-sqlite3';
import { run } from '../db/prepared';

/**
 * Re-keys the stored phone numbers written without a calling code with `callingCode` (the workspace locale's
 * new one), so they meet the same numbers written with it. Numbers written with their code keep their key,
 * and a number in scientific notation stays without one. Returns how many changed.
 */
export function rekeyNationalPhones(sqlite: Database.Database, callingCode: string): number {
  return run(
    sqlite,
    `UPDATE contacts SET phone_key = tandem_phone_key(phone, ?)
     WHERE phone IS NOT NULL AND phone_key IS NOT tandem_phone_key(phone, ?)`,
    callingCode,
    callingCode,
  ).changes;
}
