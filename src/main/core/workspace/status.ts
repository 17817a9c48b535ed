import { isNull } from 'drizzle-orm';
import type { WorkspaceStatus } from '@shared/api/settings';
import { fail } from '@shared/contract/result';
import { activities, campaigns, contacts, leads, orders, plans } from '../db/schema';
import type { Ctx } from '../context';
import { countRows } from '../db/count';
import { generateDemo } from '../demo/generate';
import { getSettings, markInitialized } from '../settings/service';
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

/** The first-start choice. Refused once the workspace holds data, so a demo never mixes with real records. */
export function setupWorkspace(ctx: Ctx, mode: 'demo' | 'empty'): WorkspaceStatus {
  const status = workspaceStatus(ctx);
  if (status.initialized) fail('conflict', 'This workspace is already set up.');
  const hasData = Object.values(status.counts).some((n) => n > 0);
  writeTransaction(ctx.sqlite, () => {
    if (mode === 'demo') {
      if (hasData)
        fail('conflict', 'The demo can only fill an empty workspace; this one already has records.');
      generateDemo(ctx, { scale: 1 });
    }
    markInitialized(ctx);
  });
  return workspaceStatus(ctx);
}
