import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { deletedAt, rowColumns } from './columns';
import { campaigns, contentItems } from './marketing';
import { contacts } from './sales';

/**
 * Touches a user records by hand ("heard about us from a friend at CoffeeFest"). Every other touch is read
 * from its record through the `touch_log` view, so it follows imports, edits and undo by construction.
 */
export const manualTouches = sqliteTable(
  'manual_touches',
  {
    ...rowColumns(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    at: text('at').notNull(),
    channel: text('channel'),
    campaignId: text('campaign_id').references(() => campaigns.id),
    contentItemId: text('content_item_id').references(() => contentItems.id),
    note: text('note').notNull().default(''),
    deletedAt: deletedAt(),
  },
  (t) => [index('manual_touches_contact_idx').on(t.contactId, t.at), index('manual_touches_at_idx').on(t.at)],
);

/**
 * A reconciliation list item the user marked as needing no fix ("a gift card sale, no campaign to find").
 * `recordKind` is order, payment or lead; `problem` the list it leaves (ordersWithoutContact, …).
 */
export const reconciliationMarks = sqliteTable(
  'reconciliation_marks',
  {
    ...rowColumns(),
    recordKind: text('record_kind').notNull(),
    recordId: text('record_id').notNull(),
    action: text('action').notNull(),
  },
  (t) => [uniqueIndex('reconciliation_marks_record_idx').on(t.recordKind, t.recordId)],
);
