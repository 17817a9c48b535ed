import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@shared/contract/result';
import { createTestCore, type TestCore } from './testing';
import { allowedPath, grantFile } from './files';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'allowed';
}

describe('file access', () => {
  it('lets the command line use any path it is given', async () => {
    t = await createTestCore();
    expect(allowedPath(t.core.ctx, '/etc/passwd', 'read')).toBe('/etc/passwd');
  });

  it('in the app, reads only files the shell granted or Tandem keeps beside the database', async () => {
    const c = (t = await createTestCore({ fileAccess: 'granted' }));
    const ctx = c.core.ctx;
    const chosen = join(c.dir, 'chosen', 'people.csv');
    mkdirSync(join(c.dir, 'chosen'));
    writeFileSync(chosen, 'Email\n');
    expect(refusal(() => allowedPath(ctx, '/etc/passwd', 'read'))).toMatch(
      /^forbidden: .*only files you chose/,
    );
    expect(refusal(() => allowedPath(ctx, chosen, 'read'))).toMatch(/^forbidden/);
    c.core.grantFile(chosen, 'read');
    expect(allowedPath(ctx, chosen, 'read')).toBe(chosen);
    // The error file goes beside the chosen file; a read grant is no licence to write elsewhere.
    expect(allowedPath(ctx, join(c.dir, 'chosen', 'people-errors.csv'), 'write')).toContain('people-errors');
    expect(refusal(() => allowedPath(ctx, join(c.dir, 'elsewhere.csv'), 'write'))).toMatch(/^forbidden/);
    // Uploads and backups live beside the database.
    mkdirSync(join(c.dir, 'imports', 'u1'), { recursive: true });
    writeFileSync(join(c.dir, 'imports', 'u1', 'a.csv'), 'Email\n');
    expect(allowedPath(ctx, join(c.dir, 'imports', 'u1', 'a.csv'), 'read')).toContain('a.csv');
    expect(allowedPath(ctx, join(c.dir, 'backups', 'b.sqlite'), 'write')).toContain('b.sqlite');
  });

  it('is not fooled by .. or a symbolic link out of an allowed folder', async () => {
    const c = (t = await createTestCore({ fileAccess: 'granted' }));
    const ctx = c.core.ctx;
    mkdirSync(join(c.dir, 'imports'), { recursive: true });
    expect(refusal(() => allowedPath(ctx, join(c.dir, 'imports', '..', '..', 'etc-passwd'), 'read'))).toMatch(
      /^forbidden/,
    );
    symlinkSync('/etc/passwd', join(c.dir, 'imports', 'passwd.csv'));
    expect(refusal(() => allowedPath(ctx, join(c.dir, 'imports', 'passwd.csv'), 'read'))).toMatch(
      /^forbidden/,
    );
    grantFile(ctx, join(c.dir, 'imports', 'passwd.csv'), 'read');
    // Granting the link grants what it points to: the user chose it in the dialog.
    expect(allowedPath(ctx, '/etc/passwd', 'read')).toBe('/etc/passwd');
  });
});
