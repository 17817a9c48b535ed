import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fail } from '@shared/contract/result';
import type { Ctx } from './context';

/**
 * Which files a contract method may read or write when it is handed a path.
 *
 * - `any`: the command line and tests; the user typed the path and owns the process.
 * - `granted`: the desktop app and the browser host. A path is usable only when the user chose it in this
 *   run (the shell's open or save dialog grants it), or it lies in a folder Tandem keeps beside the
 *   database (browser uploads, backups). A page that somehow reached the API cannot read `/etc/passwd`
 *   or write over a file the user never picked.
 */
export type FileAccessMode = 'any' | 'granted';

export type FileUse = 'read' | 'write';

interface Policy {
  mode: FileAccessMode;
  read: Set<string>;
  write: Set<string>;
  /** Folders the user chose a file in: the error CSV beside an import goes there. */
  folders: Set<string>;
}

const policies = new WeakMap<object, Policy>();

function policy(ctx: Ctx): Policy {
  let found = policies.get(ctx.sqlite);
  if (!found) {
    found = { mode: 'any', read: new Set(), write: new Set(), folders: new Set() };
    policies.set(ctx.sqlite, found);
  }
  return found;
}

/** The real path when the file exists (symlinks resolved), else the real folder joined with the name. */
function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), relative(dirname(absolute), absolute));
    } catch {
      return absolute;
    }
  }
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Folders beside the database that Tandem itself writes: uploads and backups. */
export function ownFolders(ctx: Ctx): string[] {
  const base = dirname(canonical(ctx.sqlite.name));
  return [join(base, 'imports'), join(base, 'backups')];
}

export function useFileAccess(ctx: Ctx, mode: FileAccessMode): void {
  policy(ctx).mode = mode;
}

/**
 * A restore reopens the database: the files the user chose in this run stay chosen on the new connection
 * (it is the same window and the same user; only the data was swapped).
 */
export function carryFileAccess(previous: object, ctx: Ctx): void {
  const found = policies.get(previous);
  if (found) policies.set(ctx.sqlite, found);
}

/** The shell calls this with what its dialog returned; nothing on the page can. */
export function grantFile(ctx: Ctx, path: string, use: FileUse): void {
  const p = policy(ctx);
  const file = canonical(path);
  (use === 'read' ? p.read : p.write).add(file);
  p.folders.add(dirname(file));
}

/**
 * Returns the absolute path a method may use, or refuses with the reason. Call it before opening anything.
 */
export function allowedPath(ctx: Ctx, path: string, use: FileUse): string {
  const absolute = resolve(path);
  const p = policy(ctx);
  if (p.mode === 'any') return absolute;
  const file = canonical(path);
  if (ownFolders(ctx).some((folder) => inside(folder, file))) return absolute;
  if (use === 'read' && p.read.has(file)) return absolute;
  if (use === 'write' && (p.write.has(file) || p.folders.has(dirname(file)))) return absolute;
  return fail(
    'forbidden',
    use === 'read'
      ? `Tandem opens only files you chose in this window: choose ${absolute} with "Choose file" first.`
      : `Tandem saves only where you chose in this window: ${absolute} was not chosen.`,
  );
}
