import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { rowColumns } from './columns';

/** A single row (id `workspace`): who the business is and how it writes money and dates. */
export const workspaceSettings = sqliteTable('workspace_settings', {
  ...rowColumns(),
  businessName: text('business_name').notNull(),
  /** ISO 4217 code; all money in the workspace is in this currency's minor units. */
  currency: text('currency').notNull(),
  /** BCP 47 tag for number and date formats. */
  locale: text('locale').notNull(),
  /** 1 = January. */
  fiscalYearStartMonth: integer('fiscal_year_start_month').notNull(),
  /** 0 = Sunday, 1 = Monday. */
  weekStart: integer('week_start').notNull(),
  /** The workspace was set up (demo or empty); before this the app offers the choice. */
  initializedAt: text('initialized_at'),
});
