import type { DeletableKind, DeletionImpact, DependentsChoice } from '@shared/api/deletion';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { all, get, run } from '../db/prepared';
import { writeTransaction } from '../db/transaction';
import { stopEnrollment } from '../cadences/enroll';
import { RULES, TABLE_OF, fateSentence, type DependentRule } from './rules';

type Count = { n: number };

/** Metric rows live as long as their import, enrolments by their status: neither has a Trash. */
const hasDeletedAt = (table: string) => table !== 'metric_observations' && table !== 'cadence_enrollments';

const liveRows = (rule: DependentRule) =>
  `FROM ${rule.table} WHERE ${rule.column} = ?${hasDeletedAt(rule.table) ? ' AND deleted_at IS NULL' : ''}${
    rule.where ? ` AND ${rule.where}` : ''
  }`;

const countOf = (ctx: Ctx, rule: DependentRule, id: string): number =>
  get<Count>(ctx.sqlite, `SELECT count(*) AS n ${liveRows(rule)}`, id)?.n ?? 0;

export function impactOf(ctx: Ctx, kind: DeletableKind, id: string): DeletionImpact {
  const dependents: DeletionImpact['dependents'] = [];
  let blocked: string | null = null;
  for (const rule of RULES[kind]) {
    const count = countOf(ctx, rule, id);
    if (count === 0) continue;
    const sentence = fateSentence(kind, rule, count);
    dependents.push({ fate: rule.fate, count, sentence });
    if (rule.fate === 'block') blocked ??= `It cannot be deleted: ${sentence}.`;
  }
  return { dependents, needsChoice: dependents.some((d) => d.fate === 'choice'), blocked };
}

/**
 * Settles what points at a record being deleted, inside the delete's transaction and with its stamp. Refuses
 * (before anything is written) when a dependent blocks the delete or a choice is needed and was not given.
 */
export function settleDependents(
  ctx: Ctx,
  kind: DeletableKind,
  id: string,
  stamp: string,
  choice?: DependentsChoice,
): void {
  const impact = impactOf(ctx, kind, id);
  if (impact.blocked) fail('conflict', impact.blocked);
  if (impact.needsChoice && !choice) {
    const line = impact.dependents.find((d) => d.fate === 'choice')?.sentence ?? '';
    fail('conflict', `Say what becomes of its records first: ${line}.`, [
      { field: 'dependents', message: 'choose delete or keep' },
    ]);
  }
  for (const rule of RULES[kind]) {
    const fate = rule.fate === 'choice' ? (choice === 'delete' ? 'cascade' : 'unlink') : rule.fate;
    if (fate === 'cascade') cascade(ctx, rule, id, stamp);
    else if (fate === 'unlink') unlink(ctx, kind, rule, id, stamp);
    else if (fate === 'stop') {
      for (const row of all<{ id: string }>(ctx.sqlite, `SELECT id ${liveRows(rule)}`, id)) {
        stopEnrollment(ctx, row.id, 'user');
      }
    }
  }
}

function cascade(ctx: Ctx, rule: DependentRule, id: string, stamp: string): void {
  const ids = all<{ id: string }>(ctx.sqlite, `SELECT id ${liveRows(rule)}`, id);
  for (const row of ids) {
    run(
      ctx.sqlite,
      `UPDATE ${rule.table} SET deleted_at = ?, updated_at = ? WHERE id = ?`,
      stamp,
      stamp,
      row.id,
    );
    // A cascaded record's own dependents follow it; a choice among them keeps them (the user was not asked).
    if (rule.kind) settleDependents(ctx, rule.kind, row.id, stamp, 'keep');
  }
}

function unlink(ctx: Ctx, kind: DeletableKind, rule: DependentRule, id: string, stamp: string): void {
  run(
    ctx.sqlite,
    `INSERT INTO unlinked_refs (deleted_table, deleted_id, deleted_at, ref_table, ref_column, ref_id)
     SELECT ?, ?, ?, ?, ?, id ${liveRows(rule)}`,
    TABLE_OF[kind],
    id,
    stamp,
    rule.table,
    rule.column,
    id,
  );
  run(
    ctx.sqlite,
    `UPDATE ${rule.table} SET ${rule.column} = NULL, updated_at = ? WHERE id IN (
       SELECT ref_id FROM unlinked_refs WHERE deleted_table = ? AND deleted_id = ? AND deleted_at = ?
         AND ref_table = ? AND ref_column = ?)`,
    stamp,
    TABLE_OF[kind],
    id,
    stamp,
    rule.table,
    rule.column,
  );
}

/**
 * Brings back what a delete stamped `stamp` took with it: cascaded records, and every link it cut where
 * nothing else was linked since (a lead given another contact keeps it). Runs inside the restore's transaction.
 */
export function restoreDependents(
  ctx: Ctx,
  kind: DeletableKind,
  id: string,
  stamp: string,
  now: string,
): void {
  for (const rule of RULES[kind]) {
    if (rule.fate !== 'cascade' && rule.fate !== 'choice') continue;
    if (!hasDeletedAt(rule.table)) continue;
    const ids = all<{ id: string }>(
      ctx.sqlite,
      `SELECT id FROM ${rule.table} WHERE ${rule.column} = ? AND deleted_at = ?${rule.where ? ` AND ${rule.where}` : ''}`,
      id,
      stamp,
    );
    for (const row of ids) {
      run(ctx.sqlite, `UPDATE ${rule.table} SET deleted_at = NULL, updated_at = ? WHERE id = ?`, now, row.id);
      if (rule.kind) restoreDependents(ctx, rule.kind, row.id, stamp, now);
      cutLinksToTrash(ctx, rule.table, row.id);
    }
  }
  const cut = all<{ id: number; refTable: string; refColumn: string; refId: string }>(
    ctx.sqlite,
    `SELECT id, ref_table AS refTable, ref_column AS refColumn, ref_id AS refId FROM unlinked_refs
     WHERE deleted_table = ? AND deleted_id = ? AND deleted_at = ?`,
    TABLE_OF[kind],
    id,
    stamp,
  );
  for (const link of cut) relink(ctx, link.refTable, link.refColumn, link.refId, id, now);
  run(
    ctx.sqlite,
    'DELETE FROM unlinked_refs WHERE deleted_table = ? AND deleted_id = ? AND deleted_at = ?',
    TABLE_OF[kind],
    id,
    stamp,
  );
}

const IDENTIFIER = /^[a-z_]+$/;

function relink(ctx: Ctx, table: string, column: string, rowId: string, parentId: string, now: string): void {
  if (!IDENTIFIER.test(table) || !IDENTIFIER.test(column)) throw new Error(`bad link ${table}.${column}`);
  run(
    ctx.sqlite,
    `UPDATE ${table} SET ${column} = ?, updated_at = ? WHERE id = ? AND ${column} IS NULL`,
    parentId,
    now,
    rowId,
  );
}

type ForeignKey = { table: string; from: string };

/**
 * A record restored on its own may point at a record still in the Trash (a lead whose contact was deleted
 * after it). Those links are cut as a delete would cut them, filed under the parent's delete, so restoring the
 * parent later puts them back.
 */
export function cutLinksToTrash(ctx: Ctx, table: string, id: string): void {
  if (!IDENTIFIER.test(table)) throw new Error(`bad table ${table}`);
  const keys = all<ForeignKey>(ctx.sqlite, `SELECT "table", "from" FROM pragma_foreign_key_list('${table}')`);
  for (const key of keys) {
    if (!Object.values(TABLE_OF).includes(key.table) || !IDENTIFIER.test(key.from)) continue;
    const parent = get<{ id: string; deletedAt: string }>(
      ctx.sqlite,
      `SELECT p.id, p.deleted_at AS deletedAt FROM ${table} c JOIN ${key.table} p ON p.id = c.${key.from}
       WHERE c.id = ? AND p.deleted_at IS NOT NULL`,
      id,
    );
    if (!parent) continue;
    run(
      ctx.sqlite,
      `INSERT INTO unlinked_refs (deleted_table, deleted_id, deleted_at, ref_table, ref_column, ref_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
      key.table,
      parent.id,
      parent.deletedAt,
      table,
      key.from,
      id,
    );
    run(ctx.sqlite, `UPDATE ${table} SET ${key.from} = NULL WHERE id = ?`, id);
  }
}

/** Moves a record to the Trash with what it owns, cutting the links of what stays, in one transaction. */
export function softDelete(ctx: Ctx, kind: DeletableKind, id: string, choice?: DependentsChoice): void {
  writeTransaction(ctx.sqlite, () => {
    const stamp = ctx.nowIso();
    settleDependents(ctx, kind, id, stamp, choice);
    run(
      ctx.sqlite,
      `UPDATE ${TABLE_OF[kind]} SET deleted_at = ?, updated_at = ? WHERE id = ?`,
      stamp,
      stamp,
      id,
    );
  });
}

/** Brings a record back from the Trash with everything its delete took. */
export function softRestore(ctx: Ctx, kind: DeletableKind, id: string): void {
  const table = TABLE_OF[kind];
  writeTransaction(ctx.sqlite, () => {
    const stamp = get<{ at: string | null }>(
      ctx.sqlite,
      `SELECT deleted_at AS at FROM ${table} WHERE id = ?`,
      id,
    )?.at;
    if (!stamp) return;
    const now = ctx.nowIso();
    run(ctx.sqlite, `UPDATE ${table} SET deleted_at = NULL, updated_at = ? WHERE id = ?`, now, id);
    restoreDependents(ctx, kind, id, stamp, now);
    cutLinksToTrash(ctx, table, id);
  });
}
