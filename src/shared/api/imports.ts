import { z } from 'zod';
import { SpendOverlap } from './spend';
import { command, query } from '../contract/define';
import { Id } from '../domain/ids';

/**
 * What an import writes: people, deals, shop orders, payments, daily marketing numbers, and (mostly from
 * Tandem's own exports) companies, activities, campaigns, spend entries and content items.
 */
export const ImportKind = z.enum([
  'contacts',
  'deals',
  'orders',
  'payments',
  'metrics',
  'companies',
  'activities',
  'campaigns',
  'spend',
  'content',
]);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportStatus = z.enum([
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
  'interrupted',
  'undoing',
  'undone',
]);
export type ImportStatus = z.infer<typeof ImportStatus>;

/** A path on this computer: from the native open dialog, or from `imports.upload` in the browser. */
const FilePath = z.string().trim().min(1, 'choose a file').max(4096);

/** Target field per source column header; columns left out are not imported. */
export const ColumnMapping = z.record(z.string().max(500), z.string().max(60));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/** How to read values the file leaves ambiguous; the inspect result suggests them. */
export const ImportOptions = z.strictObject({
  /** Sheet of a workbook (name); default the first. */
  sheet: z.string().max(200).optional(),
  /** Day/month order of dates such as 03/04/2026, for every date column. */
  dateOrder: z.enum(['DMY', 'MDY']).optional(),
  /** Day/month order per column header (the mapping screen's choice); wins over dateOrder. */
  dateOrders: z.record(z.string().max(500), z.enum(['DMY', 'MDY'])).optional(),
  decimalSeparator: z.enum(['.', ',']).optional(),
  /** IANA zone for times written without an offset; default this computer's zone. */
  timeZone: z.string().max(64).optional(),
  /** Name of the system the file came from, kept on each record (generic mappings only). */
  source: z.string().trim().max(40).optional(),
});
export type ImportOptions = z.infer<typeof ImportOptions>;

export const TargetField = z.object({
  name: z.string(),
  label: z.string(),
  /** Must be mapped for the kind to import. */
  required: z.boolean(),
  /** At least one field of the same group must be mapped (e.g. e-mail or phone for contacts). */
  oneOf: z.string().nullable(),
  description: z.string(),
});
export type TargetField = z.infer<typeof TargetField>;

export const KindFields = z.object({
  kind: ImportKind,
  label: z.string(),
  fields: z.array(TargetField),
  /** Plain-language rule for the oneOf groups, e.g. "map an e-mail or a phone column". */
  rules: z.array(z.string()),
});

export const PresetInfo = z.object({ name: z.string(), label: z.string(), kind: ImportKind });

export const RowIssueInfo = z.object({ row: z.number().int(), line: z.number().int(), message: z.string() });

export const ImportJob = z.object({
  id: z.string(),
  fileName: z.string(),
  fileSize: z.number().int(),
  kind: ImportKind,
  preset: z.string().nullable(),
  presetLabel: z.string().nullable(),
  status: ImportStatus,
  /** File records (rows); known once the whole file has been read. */
  rowsTotal: z.number().int().nullable(),
  /** File records whose effects are committed (the resume point). */
  rowsDone: z.number().int(),
  /** Counted in records of the kind (contacts, deals, orders, payments, daily metric rows), not file rows. */
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows left out on purpose, each with a note (e.g. an export's summary row). */
  skipped: z.number().int(),
  errorCount: z.number().int(),
  message: z.string().nullable(),
  /** Campaigns this job created as drafts for tracking codes it did not know. */
  newCampaigns: z.array(
    z.object({ id: z.string(), name: z.string(), trackingCode: z.string(), channel: z.string() }),
  ),
  /** Campaigns this job brought spend for whose imported days overlap spend logged by hand. */
  spendOverlaps: z.array(SpendOverlap),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  canCancel: z.boolean(),
  canResume: z.boolean(),
  canUndo: z.boolean(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportInspection = z.object({
  path: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  /** The file starts with a byte-order mark. */
  bom: z.boolean(),
  delimiter: z.string().nullable(),
  headerLine: z.number().int(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  columns: z.array(z.string()),
  /** Data records in the whole file. */
  records: z.number().int(),
  /** The first records, as written (for the mapping screen's preview). */
  sample: z.array(z.array(z.string())),
  issueCount: z.number().int(),
  issues: z.array(RowIssueInfo),
  /** The export this header was recognised as, if any. */
  preset: PresetInfo.nullable(),
  kind: ImportKind.nullable(),
  /** Mapping to offer: the preset's, the one remembered for this header, or one guessed from column names. */
  mapping: ColumnMapping,
  mappingSource: z.enum(['preset', 'remembered', 'guessed']),
  headerSignature: z.string(),
  /** Suggested options read from the sample (decimal separator of mapped columns). */
  options: ImportOptions,
  /**
   * Day/month order of each column holding dates like 03/04/2026, judged from all its values: 'ambiguous'
   * when every value reads both ways (the import then takes the workspace locale's order).
   */
  dateColumns: z.record(z.string(), z.enum(['DMY', 'MDY', 'ambiguous'])),
  kinds: z.array(KindFields),
  presets: z.array(PresetInfo),
  /** Earlier jobs of the same file (same content hash), newest first. */
  previousImports: z.array(ImportJob),
});
export type ImportInspection = z.infer<typeof ImportInspection>;

export const ImportRowError = z.object({
  /** Row as a spreadsheet shows it: the header is row 1 (the physical line where the record starts). */
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['error', 'note']),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportStart = z.strictObject({
  path: FilePath,
  kind: ImportKind.optional(),
  /** Preset name; detected from the header when neither preset nor mapping is given. */
  preset: z.string().max(60).optional(),
  /** A generic mapping (requires kind); remembered for files with the same header. */
  mapping: ColumnMapping.optional(),
  options: ImportOptions.optional(),
});
export type ImportStart = z.input<typeof ImportStart>;

const JobId = z.strictObject({ id: Id });

/** A row's problem as the command line reports it. */
const RowProblem = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });

export const importsApi = {
  /** Reads a file without writing anything: layout, first rows, recognised export, fields to map to. */
  'imports.inspect': query(
    z.strictObject({ path: FilePath, sheet: z.string().max(200).optional() }),
    ImportInspection,
  ),
  /** Starts a job in the import worker; progress arrives as `import.progress` events. */
  'imports.start': command(ImportStart, ImportJob),
  /**
   * Runs a job to its end and answers with every row error and note (`tandem import`). A file found
   * unreadable midway is refused like one unreadable from the start, and leaves no job behind.
   */
  'imports.run': command(
    ImportStart,
    z.object({
      job: ImportJob,
      errors: z.array(RowProblem),
      notes: z.array(RowProblem),
      /** Column → field as the job read the file (the preset's, the user's, the remembered or the guessed). */
      mapping: ColumnMapping,
      /** The file's columns the mapping left out, in the file's order. */
      leftOut: z.array(z.string()),
    }),
  ),
  'imports.list': query(
    z.strictObject({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    z.object({ total: z.number().int(), rows: z.array(ImportJob) }),
  ),
  'imports.get': query(JobId, ImportJob),
  'imports.errors': query(
    z.strictObject({
      id: Id,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ total: z.number().int(), rows: z.array(ImportRowError) }),
  ),
  /** Writes the job's row errors and notes as CSV (row, column, problem, then the row as it was). */
  'imports.saveErrors': command(
    z.strictObject({ id: Id, path: FilePath }),
    z.object({ path: z.string(), rows: z.number().int() }),
  ),
  /** Stops after the batch being written; what was committed stays and can be resumed or undone. */
  'imports.cancel': command(JobId, ImportJob),
  /** Removes what the job inserted and restores what it updated, as one job in the worker. */
  'imports.undo': command(JobId, ImportJob),
  /** Continues a cancelled or interrupted job after its last committed batch. */
  'imports.resume': command(JobId, ImportJob),
  /**
   * Browser mode has no file paths: the file is sent in pieces (base64, a few MB each; 200 MB in all) and
   * stored in a private import folder. Pass the returned uploadId with every piece after the first.
   */
  'imports.upload': command(
    z.strictObject({
      name: z.string().trim().min(1).max(255),
      contentBase64: z.string().max(8 * 1024 * 1024),
      uploadId: z
        .string()
        .regex(/^[a-z0-9-]{8,64}$/)
        .optional(),
    }),
    z.object({ uploadId: z.string(), path: z.string(), size: z.number().int() }),
  ),
};
