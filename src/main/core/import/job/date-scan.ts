import {
  addDateEvidence,
  isDateField,
  localeDateOrder,
  noDateEvidence,
  orderFromEvidence,
  type DateEvidence,
  type DateOrder,
} from '@shared/import/date-order';
import type { TableReader } from '../read';
import { jobLocale, type JobOptions } from './store';

/** Values of a column read before deciding it holds no day/month dates at all (ISO dates, month names). */
const NO_FORM_AFTER = 2000;

const ORDER_WORDS: Record<DateOrder, string> = { MDY: 'month first', DMY: 'day first' };

/**
 * Decides the day/month order of each mapped date column from all its values, once per job, before the
 * first row is written (rows stream in batches, so a value on the last line may settle the first line's
 * dates). A column ambiguous in every value takes the workspace locale's order, with one note for the job.
 * The result goes into the job's options, so a resumed job reads every value the same way.
 * Returns whether the options changed.
 */
export async function settleDateOrders(
  table: TableReader,
  mapping: Record<string, string>,
  options: JobOptions,
  fixedOrder: DateOrder | undefined,
  signal?: AbortSignal,
): Promise<boolean> {
  if (options.datesSettled || fixedOrder || options.dateOrder) return false;
  const chosen = options.dateOrders ?? {};
  const open = new Map<number, { column: string; evidence: DateEvidence; values: number }>();
  for (const [column, field] of Object.entries(mapping)) {
    const index = table.columns.indexOf(column);
    if (isDateField(field) && index !== -1 && !chosen[column])
      open.set(index, { column, evidence: noDateEvidence(), values: 0 });
  }
  options.datesSettled = true;
  if (open.size === 0) return true;
  const settled = (c: { evidence: DateEvidence; values: number }) =>
    orderFromEvidence(c.evidence) === 'DMY' ||
    orderFromEvidence(c.evidence) === 'MDY' ||
    (c.evidence.seen === 0 && c.values >= NO_FORM_AFTER);
  const pending = new Map(open);
  for await (const batch of table.records({ batchSize: 5000, signal })) {
    for (const row of batch.rows) {
      for (const [index, c] of pending) {
        const value = row[index];
        if (!value) continue;
        c.values++;
        addDateEvidence(c.evidence, value);
      }
    }
    for (const [index, c] of pending) if (settled(c)) pending.delete(index);
    if (pending.size === 0) break;
  }
  const locale = jobLocale(options);
  const fallback = localeDateOrder(locale);
  const guessed: string[] = [];
  const orders: Record<string, DateOrder> = { ...chosen };
  for (const c of open.values()) {
    const order = orderFromEvidence(c.evidence);
    if (order === 'DMY' || order === 'MDY') orders[c.column] = order;
    else if (order === 'ambiguous') {
      orders[c.column] = fallback;
      guessed.push(`"${c.column}"`);
    }
  }
  options.dateOrders = orders;
  if (guessed.length > 0) {
    options.dateNote = `Every date in ${guessed.join(', ')} reads both ways (like 3/4/2026), so ${guessed.length === 1 ? 'it was' : 'they were'} read ${ORDER_WORDS[fallback]}, as the workspace's locale (${locale}) writes dates. If that is wrong, undo this import and choose the other order for ${guessed.length === 1 ? 'that column' : 'those columns'} on the mapping screen.`;
  }
  return true;
}
