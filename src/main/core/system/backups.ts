import { basename, dirname, join } from 'node:path';

/** What made a backup in the backups folder; the kind is part of its file name. */
export type BackupKind = 'daily' | 'manual' | 'before-restore' | 'before-migration';

/** `<db dir>/backups`: automatic, manual and safety copies, and the copies taken before migrating. */
export function backupsFolder(file: string): string {
  return join(dirname(file), 'backups');
}

/** The time as it can stand in a file name on every platform (no colons). */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** `<db name>.<kind>-<UTC time>.sqlite`, the same shape as the copies taken before a migration. */
export function backupFileName(file: string, at: Date, kind: BackupKind): string {
  return `${basename(file).replace(/\.[^.]+$/, '')}.${kind}-${fileStamp(at)}.sqlite`;
}
