import { z } from 'zod';
import { command, query } from '../contract/define';
import { isCurrencyCode } from '../domain/currency';

export const Settings = z.object({
  businessName: z.string(),
  currency: z.string(),
  /** The currency before the last change (amounts keep their numbers), so it can be switched back; null if none. */
  previousCurrency: z.string().nullable(),
  locale: z.string(),
  fiscalYearStartMonth: z.number().int(),
  weekStart: z.number().int(),
  initialized: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const CurrencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, 'expected a currency code like USD or EUR');

export const SettingsUpdate = z.strictObject({
  businessName: z.string().trim().min(1, 'enter the business name').max(120).optional(),
  currency: CurrencyCode.optional(),
  locale: z
    .string()
    .trim()
    .refine(isLocale, 'expected a locale like en-US or de-DE')
    // Kept as written canonically: "DE-de" is de-DE.
    .transform((tag) => Intl.getCanonicalLocales(tag)[0] ?? tag)
    .optional(),
  fiscalYearStartMonth: z
    .number()
    .int()
    .min(1, 'expected a month 1–12')
    .max(12, 'expected a month 1–12')
    .optional(),
  weekStart: z.union([z.literal(0), z.literal(1)]).optional(),
});
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

/** Imported orders or payments of one currency. */
export const CurrencyCount = z.object({
  kind: z.enum(['orders', 'payments']),
  currency: z.string(),
  count: z.number().int(),
  /** Their amounts before refunds, in minor units of `currency`. */
  amountMinor: z.number().int(),
});
export type CurrencyCount = z.infer<typeof CurrencyCount>;

/**
 * What changing the workspace currency does. Nothing is converted: budgets, spend, lead values and plan goals
 * keep their numbers under the new currency's name; imported orders and payments keep their own currency and
 * count only where it is the workspace's.
 */
export const CurrencyPreview = z.object({
  from: z.string(),
  to: z.string(),
  /** Campaigns with a budget or a revenue target. */
  campaigns: z.number().int(),
  spendEntries: z.number().int(),
  leadsWithValue: z.number().int(),
  /** Plans with a revenue or budget goal, or a channel's planned budget. */
  plans: z.number().int(),
  /** Any of the above: the change relabels money, so the screen asks first. */
  relabels: z.boolean(),
  /** Counted now, left out after the change (in `from`, or without a currency). */
  excludedAfter: z.array(CurrencyCount),
  /** Left out now, counted after the change (in `to`). */
  includedAfter: z.array(CurrencyCount),
  /** Left out before and after (neither currency). */
  stillExcluded: z.array(CurrencyCount),
});
export type CurrencyPreview = z.infer<typeof CurrencyPreview>;

export const WorkspaceStatus = z.object({
  initialized: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>;

/** What the demo wrote. */
export const DemoCounts = z.object({
  contacts: z.number().int(),
  leads: z.number().int(),
  activities: z.number().int(),
  orders: z.number().int(),
  observations: z.number().int(),
});

export const settingsApi = {
  'settings.get': query(z.strictObject({}), Settings),
  'settings.update': command(SettingsUpdate, Settings),
  /** What changing the currency to `currency` would relabel and which imported sales it would count or leave out. */
  'settings.currencyPreview': query(z.strictObject({ currency: CurrencyCode }), CurrencyPreview),
  /**
   * Switch the workspace currency from `expect` to `currency` (amounts keep their numbers): the change's undo
   * and redo. Fails with `conflict`, writing nothing, when the currency is no longer `expect`.
   */
  'settings.switchCurrency': command(
    z.strictObject({ expect: CurrencyCode, currency: CurrencyCode }),
    Settings,
  ),
  'workspace.status': query(z.strictObject({}), WorkspaceStatus),
  /**
   * First start: fill the empty database with the demo business, or keep it empty, with the settings the
   * user gave. The demo keeps its own business name and currency (its amounts are in dollars); the rest
   * of the settings apply to it too.
   */
  'workspace.setup': command(
    z.strictObject({ mode: z.enum(['demo', 'empty']), settings: SettingsUpdate.optional() }),
    WorkspaceStatus,
  ),
  /** Fills an empty database with the demo business, `scale` times the usual size (`tandem demo`). */
  'workspace.demo': command(
    z.strictObject({
      scale: z
        .number()
        .int('expected a whole number')
        .min(1, 'expected a scale from 1 to 1000')
        .max(1000, 'expected a scale from 1 to 1000')
        .default(1),
    }),
    DemoCounts,
  ),
};
