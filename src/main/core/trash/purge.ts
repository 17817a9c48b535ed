import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { all, get, run } from '../db/prepared';
import { writeTransaction } from '../db/transaction';

/** Rows that exist only as part of their parent: deleted for good with it. */
const OWNED = new Set([
  'plan_segments',
  'plan_channels',
  'plan_tasks',
  'cadence_steps',
  'cadence_enrollments',
  'lead_stage_history',
]);

const IDENTIFIER = /^[a-z_]+$/;

type ForeignKey = { child: string; column: string; nullable: boolean; hasDeletedAt: boolean };

/** Every foreign key of the schema that points at `parent`, read from SQLite itself. */
function keysTo(ctx: Ctx, parent: string): ForeignKey[] {
  const tables = all<{ name: string }>(
    ctx.sqlite,
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
  ).map((t) => t.name);
  return tables.flatMap((child) => {
    const columns = all<{ name: string; notnull: number }>(
      ctx.sqlite,
      'SELECT name, "notnull" FROM pragma_table_info(?)',
      child,
    );
    return all<{ table: string; from: string }>(
      ctx.sqlite,
      'SELECT "table", "from" FROM pragma_foreign_key_list(?)',
      child,
    )
      .filter((fk) => fk.table === parent && IDENTIFIER.test(child) && IDENTIFIER.test(fk.from))
      .map((fk) => ({
        child,
        column: fk.from,
        nullable: columns.find((c) => c.name === fk.from)?.notnull === 0,
        hasDeletedAt: columns.some((c) => c.name === 'deleted_at'),
      }));
  });
}

/**
 * Deletes a record for good, with what went to the Trash with it (same stamp) and what only exists as part
 * of it (a lead's stage history, a plan's tasks). Records that stay (a kept lead, an order, a record in the
 * Trash on its own) lose the link for good, and the Trash's notes of cut links are dropped: nothing is left
 * pointing at a row that no longer exists (`PRAGMA foreign_key_check` stays empty).
 */
export function purgeRecord(ctx: Ctx, table: string, id: string): void {
  if (!IDENTIFIER.test(table)) throw new Error(`bad table ${table}`);
  writeTransaction(ctx.sqlite, () => {
    const stamp = get<{ at: string | null }>(
      ctx.sqlite,
      `SELECT deleted_at AS at FROM ${table} WHERE id = ?`,
      id,
    )?.at;
    if (!stamp) return fail('conflict', 'Only a record in the Trash can be deleted for good.');
    purge(ctx, table, id, stamp);
  });
}

function purge(ctx: Ctx, table: string, id: string, stamp: string | null): void {
  const now = ctx.nowIso();
  for (const key of keysTo(ctx, table)) {
    const rows = all<{ id: string; gone: string | null }>(
      ctx.sqlite,
      `SELECT id, ${key.hasDeletedAt ? 'deleted_at' : 'NULL'} AS gone FROM ${key.child} WHERE ${key.column} = ?`,
      id,
    );
    for (const row of rows) {
      const wentWithIt = OWNED.has(key.child) || (stamp !== null && row.gone === stamp);
      if (wentWithIt) purge(ctx, key.child, row.id, stamp);
      else if (key.nullable) {
        run(
          ctx.sqlite,
          `UPDATE ${key.child} SET ${key.column} = NULL, updated_at = ? WHERE id = ?`,
          now,
          row.id,
        );
      } else {
        fail('conflict', `It cannot be deleted for good: a record of ${key.child} still needs it.`);
      }
    }
  }
  run(
    ctx.sqlite,
    'DELETE FROM unlinked_refs WHERE (deleted_table = ? AND deleted_id = ?) OR (ref_table = ? AND ref_id = ?)',
    table,
    id,
    table,
    id,
  );
  run(ctx.sqlite, 'DELETE FROM import_changes WHERE table_name = ? AND record_id = ?', table, id);
  run(ctx.sqlite, `DELETE FROM ${table} WHERE id = ?`, id);
}
