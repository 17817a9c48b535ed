import { coversText } from '@shared/domain/active-period';
import type { DateRange } from '@shared/domain/periods';
import { usePeriod } from '../lib/period';
import { useWorkspace } from '../lib/settings';

/**
 * "Figures cover 1 Oct – 31 Dec 2026": which days the numbers on a screen count, the active period unless
 * `range` says otherwise. `prefix` names the figures when only some of them follow the period.
 */
export function PeriodCovers({ prefix = 'Figures cover', range }: { prefix?: string; range?: DateRange }) {
  const { settings } = useWorkspace();
  const { period } = usePeriod();
  return (
    <p className="period-covers muted" data-testid="period-covers">
      {prefix} {coversText(range ?? period.range, settings.locale)}
    </p>
  );
}
