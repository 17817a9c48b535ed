import type { DeletableKind } from '@shared/api/deletion';
import type { TrashEntry, TrashKind } from '@shared/api/trash';
import { fail } from '@shared/contract/result';
import { restoreActivity } from '../activities/service';
import { restoreCadence } from '../cadences/service';
import { restoreCampaign } from '../campaigns/service';
import { restoreCompany } from '../companies/service';
import { restoreContact } from '../contacts/service';
import { restoreContent } from '../content/service';
import type { Ctx } from '../context';
import { all, get } from '../db/prepared';
import { RULES, TABLE_OF } from '../deletion/rules';
import { restoreLead } from '../leads/service';
import { restorePlan } from '../plans/service';
import { restoreSpend } from '../spend/service';
import { purgeRecord } from './purge';

interface KindSql {
  table: string;
  /** SQL over the row `x`: what the user called it, and where it belonged. */
  label: string;
  detail: string;
  /** The record's own day, when it has one (a spend entry's). */
  day?: string;
}

const KINDS: Record<TrashKind, KindSql> = {
  contact: {
    table: 'contacts',
    label: `coalesce(nullif(trim(x.first_name || ' ' || x.last_name), ''), x.email, 'Contact')`,
    detail: `coalesce(x.email, '')`,
  },
  company: { table: 'companies', label: 'x.name', detail: `''` },
  lead: {
    table: 'leads',
    label: 'x.title',
    detail: `coalesce((SELECT nullif(trim(c.first_name || ' ' || c.last_name), '') FROM contacts c WHERE c.id = x.contact_id), '')`,
  },
  activity: {
    table: 'activities',
    label: 'x.subject',
    detail: `coalesce((SELECT l.title FROM leads l WHERE l.id = x.lead_id),
      (SELECT nullif(trim(c.first_name || ' ' || c.last_name), '') FROM contacts c WHERE c.id = x.contact_id), '')`,
  },
  campaign: { table: 'campaigns', label: 'x.name', detail: `''` },
  spend: {
    table: 'spend_entries',
    label: `coalesce(nullif(x.note, ''), 'Spend')`,
    day: 'x.date',
    detail: `coalesce((SELECT p.name FROM campaigns p WHERE p.id = x.campaign_id), '')`,
  },
  content: {
    table: 'content_items',
    label: 'x.title',
    detail: `coalesce((SELECT p.name FROM campaigns p WHERE p.id = x.campaign_id), '')`,
  },
  plan: { table: 'plans', label: 'x.name', detail: `''` },
  cadence: { table: 'cadences', label: 'x.name', detail: `''` },
};

/**
 * Rows that went to the Trash with a parent (same stamp, by a cascading rule of deletion/rules.ts) come back
 * with it and are not listed on their own; neither are the steps a stopped cadence cancelled.
 */
function cascadedWithParent(table: string): string[] {
  const clauses: string[] = [];
  for (const [parent, rules] of Object.entries(RULES) as [DeletableKind, (typeof RULES)[DeletableKind]][]) {
    for (const rule of rules) {
      if (rule.table !== table || (rule.fate !== 'cascade' && rule.fate !== 'choice')) continue;
      clauses.push(
        `NOT EXISTS (SELECT 1 FROM ${TABLE_OF[parent]} p WHERE p.id = x.${rule.column} AND p.deleted_at = x.deleted_at)`,
      );
    }
  }
  if (table === 'activities') {
    clauses.push(
      `(x.enrollment_id IS NULL OR EXISTS (SELECT 1 FROM cadence_enrollments e WHERE e.id = x.enrollment_id AND e.status = 'active'))`,
    );
  }
  return clauses;
}

function selectOf(kind: TrashKind): string {
  const k = KINDS[kind];
  const where = ['x.deleted_at IS NOT NULL', ...cascadedWithParent(k.table)].join(' AND ');
  return `SELECT '${kind}' AS kind, x.id AS id, ${k.label} AS label, ${k.detail} AS detail, ${k.day ?? 'NULL'} AS day,
          x.deleted_at AS deletedAt FROM ${k.table} x WHERE ${where}`;
}

const ALL = (Object.keys(KINDS) as TrashKind[]).map(selectOf).join('\nUNION ALL\n');

export function listTrash(ctx: Ctx, limit: number): { total: number; rows: TrashEntry[] } {
  const total = get<{ n: number }>(ctx.sqlite, `SELECT count(*) AS n FROM (${ALL})`)?.n ?? 0;
  const rows = all<TrashEntry>(
    ctx.sqlite,
    `SELECT * FROM (${ALL}) ORDER BY deletedAt DESC, kind, id LIMIT ?`,
    limit,
  );
  return { total, rows };
}

type Found = Omit<TrashEntry, 'deletedAt'> & { deletedAt: string | null };

function entryOf(ctx: Ctx, kind: TrashKind, id: string): Found | undefined {
  const k = KINDS[kind];
  return get<Found>(
    ctx.sqlite,
    `SELECT '${kind}' AS kind, x.id AS id, ${k.label} AS label, ${k.detail} AS detail, ${k.day ?? 'NULL'} AS day,
     x.deleted_at AS deletedAt FROM ${k.table} x WHERE x.id = ?`,
    id,
  );
}

const RESTORE: Record<TrashKind, (ctx: Ctx, id: string) => unknown> = {
  contact: restoreContact,
  company: restoreCompany,
  lead: restoreLead,
  activity: restoreActivity,
  campaign: restoreCampaign,
  spend: restoreSpend,
  content: restoreContent,
  plan: restorePlan,
  cadence: restoreCadence,
};

/** Brings a record back through its kind's own restore, so it returns with everything its delete took. */
export function restoreFromTrash(ctx: Ctx, kind: TrashKind, id: string): TrashEntry {
  const entry = entryOf(ctx, kind, id);
  if (!entry) return fail('not_found', 'That record is not in the Trash.');
  if (entry.deletedAt === null) return fail('conflict', `“${entry.label}” is not in the Trash any more.`);
  RESTORE[kind](ctx, id);
  return { ...entry, deletedAt: entry.deletedAt };
}

/** Deletes a record in the Trash for good (see purge.ts); what it says is what was deleted. */
export function purgeFromTrash(ctx: Ctx, kind: TrashKind, id: string): TrashEntry {
  const entry = entryOf(ctx, kind, id);
  if (!entry) return fail('not_found', 'That record is not in the Trash.');
  if (entry.deletedAt === null) return fail('conflict', `“${entry.label}” is not in the Trash.`);
  purgeRecord(ctx, KINDS[kind].table, id);
  return { ...entry, deletedAt: entry.deletedAt };
}
