import { eq } from 'drizzle-orm';
import type { Settings, SettingsUpdate } from '@shared/api/settings';
import { callingCodeFor } from '@shared/domain/phone';
import { workspaceSettings } from '../db/schema';
import type { Ctx } from '../context';
import { WORKSPACE_ID } from '../workspace/defaults';
import { fail } from '@shared/contract/result';
import { rekeyNationalPhones } from '../contacts/phone-keys';
import { writeTransaction } from '../db/transaction';
import { runningImport } from '../import/job/turn';

export function getSettings(ctx: Ctx): Settings {
  const row = ctx.db.select().from(workspaceSettings).where(eq(workspaceSettings.id, WORKSPACE_ID)).get();
  if (!row) throw new Error('workspace settings row is missing');
  return {
    businessName: row.businessName,
    currency: row.currency,
    previousCurrency: row.previousCurrency,
    locale: row.locale,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    weekStart: row.weekStart,
    initialized: row.initializedAt !== null,
  };
}

/**
 * Saves the settings; once the workspace is set up, a new currency keeps the one it replaces, so the change can
 * be taken back (the first start's choice replaces only the default).
 */
export function updateSettings(ctx: Ctx, update: SettingsUpdate): Settings {
  writeTransaction(ctx.sqlite, () => {
    const before = getSettings(ctx);
    // National numbers (`030 1234567`) are keyed with the locale's calling code: a new one re-keys them, so
    // they meet the same numbers written with it (`+49 30 1234567`). A running import keys its rows with the
    // code it started with, so the code does not change under it.
    const code = callingCodeFor(update.locale ?? before.locale);
    const rekey = code !== callingCodeFor(before.locale);
    const importing = rekey ? runningImport(ctx.sqlite, ctx.nowIso) : null;
    if (importing)
      fail(
        'conflict',
        `An import of ${importing.file_name} is running and matches phone numbers by the locale's country: change the locale once it has finished. Nothing was changed.`,
      );
    const previous =
      before.initialized && update.currency !== undefined && update.currency !== before.currency
        ? { previousCurrency: before.currency }
        : {};
    ctx.db
      .update(workspaceSettings)
      .set({ ...update, ...previous, updatedAt: ctx.nowIso() })
      .where(eq(workspaceSettings.id, WORKSPACE_ID))
      .run();
    if (rekey) rekeyNationalPhones(ctx.sqlite, code);
  });
  return getSettings(ctx);
}

/** The calling code the workspace's national phone numbers are keyed with, from its locale. */
export function workspaceCallingCode(ctx: Ctx): string {
  return callingCodeFor(getSettings(ctx).locale);
}

export function markInitialized(ctx: Ctx): void {
  ctx.db
    .update(workspaceSettings)
    .set({ initializedAt: ctx.nowIso(), updatedAt: ctx.nowIso() })
    .where(eq(workspaceSettings.id, WORKSPACE_ID))
    .run();
}
