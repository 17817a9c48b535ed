import { z } from 'zod';
import { OrderFilter } from './orders';
import { query } from '../contract/define';
import { IsoDate } from '../domain/ids';
import { ActivityListInput } from './activities';
import { CampaignListInput } from './campaigns';
import { CompanyListInput } from './companies';
import { ContactListInput } from './contacts';
import { ContentRangeInput } from './content';
import { LeadListInput } from './leads';
import { SpendListInput } from './spend';

export const EXPORT_KINDS = [
  'contacts',
  'companies',
  'leads',
  'activities',
  'campaigns',
  'spend',
  'content',
  'orders',
  'payments',
  'metrics',
] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKind>;

const paging = { offset: true, limit: true } as const;

/** Orders and payments: their list's own filter (`ExportInput.period`, when given, narrows its dates). */
const SalesFilter = OrderFilter;

const MetricsFilter = z.strictObject({
  metric: z.string().trim().max(60).optional(),
  campaignId: z.string().trim().max(40).optional(),
  channel: z.string().trim().max(40).optional(),
});

/**
 * Which rows: the list screen's own filter (its list input without paging), so an export holds exactly what
 * the screen shows. Content takes the calendar's filters without its visible range.
 */
export const ExportSelection = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('contacts'), filter: ContactListInput.omit(paging).prefault({}) }),
  z.strictObject({ kind: z.literal('companies'), filter: CompanyListInput.omit(paging).prefault({}) }),
  z.strictObject({ kind: z.literal('leads'), filter: LeadListInput.omit(paging).prefault({}) }),
  z.strictObject({ kind: z.literal('activities'), filter: ActivityListInput.omit(paging).prefault({}) }),
  z.strictObject({ kind: z.literal('campaigns'), filter: CampaignListInput.prefault({}) }),
  z.strictObject({
    kind: z.literal('spend'),
    filter: SpendListInput.omit({ ...paging, from: true, to: true }).prefault({}),
  }),
  z.strictObject({
    kind: z.literal('content'),
    filter: ContentRangeInput.pick({ channel: true, campaignId: true, status: true }).prefault({}),
  }),
  z.strictObject({ kind: z.literal('orders'), filter: SalesFilter.prefault({}) }),
  z.strictObject({ kind: z.literal('payments'), filter: SalesFilter.prefault({}) }),
  z.strictObject({ kind: z.literal('metrics'), filter: MetricsFilter.prefault({}) }),
]);
export type ExportSelection = z.input<typeof ExportSelection>;

export const CsvDelimiter = z.enum([',', ';', '\t']);
/** `utf-16le` is what Excel calls "Unicode text"; `windows-1252` is Excel's legacy Western encoding. */
export const CsvEncoding = z.enum(['utf-8', 'utf-8-no-bom', 'utf-16le', 'windows-1252']);
export type CsvEncoding = z.infer<typeof CsvEncoding>;

export const CsvOptions = z.strictObject({
  delimiter: CsvDelimiter.default(','),
  encoding: CsvEncoding.default('utf-8'),
  /** windows-1252 only: refuse a character it cannot hold (default), or write `?` and count it. */
  unencodable: z.enum(['refuse', 'replace']).default('refuse'),
});
export type CsvOptions = z.output<typeof CsvOptions>;

const Period = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] });

export const ExportInput = z.strictObject({
  selection: ExportSelection,
  /** Days (inclusive) on each kind's own date: created, due, spent, scheduled, ordered, paid, measured. */
  period: Period.optional(),
  options: CsvOptions.prefault({}),
  /**
   * `path`: a file the user chose (the desktop's save dialog grants it; the command line may name any).
   * `download`: the core writes into its own exports folder and the browser host streams the file back.
   */
  destination: z.discriminatedUnion('to', [
    z.strictObject({ to: z.literal('file'), path: z.string().trim().min(1, 'name a file').max(4096) }),
    z.strictObject({ to: z.literal('download') }),
  ]),
});
export type ExportInput = z.input<typeof ExportInput>;

export const ExportResult = z.object({
  kind: ExportKind,
  path: z.string(),
  /** The name to offer: the kind and the day, e.g. `contacts 2026-03-01.csv`. */
  fileName: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  /** Characters written as `?` because windows-1252 cannot hold them (only with `unencodable: replace`). */
  replaced: z.number().int(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const exportsApi = {
  /** Writes one list as CSV, streaming, through a temporary file renamed into place. */
  'exports.csv': query(ExportInput, ExportResult),
  /**
   * Asks where to save an export with the system's save dialog. The desktop shell answers it and grants the
   * chosen path; the core's own answer (browser host) is `supported: false`, and the page downloads instead.
   */
  'exports.chooseFile': query(
    z.strictObject({ defaultName: z.string().trim().min(1).max(200) }),
    z.object({ supported: z.boolean(), path: z.string().nullable() }),
  ),
};
