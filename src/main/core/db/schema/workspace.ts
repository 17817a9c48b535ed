import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rowColumns } from './columns';

/** A single row (id `workspace`): who the business is and how it writes money and dates. */
export const workspaceSettings = sqliteTable('workspace_settings', {
  ...rowColumns(),
  businessName: text('business_name').notNull(),
  /** ISO 4217 code; all money in the workspace is in this currency's minor units. */
  currency: text('currency').notNull(),
  /** The currency before the last change, so the change can be taken back (amounts were never converted). */
  previousCurrency: text('previous_currency'),
  /** BCP 47 tag for number and date formats. */
  locale: text('locale').notNull(),
  /** 1 = January. */
  fiscalYearStartMonth: integer('fiscal_year_start_month').notNull(),
  /** 0 = Sunday, 1 = Monday. */
  weekStart: integer('week_start').notNull(),
  /** The workspace was set up (demo or empty); before this the app offers the choice. */
  initializedAt: text('initialized_at'),
});

/**
 * Links a delete cut: a record that stays (an order, a lead kept without its contact) had its reference to
 * the deleted record set to NULL, so nothing points at a record in the Trash. Restoring the record puts each
 * link back (where nothing else has been linked since) and removes these rows. `deleted_at` is the stamp of
 * the delete, the same one every record deleted with it carries.
 */
export const unlinkedRefs = sqliteTable(
  'unlinked_refs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    deletedTable: text('deleted_table').notNull(),
    deletedId: text('deleted_id').notNull(),
    deletedAt: text('deleted_at').notNull(),
    refTable: text('ref_table').notNull(),
    refColumn: text('ref_column').notNull(),
    refId: text('ref_id').notNull(),
  },
  (t) => [index('unlinked_refs_deleted_idx').on(t.deletedTable, t.deletedId, t.deletedAt)],
);
