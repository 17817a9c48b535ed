import type { ReactNode } from 'react';
import { budgetUsage } from '@shared/domain/money';
import { useWorkspace } from '../../lib/settings';
import './campaigns.css';

/** A quiet bar; `tone` adds the status colour, always next to words that say the same. */
export function Bar({
  fraction,
  label,
  valueText,
  tone,
}: {
  fraction: number;
  label: string;
  valueText: string;
  tone?: 'over' | 'met';
}) {
  const shown = Math.max(0, Math.min(1, fraction));
  return (
    <div
      className={`bar${tone ? ` bar-${tone}` : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(shown * 100)}
      aria-valuetext={valueText}
    >
      <span style={{ width: `${shown * 100}%` }} />
    </div>
  );
}

/** "Over budget by $120.00" with a warning sign, so colour is never the only signal. */
export function OverBudget({ overspendMinor, short }: { overspendMinor: number; short?: boolean }) {
  const { format } = useWorkspace();
  return (
    <span className="over-budget">
      <span aria-hidden="true">⚠ </span>
      {short ? 'Over budget' : `Over budget by ${format.money(overspendMinor)}`}
    </span>
  );
}

/** Budget against spend: bar, amounts and the over-budget warning. */
export function BudgetMeter({
  budgetMinor,
  spentMinor,
  label,
}: {
  budgetMinor: number;
  spentMinor: number;
  label: string;
}) {
  const { format } = useWorkspace();
  const usage = budgetUsage(budgetMinor, spentMinor);
  const text = `${format.money(spentMinor)} spent of ${format.money(budgetMinor)}`;
  return (
    <div className="budget-meter">
      <Bar
        fraction={usage.usedFraction ?? (spentMinor > 0 ? 1 : 0)}
        label={label}
        valueText={text}
        tone={usage.overBudget ? 'over' : undefined}
      />
      <p className="meter-text">
        <span className="money">{format.money(spentMinor)}</span> spent of{' '}
        <span className="money">{format.money(budgetMinor)}</span>
        {!usage.overBudget && budgetMinor > 0 && (
          <span className="muted"> · {format.money(usage.remainingMinor)} left</span>
        )}
      </p>
      {usage.overBudget && (
        <p className="meter-warning" role="status">
          <OverBudget overspendMinor={usage.overspendMinor} />
        </p>
      )}
    </div>
  );
}

/** A KPI tile: a label, one big number and a line of detail. */
export function Tile({ label, value, children }: { label: string; value: ReactNode; children?: ReactNode }) {
  return (
    <section className="tile" aria-label={label}>
      <h3 className="tile-label">{label}</h3>
      <p className="tile-value money">{value}</p>
      {children && <div className="tile-detail">{children}</div>}
    </section>
  );
}
