import { uuidv7 } from '../../db/ids';
import { get, prepared } from '../../db/prepared';
import type { MetricRecord } from '../records';
import type { CampaignRef } from './campaigns';
import type { WriteContext } from './context';
import type { metricObservations, spendEntries } from '../../db/schema';
import type { SqlRow } from '../../db/typed';

type Outcome = 'inserted' | 'updated' | 'unchanged';

/** Rank of outcomes for a row that writes several numbers: one new number makes the row "inserted". */
const RANK: Record<Outcome, number> = { unchanged: 0, updated: 1, inserted: 2 };

function campaignFor(record: MetricRecord, w: WriteContext): CampaignRef | null {
  if (record.campaignCode) return w.campaigns.byCode(record.campaignCode, { channel: record.channel });
  if (!record.campaignName) return null;
  const named = w.campaigns.byName(record.campaignName);
  // Spend must be booked on a campaign, so an unknown name becomes a draft; other numbers stay channel totals.
  return (
    named ??
    (record.spendMinor !== null
      ? w.campaigns.createNamed(record.campaignName, { channel: record.channel })
      : null)
  );
}

/**
 * Whether this job already wrote the row: it created it, or it logged the row's before-image. Kept in the
 * database rather than in memory, so it holds for files of any size and across a resume.
 */
export function writtenByJob(
  w: WriteContext,
  table: string,
  row: { id: string; import_job_id: string | null },
): boolean {
  if (row.import_job_id === w.jobId) return true;
  return (
    get(
      w.sqlite,
      'SELECT 1 AS x FROM import_changes WHERE record_id = ? AND job_id = ? AND table_name = ?',
      row.id,
      w.jobId,
      table,
    ) !== undefined
  );
}

/**
 * One number per day, scope, metric and source (the natural key): a re-import replaces the value, repeats
 * within one file add up (two sends on one day). Updates keep the old value for undo.
 */
function writeObservation(
  w: WriteContext,
  record: MetricRecord,
  scope: string,
  campaign: CampaignRef | null,
  metric: string,
  value: number,
): Outcome {
  const existing = get<SqlRow<typeof metricObservations, 'id' | 'value' | 'import_job_id'>>(
    w.sqlite,
    'SELECT id, value, import_job_id FROM metric_observations WHERE date = ? AND scope = ? AND metric = ? AND source = ?',
    record.date,
    scope,
    metric,
    w.source,
  );
  const at = w.now();
  if (!existing) {
    prepared(
      w.sqlite,
      `INSERT INTO metric_observations (id, date, scope, campaign_id, channel, metric, value, source, import_job_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      uuidv7(),
      record.date,
      scope,
      campaign?.id ?? null,
      campaign?.channel ?? record.channel,
      metric,
      value,
      w.source,
      w.jobId,
      at,
      at,
    );
    return 'inserted';
  }
  const again = writtenByJob(w, 'metric_observations', existing);
  const next = again ? existing.value + value : value;
  if (next === existing.value) return 'unchanged';
  if (existing.import_job_id !== w.jobId && !again)
    w.changes.updated('metric_observations', existing.id, { value: existing.value });
  prepared(w.sqlite, 'UPDATE metric_observations SET value = ?, updated_at = ? WHERE id = ?').run(
    next,
    at,
    existing.id,
  );
  return 'updated';
}

function writeSpend(
  w: WriteContext,
  record: MetricRecord,
  campaign: CampaignRef,
  amountMinor: number,
): Outcome {
  const sourceKey = `${w.source}:${record.date}:${campaign.id}`;
  const existing = get<SqlRow<typeof spendEntries, 'id' | 'amount_minor' | 'import_job_id'>>(
    w.sqlite,
    'SELECT id, amount_minor, import_job_id FROM spend_entries WHERE source_key = ?',
    sourceKey,
  );
  const at = w.now();
  if (!existing) {
    prepared(
      w.sqlite,
      `INSERT INTO spend_entries (id, campaign_id, date, amount_minor, note, source_key, import_job_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      uuidv7(),
      campaign.id,
      record.date,
      amountMinor,
      `Imported from ${w.source}`,
      sourceKey,
      w.jobId,
      at,
      at,
    );
    return 'inserted';
  }
  const again = writtenByJob(w, 'spend_entries', existing);
  const next = again ? existing.amount_minor + amountMinor : amountMinor;
  if (next === existing.amount_minor) return 'unchanged';
  if (existing.import_job_id !== w.jobId && !again)
    w.changes.updated('spend_entries', existing.id, { amount_minor: existing.amount_minor });
  prepared(w.sqlite, 'UPDATE spend_entries SET amount_minor = ?, updated_at = ? WHERE id = ?').run(
    next,
    at,
    existing.id,
  );
  return 'updated';
}

/** Daily numbers (and ad spend) for campaigns, channels or the whole site; counted per file row. */
export function writeMetrics(records: readonly MetricRecord[], w: WriteContext): void {
  for (const record of records) {
    const campaign = campaignFor(record, w);
    const scope = campaign ? `campaign:${campaign.id}` : record.scope;
    let outcome: Outcome = 'unchanged';
    const note = (o: Outcome) => {
      if (RANK[o] > RANK[outcome]) outcome = o;
    };
    for (const [metric, value] of record.values)
      note(writeObservation(w, record, scope, campaign, metric, value));
    if (record.spendMinor !== null && campaign) note(writeSpend(w, record, campaign, record.spendMinor));
    w.counts[outcome]++;
  }
}
