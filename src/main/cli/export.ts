import { resolve } from 'node:path';
import {
  CsvDelimiter,
  CsvEncoding,
  EXPORT_KINDS,
  ExportKind,
  type ExportSelection,
} from '@shared/api/exports';
import { isRealDate } from '@shared/domain/dates';
import { parse, requireString, UsageError } from './args';
import { jsonFlags, runMethod, withCore, type Command } from './command';

const DELIMITERS: Record<string, ',' | ';' | '\t'> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\t': '\t',
};

function day(value: string | boolean | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const text = requireString(value, flag, 'export');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isRealDate(text))
    throw new UsageError(`export: ${flag} must be a date like 2026-03-31, got "${text}".`);
  return text;
}

/** One list as CSV, through the same core method the list screens' "Export CSV" uses. */
export const exportCommand: Command = {
  summary: 'write a list (contacts, leads, orders…) as CSV',
  usage: `tandem [--db FILE] export ${EXPORT_KINDS.join('|')} [--from YYYY-MM-DD --to YYYY-MM-DD] [--delimiter comma|semicolon|tab] [--encoding ${CsvEncoding.options.join('|')}] [--replace-unencodable] --out FILE.csv [--json]`,
  async run(args, db, io) {
    const { values, positionals } = parse(
      args,
      {
        ...jsonFlags,
        from: { type: 'string' },
        to: { type: 'string' },
        delimiter: { type: 'string' },
        encoding: { type: 'string' },
        'replace-unencodable': { type: 'boolean' },
        out: { type: 'string' },
      },
      'export',
    );
    const [kind, extra] = positionals;
    if (kind === undefined) throw new UsageError(`export: name what to export: ${EXPORT_KINDS.join(', ')}.`);
    if (extra !== undefined) throw new UsageError(`export: unexpected argument "${extra}".`);
    const parsedKind = ExportKind.safeParse(kind);
    if (!parsedKind.success)
      throw new UsageError(
        `export: "${kind}" is not a list Tandem exports; choose ${EXPORT_KINDS.join(', ')}.`,
      );
    const from = day(values.from, '--from');
    const to = day(values.to, '--to');
    if ((from === undefined) !== (to === undefined))
      throw new UsageError('export: give both --from and --to, or neither.');
    if (from && to && to < from) throw new UsageError(`export: --to (${to}) is before --from (${from}).`);
    const delimiter = DELIMITERS[values.delimiter ?? ','];
    if (!delimiter || !CsvDelimiter.safeParse(delimiter).success)
      throw new UsageError(`export: --delimiter must be comma, semicolon or tab, got "${values.delimiter}".`);
    const encoding = CsvEncoding.safeParse(values.encoding ?? 'utf-8');
    if (!encoding.success)
      throw new UsageError(
        `export: --encoding must be one of ${CsvEncoding.options.join(', ')}, got "${values.encoding}".`,
      );
    const out = resolve(requireString(values.out, '--out', 'export'));
    const result = await withCore(db, (core) =>
      runMethod(core, 'exports.csv', {
        selection: { kind: parsedKind.data } as ExportSelection,
        ...(from && to ? { period: { from, to } } : {}),
        options: {
          delimiter,
          encoding: encoding.data,
          unencodable: values['replace-unencodable'] ? 'replace' : 'refuse',
        },
        destination: { to: 'file', path: out },
      }),
    );
    if (values.json) {
      io.out(
        `${JSON.stringify({ kind: result.kind, out: result.path, rows: result.rows, bytes: result.bytes, replaced: result.replaced })}\n`,
      );
      return 0;
    }
    const replaced = result.replaced > 0 ? `; ${result.replaced} characters written as "?"` : '';
    io.out(`${result.rows} ${result.kind} rows written to ${result.path}${replaced}.\n`);
    return 0;
  },
};
