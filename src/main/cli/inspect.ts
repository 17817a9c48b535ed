import { resolve } from 'node:path';
import { detectPreset } from '@core/import/presets';
import { FileRejectedError, preview } from '@core/import/read';
import { parse, UsageError } from './args';
import type { Command } from './commands';

const SAMPLE = 10;

function printable(value: string, width = 24): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** Reads a file the way `import` would and says what it found; opens no database and writes nothing. */
export const inspectCommand: Command = {
  summary: 'show how a file would be read (encoding, columns, recognised export) without importing it',
  usage: 'tandem inspect FILE [--sheet NAME] [--json]',
  async run(args, _db, io) {
    const { values, positionals } = parse(
      args,
      { json: { type: 'boolean' }, sheet: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      'inspect',
    );
    if (positionals.length !== 1) throw new UsageError('inspect: name exactly one file.');
    let table;
    try {
      table = await preview(resolve(positionals[0] ?? ''), SAMPLE, { sheet: values.sheet });
    } catch (error) {
      if (error instanceof FileRejectedError) {
        io.err(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
    const preset = detectPreset(table.columns);
    if (values.json) {
      const out = {
        encoding: table.encoding,
        delimiter: table.delimiter,
        headerLine: table.headerLine,
        preset: preset?.name ?? null,
        kind: preset?.kind ?? null,
        columns: table.columns,
        records: table.records,
        sample: table.sample,
        format: table.format,
        sheet: table.sheet,
        sheets: table.sheets,
        issues: table.issueCount,
      };
      io.out(`${JSON.stringify(out)}\n`);
      return 0;
    }
    const layout =
      table.format === 'xlsx'
        ? `Excel workbook, sheet "${table.sheet}" of ${table.sheets.length}`
        : `${table.encoding}${table.bom ? ' with BOM' : ''}, delimiter ${JSON.stringify(table.delimiter)}`;
    io.out(`${table.fileName}: ${layout}; header on line ${table.headerLine}; ${table.records} records.\n`);
    io.out(
      preset
        ? `Recognised as ${preset.label} (preset ${preset.name}, imports ${preset.kind}).\n`
        : 'Not a known export: import it with --as KIND and a column mapping.\n',
    );
    if (table.issueCount > 0)
      io.out(`${table.issueCount} rows have problems, e.g. ${table.issues[0]?.message ?? ''}\n`);
    io.out(`Columns (${table.columns.length}): ${table.columns.join(' | ')}\n`);
    for (const row of table.sample)
      io.out(
        `  ${row
          .slice(0, 8)
          .map((v) => printable(v))
          .join(' | ')}\n`,
      );
    return 0;
  },
};
