import { eq } from 'drizzle-orm';
import type { Settings, SettingsUpdate } from '@shared/api/settings';
import { workspaceSettings } from '../db/schema';
import type { Ctx } from '../context';
import { WORKSPACE_ID } from '../workspace/defaults';

export function getSettings(ctx: Ctx): Settings {
  const row = ctx.db.select().from(workspaceSettings).where(eq(workspaceSettings.id, WORKSPACE_ID)).get();
  if (!row) throw new Error('workspace settings row is missing');
  return {
    businessName: row.businessName,
    currency: row.currency,
    locale: row.locale,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    weekStart: row.weekStart,
    initialized: row.initializedAt !== null,
  };
}

export function updateSettings(ctx: Ctx, update: SettingsUpdate): Settings {
  ctx.db
    .update(workspaceSettings)
    .set({ ...update, updatedAt: ctx.nowIso() })
    .where(eq(workspaceSettings.id, WORKSPACE_ID))
    .run();
  return getSettings(ctx);
}

export function markInitialized(ctx: Ctx): void {
  ctx.db
    .update(workspaceSettings)
    .set({ initializedAt: ctx.nowIso(), updatedAt: ctx.nowIso() })
    .where(eq(workspaceSettings.id, WORKSPACE_ID))
    .run();
}
