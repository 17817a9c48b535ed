import { z } from 'zod';
import { command, query } from '../contract/define';
import { isCurrencyCode } from '../domain/currency';

export const Settings = z.object({
  businessName: z.string(),
  currency: z.string(),
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

export const SettingsUpdate = z.strictObject({
  businessName: z.string().trim().min(1, 'enter the business name').max(120).optional(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isCurrencyCode, 'expected a currency code like USD or EUR')
    .optional(),
  locale: z.string().trim().refine(isLocale, 'expected a locale like en-US or de-DE').optional(),
  fiscalYearStartMonth: z
    .number()
    .int()
    .min(1, 'expected a month 1–12')
    .max(12, 'expected a month 1–12')
    .optional(),
  weekStart: z.union([z.literal(0), z.literal(1)]).optional(),
});
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

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
