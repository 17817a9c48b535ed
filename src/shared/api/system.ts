import { z } from 'zod';
import { command, query } from '../contract/define';

export const ExternalUrl = z.url({
  protocol: /^https?$/,
  message: 'expected a web address starting with http:// or https://',
});

const FilePath = z.string().trim().min(1, 'name a file').max(4096);

/** Rows per table of the database file, every table included: what a backup or a restore carried. */
export const TableCounts = z.record(z.string(), z.number().int());

export const BACKUP_KINDS = ['daily', 'manual', 'before-restore', 'before-migration', 'other'] as const;
/** Automatic (daily), "Back up now", the safety copy taken before a restore or a migration, or a file put there. */
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** One file of the backups folder (`<db dir>/backups`); its id is its file name. */
export const BackupEntry = z.object({
  id: z.string(),
  kind: z.enum(BACKUP_KINDS),
  /** When it was taken (from its name; a file put there by hand: when it was last written). */
  at: z.string(),
  bytes: z.number().int(),
});
export type BackupEntry = z.infer<typeof BackupEntry>;

const RestoreResult = z.object({ path: z.string(), previous: z.string().nullable(), counts: TableCounts });

export const systemApi = {
  /** The core's clock: the renderer asks it what "today" is, so tests and demos can set the date. */
  'system.now': query(z.strictObject({}), z.object({ now: z.string() })),
  /**
   * Asks to open a web page outside Tandem. The desktop shell answers it (system browser, http(s) only);
   * the core's own answer, used by the browser host, refuses: a page must never navigate away from Tandem.
   */
  /**
   * Asks for a file to import with the system's open dialog. The desktop shell answers it; the core's own
   * answer (browser host) is `supported: false`, and the page uploads the file instead.
   */
  'system.chooseImportFile': query(
    z.strictObject({}),
    z.object({ supported: z.boolean(), path: z.string().nullable() }),
  ),
  'system.openExternal': query(
    z.strictObject({ url: ExternalUrl }),
    z.object({ opened: z.boolean(), message: z.string() }),
  ),
  /** Writes a consistent, self-contained copy of the database to a new file (`tandem backup`). */
  'system.backup': query(
    z.strictObject({ path: FilePath }),
    z.object({ path: z.string(), counts: TableCounts }),
  ),
  /**
   * Replaces the database with a checked backup (`tandem restore`), keeping a safety copy of what it
   * replaced in the backups folder unless `keepCurrent` is false; the core reopens the file, migrating an
   * older backup. Refused, with nothing changed, when the file is not a whole Tandem database this version
   * can open: see src/main/core/system/restore.ts.
   */
  'system.restore': command(
    z.strictObject({ path: FilePath, keepCurrent: z.boolean().default(true) }),
    RestoreResult,
  ),
  /** The backups folder's files, newest first (Settings → Backups). */
  'system.backups.list': query(
    z.strictObject({}),
    z.object({ folder: z.string(), backups: z.array(BackupEntry) }),
  ),
  /** "Back up now": a checked copy into the backups folder, kept until the user removes it. */
  'system.backups.create': command(z.strictObject({}), BackupEntry),
  /**
   * The automatic backup, asked for by the app's timer: one a day at most, then the automatic backups are
   * rotated (7 daily, 4 weekly, 12 monthly). `created` is null when today's exists.
   */
  'system.backups.daily': command(
    z.strictObject({}),
    z.object({ created: BackupEntry.nullable(), removed: z.array(z.string()) }),
  ),
  /** Restores a file of the backups folder by its id, keeping a safety copy of the current database. */
  'system.backups.restore': command(
    z.strictObject({ id: z.string().trim().min(1, 'choose a backup').max(255) }),
    RestoreResult,
  ),
};
