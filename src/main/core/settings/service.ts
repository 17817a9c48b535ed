import { eq } from 'drizzle-orm';
import type { Settings, SettingsUpdate } from '@shared/api/settings';
import { fail } from '@shared/contract/result';
import { callingCodeFor } from '@shared/domain/phone';
import type { Ctx } from '../context';
import { rekeyNationalPhones } from '../contacts/phone-keys';
import { workspaceSettings } from '../db/schema';
import { writeTransaction } from '../db/transaction';
import { runningImport } from '../import/job/turn';
import { WORKSPACE_ID } from '../workspace/defaults';

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
    rekeyForLocale(ctx, before.locale, update.locale ?? before.locale);
    const previous =
      before.initialized && update.currency !== undefined && update.currency !== before.currency
        ? { previousCurrency: before.currency }
        : {};
    ctx.db
      .update(workspaceSettings)
      .set({ ...update, ...previous, updatedAt: ctx.nowIso() })
      .where(eq(workspaceSettings.id, WORKSPACE_ID))
      .run();
  });
  return getSettings(ctx);
}

/**
 * National numbers (`030 1234567`) are keyed with the locale's calling code: a locale with another one re-keys
 * them, so they meet the same numbers written with it (`+49 30 1234567`). Refused while an import runs, as it
 * keys its rows with the code it started with. Runs inside the caller's transaction, before the locale is saved.
 */
export function rekeyForLocale(ctx: Pick<Ctx, 'sqlite' | 'nowIso'>, from: string, to: string): void {
  const code = callingCodeFor(to);
  if (code === callingCodeFor(from)) return;
  const importing = runningImport(ctx.sqlite, ctx.nowIso);
  if (importing)
    fail(
      'conflict',
      `An import of ${importing.file_name} is running and matches phone numbers by the locale's country: change the locale once it has finished. Nothing was changed.`,
    );
  rekeyNationalPhones(ctx.sqlite, code);
}

export function markInitialized(ctx: Ctx): void {
  ctx.db
    .update(workspaceSettings)
    .set({ initializedAt: ctx.nowIso(), updatedAt: ctx.nowIso() })
    .where(eq(workspaceSettings.id, WORKSPACE_ID))
    .run();
}
