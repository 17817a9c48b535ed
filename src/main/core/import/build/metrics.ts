import { slugify } from '@shared/domain/utm';
import { METRICS } from '@shared/import/kinds';
import type { MetricRecord, ValueOptions } from '../records';
import type { FieldRow } from './row';
import { channelOf, trackingCodeOf } from './utm';

/** `channel:<name>` for a channel or channel group as the export names it ("Organic Search" → organic-search). */
export function channelScope(name: string): string {
  return `channel:${slugify(name) || 'other'}`;
}

/**
 * A day's numbers for a campaign (by tracking code, else by name), a channel, or the whole site. Empty cells
 * and "n/a" are left out rather than stored as zero.
 */
export function buildMetrics(row: FieldRow, options: ValueOptions): MetricRecord | null {
  const date = row.date('date', options);
  if (!date && !row.problems.length) row.problem('date', 'the row has no date');
  const values: [string, number][] = [];
  for (const metric of METRICS) {
    if (!row.has(metric)) continue;
    const value = row.number(metric, options);
    if (value !== null) values.push([metric, value]);
  }
  const spendMinor = row.has('spend') ? row.money('spend', options.currency, options) : null;
  const campaignText = row.text('campaign');
  const campaignCode = trackingCodeOf(campaignText);
  const channelText = row.text('channel');
  if (spendMinor !== null && !campaignText) row.problem('campaign', 'spend needs a campaign to be booked on');
  if (row.problems.length > 0 || !date) return null;
  return {
    line: row.line,
    date,
    campaignCode,
    campaignName: campaignCode ? null : campaignText || null,
    channel: channelText ? (channelOf(channelText) ?? 'other') : null,
    scope: channelText ? channelScope(channelText) : 'site',
    values,
    spendMinor,
  };
}
