import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { backupsToKeep } from '@shared/domain/backup-rotation';
import { zonedDay } from '@shared/domain/time-zone';
import type { BackupEntry, BackupKind } from '@shared/api/system';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';
import { backupTo } from '../db/backup';

/** `<db dir>/backups`: automatic, manual and safety copies, and the copies taken before migrating. */
export function backupsFolder(file: string): string {
  return join(dirname(file), 'backups');
}

/** The time as it can stand in a file name on every platform (no colons). */
function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

/** `<db name>.<kind>-<UTC time>.sqlite`, the same shape as the copies taken before a migration. */
export function backupFileName(file: string, at: Date, kind: Exclude<BackupKind, 'other'>): string {
  return `${basename(file).replace(/\.[^.]+$/, '')}.${kind}-${fileStamp(at)}.sqlite`;
}

const NAME =
  /\.(daily|manual|before-restore|before-migration)-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z\.sqlite$/;

/** Calendar days are the machine's: "once a day" means the user's day. */
const machineTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const liveFile = (ctx: Ctx) => resolve(ctx.sqlite.name);

function entryOf(folder: string, name: string): BackupEntry {
  const match = NAME.exec(name);
  const bytes = statSync(join(folder, name)).size;
  if (!match) return { id: name, kind: 'other', at: statSync(join(folder, name)).mtime.toISOString(), bytes };
  const [, kind, day, h, m, s, ms] = match;
  return { id: name, kind: kind as BackupKind, at: `${day}T${h}:${m}:${s}.${ms}Z`, bytes };
}

/** Every `.sqlite` file in the backups folder, newest first. */
export function listBackups(ctx: Ctx): { folder: string; backups: BackupEntry[] } {
  const folder = backupsFolder(liveFile(ctx));
  if (!existsSync(folder)) return { folder, backups: [] };
  const backups = readdirSync(folder)
    .filter((name) => name.endsWith('.sqlite'))
    .map((name) => entryOf(folder, name))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
  return { folder, backups };
}

/** A checked copy into the backups folder (the copies taken before a restore and a migration have theirs). */
export async function createBackup(ctx: Ctx, kind: 'daily' | 'manual'): Promise<BackupEntry> {
  if (ctx.sqlite.memory) fail('conflict', 'An in-memory database has no backups folder.');
  const folder = backupsFolder(liveFile(ctx));
  mkdirSync(folder, { recursive: true });
  const name = backupFileName(liveFile(ctx), ctx.clock.now(), kind);
  if (existsSync(join(folder, name))) fail('conflict', `${name} already exists; try again in a moment.`);
  await backupTo(ctx.sqlite, join(folder, name));
  return entryOf(folder, name);
}

/**
 * The automatic backup: at most one a day (by the core's clock, in the machine's time zone), then the
 * automatic backups are rotated (src/shared/domain/backup-rotation.ts). Manual backups and safety copies
 * are never rotated away.
 */
export async function dailyBackup(
  ctx: Ctx,
  timeZone = machineTimeZone(),
): Promise<{ created: BackupEntry | null; removed: string[] }> {
  const today = zonedDay(ctx.clock.now().getTime(), timeZone);
  const daily = () => listBackups(ctx).backups.filter((b) => b.kind === 'daily');
  if (daily().some((b) => zonedDay(Date.parse(b.at), timeZone) === today))
    return { created: null, removed: [] };
  const created = await createBackup(ctx, 'daily');
  const all = daily();
  const keep = backupsToKeep(all, timeZone);
  const folder = backupsFolder(liveFile(ctx));
  const removed = all.filter((b) => !keep.has(b.id)).map((b) => b.id);
  for (const id of removed) rmSync(join(folder, id), { force: true });
  return { created, removed };
}
