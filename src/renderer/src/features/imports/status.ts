import type { ImportJob, ImportKind, ImportStatus } from '@shared/api/imports';
import type { Formatter } from '@shared/domain/format';

/** Each status as words and an icon, so colour is never the only signal. */
export const STATUS: Record<ImportStatus, { label: string; icon: string }> = {
  queued: { label: 'Waiting to start', icon: '◷' },
  running: { label: 'Importing', icon: '↻' },
  done: { label: 'Done', icon: '✓' },
  failed: { label: 'Failed', icon: '✕' },
  cancelled: { label: 'Cancelled', icon: '■' },
  interrupted: { label: 'Interrupted', icon: '⚠' },
  undoing: { label: 'Undoing', icon: '↺' },
  undone: { label: 'Undone', icon: '↶' },
};

export const isBusy = (status: string) => status === 'queued' || status === 'running' || status === 'undoing';

/** What the counts are counted in: records of the kind, not file rows. */
export const RECORDS: Record<ImportKind, { one: string; many: string }> = {
  contacts: { one: 'contact', many: 'contacts' },
  deals: { one: 'deal', many: 'deals' },
  orders: { one: 'order', many: 'orders' },
  payments: { one: 'payment', many: 'payments' },
  metrics: { one: 'daily number', many: 'daily numbers' },
  companies: { one: 'company', many: 'companies' },
  activities: { one: 'activity', many: 'activities' },
  campaigns: { one: 'campaign', many: 'campaigns' },
  spend: { one: 'spend entry', many: 'spend entries' },
  content: { one: 'content item', many: 'content items' },
};

export const KIND_LABEL: Record<ImportKind, string> = {
  contacts: 'Contacts',
  deals: 'Deals',
  orders: 'Orders',
  payments: 'Payments',
  metrics: 'Marketing numbers',
  companies: 'Companies',
  activities: 'Activities',
  campaigns: 'Campaigns',
  spend: 'Spend',
  content: 'Content',
};

export function fileSize(bytes: number, format: Formatter): string {
  if (bytes < 1024) return `${format.number(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${format.number(Math.round(bytes / 1024))} KB`;
  return `${format.number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
}

export function duration(seconds: number, format: Formatter): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `${format.number(Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${format.number(Math.round(seconds / 60))} min`;
  return `${format.number(Math.round((seconds / 3600) * 10) / 10)} h`;
}

export const plural = (n: number, one: string, many: string, format: Formatter) => format.count(n, one, many);

/**
 * What the "Rows left out" list says about itself. Errors are rows the file got wrong, to fix and import
 * again; notes are rows left out on purpose (a report's summary row, a payment attempt that charged
 * nothing), so they are never called something to fix.
 */
export function leftOutText(errors: number, notes: number, format: Formatter): string {
  const fix =
    errors > 0
      ? `${errors === 1 ? 'Fix the error' : 'Fix the errors'} in the file (or in the saved CSV) and import it again: rows already imported are found again, not doubled.`
      : '';
  const onPurpose =
    notes > 0
      ? `${notes === 1 ? 'The note is a row' : 'The notes are rows'} left out on purpose, as the reason says: the file needs no change for it.`
      : '';
  const counts = [
    errors > 0 && plural(errors, 'error', 'errors', format),
    notes > 0 && plural(notes, 'note', 'notes', format),
  ]
    .filter(Boolean)
    .join(' and ');
  return [`${counts}.`, fix, onPurpose].filter(Boolean).join(' ');
}

/** "376 new · 12 updated · 3 errors": the counts that are not zero, for the history. */
export function countsLine(job: ImportJob, format: Formatter): string {
  const parts: string[] = [];
  if (job.inserted) parts.push(`${format.number(job.inserted)} new`);
  if (job.updated) parts.push(`${format.number(job.updated)} updated`);
  if (job.unchanged) parts.push(`${format.number(job.unchanged)} unchanged`);
  if (job.skipped) parts.push(`${format.number(job.skipped)} skipped`);
  if (job.errorCount) parts.push(plural(job.errorCount, 'error', 'errors', format));
  return parts.length ? parts.join(' · ') : `${plural(job.rowsDone, 'row', 'rows', format)} read`;
}
