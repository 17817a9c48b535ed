import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { uuidv7 } from '../db/ids';
import type { ParsedInput } from '@shared/api';
import type { ExportResult } from '@shared/api/exports';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { readSnapshot } from '../db/transaction';
import { allowedPath } from '../files';
import { getSettings } from '../settings/service';
import { activitiesSource, companiesSource, contactsSource, leadsSource, type Period } from './crm-sources';
import { CsvFileWriter, UnencodableRowError } from './csv-writer';
import { campaignsSource, contentSource, metricsSource, spendSource } from './marketing-sources';
import { ordersSource, paymentsSource } from './sales-sources';
import type { ExportSource } from './source';

type Input = ParsedInput<'exports.csv'>;
type AnySource = ExportSource<unknown>;

function sourceFor(ctx: Ctx, selection: Input['selection'], currency: string, period?: Period): AnySource {
  const any = <R>(source: ExportSource<R>) => source as unknown as AnySource;
  switch (selection.kind) {
    case 'contacts':
      return any(contactsSource(ctx, selection.filter, period));
    case 'companies':
      return any(companiesSource(ctx, selection.filter, period));
    case 'leads':
      return any(leadsSource(ctx, selection.filter, currency, period));
    case 'activities':
      return any(activitiesSource(ctx, selection.filter, period));
    case 'campaigns':
      return any(campaignsSource(ctx, selection.filter, currency, period));
    case 'spend':
      return any(spendSource(ctx, selection.filter, currency, period));
    case 'content':
      return any(contentSource(ctx, selection.filter, period));
    case 'orders':
      return any(ordersSource(ctx, selection.filter, period));
    case 'payments':
      return any(paymentsSource(ctx, selection.filter, period));
    case 'metrics':
      return any(metricsSource(ctx, selection.filter, period));
  }
}

/** Where downloads for the browser host are written, beside the database; the host streams and removes them. */
export function downloadsFolder(ctx: Ctx): string {
  return join(dirname(ctx.sqlite.name), 'exports');
}

/** Downloads the host never fetched (a closed tab) are removed after a day; file times are the machine's. */
function sweepDownloads(folder: string, now: number): void {
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    if (now - statSync(file).mtimeMs > 24 * 3600 * 1000) rmSync(file, { force: true });
  }
}

/**
 * Writes one list as CSV. The rows are counted and read on one snapshot, and the file is renamed into place
 * only when the rows written equal that count.
 */
export function exportCsv(ctx: Ctx, input: Input): ExportResult {
  const { selection, period, options, destination } = input;
  const currency = getSettings(ctx).currency;
  const day = ctx.nowIso().slice(0, 10);
  const fileName = `${selection.kind} ${period ? `${period.from} to ${period.to}` : day}.csv`;
  let path: string;
  if (destination.to === 'file') path = allowedPath(ctx, destination.path, 'write');
  else {
    const folder = downloadsFolder(ctx);
    mkdirSync(folder, { recursive: true });
    sweepDownloads(folder, Date.now());
    path = join(folder, `${uuidv7()}.csv`);
  }
  return readSnapshot(ctx.sqlite, () => {
    const source = sourceFor(ctx, selection, currency, period);
    const expected = source.count();
    let writer: CsvFileWriter;
    try {
      writer = new CsvFileWriter(path, source.columns, options);
    } catch (error) {
      return fail('validation', `Tandem cannot write ${path}: ${(error as Error).message}`);
    }
    try {
      const { columns } = source;
      const values = new Array<ReturnType<(typeof columns)[number]['value']>>(columns.length);
      for (const row of source.rows()) {
        for (let i = 0; i < columns.length; i++)
          values[i] = (columns[i] as (typeof columns)[number]).value(row);
        writer.write(values);
      }
      if (writer.rows !== expected)
        fail(
          'internal',
          `The export wrote ${writer.rows} rows where the list holds ${expected}; nothing was saved.`,
        );
      writer.finish();
    } catch (error) {
      writer.abort();
      if (error instanceof UnencodableRowError)
        return fail('validation', `The ${selection.kind} export was not saved: ${error.message}.`);
      throw error;
    }
    return {
      kind: selection.kind,
      path,
      fileName,
      rows: writer.rows,
      bytes: writer.bytes,
      replaced: writer.replaced,
    };
  });
}
