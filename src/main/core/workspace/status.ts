import { isNull } from 'drizzle-orm';
import type { SettingsUpdate, WorkspaceStatus } from '@shared/api/settings';
import { fail } from '@shared/contract/result';
import { activities, campaigns, contacts, leads, orders, plans } from '../db/schema';
import type { Ctx } from '../context';
import { countRows } from '../db/count';
import { generateDemo, type DemoCounts } from '../demo/generate';
import { getSettings, markInitialized, updateSettings } from '../settings/service';
import { writeTransaction } from '../db/transaction';

export function workspaceStatus(ctx: Ctx): WorkspaceStatus {
  const { db } = ctx;
  return {
    initialized: getSettings(ctx).initialized,
    counts: {
      contacts: countRows(db, contacts, isNull(contacts.deletedAt)),
      leads: countRows(db, leads, isNull(leads.deletedAt)),
      activities: countRows(db, activities, isNull(activities.deletedAt)),
      plans: countRows(db, plans, isNull(plans.deletedAt)),
      campaigns: countRows(db, campaigns, isNull(campaigns.deletedAt)),
      orders: countRows(db, orders, isNull(orders.deletedAt)),
    },
  };
}

/** Writes the demo business in one transaction; refused once the workspace holds records, so a demo never mixes with real ones. */
export function fillWithDemo(ctx: Ctx, scale: number): DemoCounts {
  if (Object.values(workspaceStatus(ctx).counts).some((n) => n > 0))
    fail('conflict', 'The demo can only fill an empty workspace; this one already holds records.');
  return writeTransaction(ctx.sqlite, () => {
    const counts = generateDemo(ctx, { scale });
    markInitialized(ctx);
    return counts;
  });
}

/**
 * The first-start choice: the demo business, or an empty workspace, with the settings asked for first. The
 * demo writes its own name and currency (its amounts are dollars), so those two are not applied to it.
 */
export function setupWorkspace(
  ctx: Ctx,
  mode: 'demo' | 'empty',
  settings: SettingsUpdate = {},
): WorkspaceStatus {
  if (getSettings(ctx).initialized) fail('conflict', 'This workspace is already set up.');
  writeTransaction(ctx.sqlite, () => {
    if (mode === 'demo') {
      fillWithDemo(ctx, 1);
      const display = Object.fromEntries(
        Object.entries(settings).filter(([key]) => key !== 'businessName' && key !== 'currency'),
      ) as SettingsUpdate;
      updateSettings(ctx, display);
    } else {
      updateSettings(ctx, settings);
      markInitialized(ctx);
    }
  });
  return workspaceStatus(ctx);
}
