import type { Settings } from '@shared/api/settings';
import { planPeriodText } from '@shared/domain/active-period';
import type { PeriodKind } from '@shared/domain/periods';

/** "March 2026", "Q2 2026" or the plan's days: how every screen names a plan's period. */
export function planPeriod(
  plan: { periodKind: PeriodKind; startDate: string; endDate: string },
  settings: Pick<Settings, 'locale' | 'fiscalYearStartMonth'>,
): string {
  return planPeriodText(
    plan.periodKind,
    { startDate: plan.startDate, endDate: plan.endDate },
    settings.fiscalYearStartMonth,
    settings.locale,
  );
}
