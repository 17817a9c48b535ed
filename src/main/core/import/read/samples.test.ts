import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES_DIR } from '@fixtures/import/samples';
import { openTable, type OpenTableOptions, type TableInfo } from './index';

const SAMPLES = SAMPLES_DIR;

/**
 * Records counted independently of the reader: a plain RFC 4180 state machine over the text
 * (quotes toggle, doubled quotes toggle twice), skipping blank lines and '#' lines before the
 * header. Physical lines are counted too, to show where they differ from records.
 */
function countIndependently(text: string): { records: number; physicalLines: number } {
  let quoted = false;
  let records = 0;
  let physicalLines = 0;
  let current = '';
  let headerSeen = false;
  const endRecord = () => {
    const blank = current.trim() === '';
    const comment = !headerSeen && current.startsWith('#');
    if (!blank && !comment) {
      if (headerSeen) records++;
      headerSeen = true;
    }
    current = '';
  };
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n') {
      physicalLines++;
      if (!quoted) {
        endRecord();
        continue;
      }
    }
    current += ch;
  }
  if (current !== '') {
    physicalLines++;
    endRecord();
  }
  return { records, physicalLines };
}

interface Expectation {
  file: string;
  options?: OpenTableOptions;
  info: Partial<TableInfo>;
  columnCount: number;
  records: number;
  firstColumn: string;
}

const EXPECTED: Expectation[] = [
  {
    file: 'hubspot-contacts.csv',
    info: { encoding: 'utf-8', bom: false, delimiter: ',', headerLine: 1 },
    columnCount: 20,
    records: 376,
    firstColumn: 'Record ID',
  },
  {
    file: 'pipedrive-deals.csv',
    info: { encoding: 'utf-8', bom: false, delimiter: ',', headerLine: 1 },
    columnCount: 34,
    records: 65,
    firstColumn: 'Deal - ID',
  },
  {
    file: 'shopify-orders.csv',
    info: { encoding: 'utf-8', bom: false, delimiter: ',', headerLine: 1 },
    columnCount: 79,
    records: 541,
    firstColumn: 'Name',
  },
  {
    file: 'stripe-payments.csv',
    info: { encoding: 'utf-8', bom: false, delimiter: ',', headerLine: 1 },
    columnCount: 83,
    records: 215,
    firstColumn: 'id',
  },
  {
    file: 'ga4-traffic-daily.csv',
    info: { encoding: 'utf-8', bom: false, delimiter: ',', headerLine: 10 },
    columnCount: 10,
    records: 1986,
    firstColumn: 'Date',
  },
  {
    file: 'ga4-pages-daily.csv',
    info: { encoding: 'utf-8', bom: false, delimiter: ',', headerLine: 10 },
    columnCount: 9,
    records: 2730,
    firstColumn: 'Page path and screen class',
  },
  {
    file: 'mailchimp-campaigns.csv',
    info: { encoding: 'utf-8', bom: false, delimiter: ',', headerLine: 1 },
    columnCount: 40,
    records: 14,
    firstColumn: 'Title',
  },
  {
    file: 'meta-ads.csv',
    info: { encoding: 'utf-8', bom: false, delimiter: ',', headerLine: 1 },
    columnCount: 22,
    records: 101,
    firstColumn: 'Reporting starts',
  },
  {
    file: 'google-contacts.csv',
    info: { encoding: 'utf-8', bom: true, delimiter: ',', headerLine: 1 },
    columnCount: 36,
    records: 90,
    firstColumn: 'First Name',
  },
  {
    file: 'linkedin-page-analytics.xlsx',
    info: { format: 'xlsx', encoding: null, delimiter: null, headerLine: 2, sheet: 'Metrics' },
    columnCount: 20,
    records: 273,
    firstColumn: 'Date',
  },
  {
    file: 'linkedin-page-analytics.xlsx',
    options: { sheet: 'All posts' },
    info: { format: 'xlsx', headerLine: 2, sheet: 'All posts' },
    columnCount: 20,
    records: 66,
    firstColumn: 'Post title',
  },
];

describe('sample exports', () => {
  it.each(EXPECTED.map((e) => [`${e.file}${e.options?.sheet ? ` (${e.options.sheet})` : ''}`, e] as const))(
    '%s',
    async (_label, e) => {
      const path = join(SAMPLES, e.file);
      const table = await openTable(path, e.options);
      expect(table).toMatchObject(e.info);
      expect(table.columns).toHaveLength(e.columnCount);
      expect(table.columns[0]).toBe(e.firstColumn);

      let records = 0;
      let issues = 0;
      for await (const batch of table.records({ batchSize: 100 })) {
        records += batch.rows.length;
        issues += batch.issues.length;
        for (const row of batch.rows) expect(row).toHaveLength(e.columnCount);
      }
      expect(records).toBe(e.records);
      expect(issues).toBe(0);

      if (e.file.endsWith('.csv')) {
        const counted = countIndependently(readFileSync(path, 'utf8'));
        expect(records).toBe(counted.records);
        // Only Shopify (multi-line Note Attributes) and Google (multi-line notes and addresses)
        // have records spanning lines.
        const spans = counted.physicalLines - (table.headerLine + records);
        if (e.file === 'shopify-orders.csv' || e.file === 'google-contacts.csv')
          expect(spans).toBeGreaterThan(0);
        else expect(spans).toBe(0);
      }
    },
  );

  it('keeps Shopify multi-line Note Attributes in one value and counts lines past them', async () => {
    const table = await openTable(join(SAMPLES, 'shopify-orders.csv'));
    const notes = table.columns.indexOf('Note Attributes');
    let multiLine = 0;
    let lastLine = 0;
    for await (const batch of table.records()) {
      for (const row of batch.rows) if ((row[notes] ?? '').includes('\n')) multiLine++;
      lastLine = batch.lines.at(-1) ?? lastLine;
    }
    expect(multiLine).toBeGreaterThan(0);
    const physical = readFileSync(join(SAMPLES, 'shopify-orders.csv'), 'utf8').split('\n').length - 1;
    expect(lastLine).toBe(physical);
  });
});
