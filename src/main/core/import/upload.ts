import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fail } from '@shared/contract/result';
import type { Ctx } from '../context';

/** Largest file the browser UI may upload for import. */
export const UPLOAD_LIMIT = 200 * 1024 * 1024;

/** Uploads live beside the database (a job may be resumed later from the same file). */
export function uploadDir(ctx: Ctx): string {
  return join(dirname(ctx.sqlite.name), 'imports');
}

/** A name safe on every file system, keeping the extension the user sees. */
function safeName(name: string): string {
  const cleaned = basename(name)
    .replace(/[^\w.\- ]+/g, '_')
    .replace(/^\.+/, '')
    .slice(0, 120);
  return cleaned || 'upload.csv';
}

/**
 * Browser mode's stand-in for the open dialog: the file arrives in base64 pieces and is written to
 * `<db folder>/imports/<uploadId>/<name>`; the returned path is then given to imports.inspect/start.
 */
export function receiveUpload(ctx: Ctx, input: { name: string; contentBase64: string; uploadId?: string }) {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const uploadId = input.uploadId ?? `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}`;
  const folder = join(uploadDir(ctx), uploadId);
  let path: string;
  if (input.uploadId) {
    const existing = existsSync(folder) ? readdirSync(folder)[0] : undefined;
    if (!existing) fail('not_found', 'That upload does not exist; start the upload again.');
    path = join(folder, existing as string);
    if (statSync(path).size + bytes.length > UPLOAD_LIMIT)
      fail('validation', 'The file is larger than 200 MB; split it or import it from the desktop app.');
    appendFileSync(path, bytes);
  } else {
    if (bytes.length > UPLOAD_LIMIT)
      fail('validation', 'The file is larger than 200 MB; split it or import it from the desktop app.');
    mkdirSync(folder, { recursive: true });
    path = join(folder, safeName(input.name));
    writeFileSync(path, bytes);
  }
  return { uploadId, path, size: statSync(path).size };
}
