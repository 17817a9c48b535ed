import { isCurrencyCode } from '@shared/domain/currency';
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
  const spendMinor = row.has('spend') ? spendOf(row, options) : null;
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

/**
 * The row's spend in the workspace currency. Ad platforms name the account's currency in the column's header
 * (Meta's `Amount spent (EUR)`, `Cost (GBP)`): spend in another currency is an error, never stored as if it
 * were in the workspace's.
 */
function spendOf(row: FieldRow, options: ValueOptions): number | null {
  const header = row.column('spend');
  const code = /\(([A-Za-z]{3})\)\s*$/.exec(header)?.[1]?.toUpperCase();
  if (code && code !== options.currency && isCurrencyCode(code) && row.text('spend') !== '')
    return row.problem(
      'spend',
      `the column "${header}" is spend in ${code}, but spend is kept in ${options.currency} (the workspace currency): export the report in ${options.currency}, or import it into a workspace kept in ${code}`,
    );
  return row.money('spend', options.currency, options);
}
