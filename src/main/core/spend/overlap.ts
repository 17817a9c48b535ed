import type Database from 'better-sqlite3';
import type { SpendOverlap, SpendSource } from '@shared/api/spend';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { all, run } from '../db/prepared';
import { writeTransaction } from '../db/transaction';

// The same days as counted_spend: a campaign's imported spend covers its first to its last imported day.
const OVERLAPS = `
  WITH covered AS (
    SELECT campaign_id, min(date) AS firstDay, max(date) AS lastDay, sum(amount_minor) AS importedMinor,
           count(*) AS importedEntries
    FROM spend_entries INDEXED BY spend_imported_days_idx
    WHERE import_job_id IS NOT NULL AND deleted_at IS NULL AND (@campaignId IS NULL OR campaign_id = @campaignId)
    GROUP BY campaign_id
  )
  SELECT v.campaign_id AS campaignId, c.name AS campaignName, c.spend_source AS source, v.firstDay, v.lastDay,
         v.importedMinor, v.importedEntries, sum(m.amount_minor) AS manualMinor, count(*) AS manualEntries
  FROM covered v
  JOIN campaigns c ON c.id = v.campaign_id AND c.deleted_at IS NULL
  JOIN spend_entries m INDEXED BY spend_manual_days_idx ON m.campaign_id = v.campaign_id
       AND m.import_job_id IS NULL AND m.deleted_at IS NULL AND m.date BETWEEN v.firstDay AND v.lastDay
  WHERE (@jobId IS NULL OR v.campaign_id IN (SELECT campaign_id FROM spend_entries WHERE import_job_id = @jobId))
  GROUP BY v.campaign_id
  ORDER BY c.name`;

/**
 * Campaigns whose imported spend overlaps spend logged by hand: all of them, one campaign, or the campaigns
 * an import job brought spend for (its summary lists them).
 */
export function spendOverlaps(
  sqlite: Database.Database,
  filter: { campaignId?: string; jobId?: string } = {},
): SpendOverlap[] {
  return all<SpendOverlap>(sqlite, OVERLAPS, {
    campaignId: filter.campaignId ?? null,
    jobId: filter.jobId ?? null,
  });
}

/** Keeps one side of a campaign's overlap; the other side's entries stay in the ledger, not counted. */
export function setSpendSource(
  ctx: Ctx,
  campaignId: string,
  source: SpendSource,
): { campaignId: string; source: SpendSource; overlap: SpendOverlap | null } {
  writeTransaction(ctx.sqlite, () => {
    const changed = run(
      ctx.sqlite,
      'UPDATE campaigns SET spend_source = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
      source,
      ctx.nowIso(),
      campaignId,
    );
    if (changed.changes === 0) fail('not_found', 'That campaign does not exist or was deleted.');
  });
  return { campaignId, source, overlap: spendOverlaps(ctx.sqlite, { campaignId })[0] ?? null };
}
