import { resolve } from 'node:path';
import { parse, UsageError } from './args';
import { runMethod, withCore, type Command } from './command';

const SAMPLE = 10;

function printable(value: string, width = 24): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/**
 * Reads a file the way `import` would and says what it found. It asks a core on an in-memory database, so
 * no database file is opened or created and nothing is written.
 */
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
    const path = resolve(positionals[0] ?? '');
    const table = await withCore(':memory:', (core) =>
      runMethod(core, 'imports.inspect', { path, sheet: values.sheet }),
    );
    const preset = table.preset;
    const sample = table.sample.slice(0, SAMPLE);
    if (values.json) {
      const out = {
        encoding: table.encoding,
        delimiter: table.delimiter,
        headerLine: table.headerLine,
        preset: preset?.name ?? null,
        kind: preset?.kind ?? null,
        columns: table.columns,
        records: table.records,
        sample,
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
    const issue = table.issues[0];
    if (issue) io.out(`${table.issueCount} rows have problems, e.g. row ${issue.line}: ${issue.message}\n`);
    io.out(`Columns (${table.columns.length}): ${table.columns.join(' | ')}\n`);
    for (const row of sample)
      io.out(
        `  ${row
          .slice(0, 8)
          .map((v) => printable(v))
          .join(' | ')}\n`,
      );
    return 0;
  },
};
