import { z } from 'zod';
import { command, query } from '../contract/define';

export const ExternalUrl = z.url({
  protocol: /^https?$/,
  message: 'expected a web address starting with http:// or https://',
});

const FilePath = z.string().trim().min(1, 'name a file').max(4096);

/** Rows per table of the database file, every table included: what a backup or a restore carried. */
export const TableCounts = z.record(z.string(), z.number().int());

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
   * Replaces the database's content with a backup's (`tandem restore`), keeping a copy of what it replaced
   * beside it unless `keepCurrent` is false. The caller closes this core afterwards and opens a new one,
   * which migrates an older backup: see src/main/core/system/restore.ts.
   */
  'system.restore': command(
    z.strictObject({ path: FilePath, keepCurrent: z.boolean().default(true) }),
    z.object({ path: z.string(), previous: z.string().nullable(), counts: TableCounts }),
  ),
};
