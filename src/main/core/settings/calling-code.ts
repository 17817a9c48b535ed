import type Database from 'better-sqlite3';
import { callingCodeFor } from '@shared/domain/phone';
import { get } from '../db/prepared';
import { WORKSPACE_ID } from '../workspace/id';

/**
 * The calling code the workspace's national phone numbers are keyed with, from its locale. Plain SQL, so the
 * import worker that reads it loads no ORM.
 */
export function workspaceCallingCode(ctx: { sqlite: Database.Database }): string {
  const row = get<{ locale: string }>(
    ctx.sqlite,
    'SELECT locale FROM workspace_settings WHERE id = ?',
    WORKSPACE_ID,
  );
  return callingCodeFor(row?.locale ?? 'en-US');
}
