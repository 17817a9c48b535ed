import { localeDecimalSeparator } from '@shared/domain/money-input';
import type { Preset } from '../presets/types';
import type { TableReader } from '../read';
import { addDecimalEvidence, decimalFromEvidence, noDecimalEvidence } from '../read/number-values';
import { jobLocale, type JobOptions } from './store';

/** Fields holding amounts of money (or spend), whose decimal separator a file writes one way throughout. */
export function isAmountField(field: string): boolean {
  return (
    /value|total|amount|price|spend|fee|refunded|subtotal|tax|shipping|discount/i.test(field) &&
    field !== 'discountCode'
  );
}

/**
 * Decides the decimal separator of a file's amounts from all their values, once per job, before the first
 * row is written, as the mapping screen suggests it from its sample: a European export writes `1.234,50`
 * and `12,5` in the same columns as `2,500` (two and a half) and `1.000` (one thousand), which alone read
 * either way. The first value that settles it settles it for the file. A file whose amounts never do (every
 * one like `2,500` or `1.250`) takes the workspace locale's separator, with one note for the job, as dates
 * do; a file whose amounts disagree is read value by value. A preset (a known tool's export) and a separator
 * the user chose are left alone. The result goes into the job's options, so a resumed job reads the same way.
 * Returns whether the options changed.
 */
export async function settleDecimalSeparator(
  table: TableReader,
  mapping: Record<string, string>,
  options: JobOptions,
  preset: Preset | null,
  signal?: AbortSignal,
): Promise<boolean> {
  if (options.decimalSettled || options.decimalSeparator || preset) return false;
  options.decimalSettled = true;
  const columns = Object.entries(mapping)
    .filter(([, field]) => isAmountField(field))
    .map(([column]) => table.columns.indexOf(column))
    .filter((i) => i !== -1);
  if (columns.length === 0) return true;
  const evidence = noDecimalEvidence();
  const decided = () => evidence.point || evidence.comma;
  for await (const batch of table.records({ batchSize: 5000, signal })) {
    for (const row of batch.rows) {
      for (const i of columns) {
        const value = row[i];
        if (value) addDecimalEvidence(evidence, value);
      }
      if (decided()) break;
    }
    if (decided()) break;
  }
  const separator = decimalFromEvidence(evidence);
  if (separator === '.' || separator === ',') options.decimalSeparator = separator;
  else if (!evidence.point && !evidence.comma && evidence.undecided) {
    const locale = jobLocale(options);
    const fallback = localeDecimalSeparator(locale);
    options.decimalSeparator = fallback;
    const names = columns.map((i) => `"${table.columns[i]}"`).join(', ');
    options.decimalNote = `Every amount in ${names} reads both ways (like 1.250 or 2,500), so ${fallback === ',' ? 'a comma was read as the decimal separator' : 'a point was read as the decimal separator'}, as the workspace's locale (${locale}) writes numbers. If that is wrong, undo this import and choose the decimal separator on the mapping screen.`;
  }
  return true;
}
