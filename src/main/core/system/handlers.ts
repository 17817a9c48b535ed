import { allowedPath } from '../files';
import type { Handlers } from '../handlers';
import { backupDatabase } from './backup';
import { createBackup, dailyBackup, listBackups } from './backups';
import { restoreBackup, restoreDatabase } from './restore';

export const systemHandlers = {
  'system.chooseImportFile': () => ({ supported: false, path: null }),
  'system.now': (_input, ctx) => ({ now: ctx.nowIso() }),
  'system.openExternal': () => ({
    opened: false,
    message:
      'Tandem does not leave the app for outside pages here. Copy the link and open it in your browser.',
  }),
  'system.backup': (input, ctx) => backupDatabase(ctx, allowedPath(ctx, input.path, 'write')),
  'system.restore': (input, ctx) =>
    restoreDatabase(ctx, { ...input, path: allowedPath(ctx, input.path, 'read') }),
  'system.backups.list': (_input, ctx) => listBackups(ctx),
  'system.backups.create': (_input, ctx) => createBackup(ctx, 'manual'),
  'system.backups.daily': (_input, ctx) => dailyBackup(ctx),
  'system.backups.restore': (input, ctx) => restoreBackup(ctx, input.id),
} satisfies Partial<Handlers>;
