import { usePeriod } from '../lib/period';

const KINDS = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
] as const;

/** The active period for Results, Plans and Reports: a kind, and steps back and forward. */
export function PeriodPicker() {
  const { period, setKind, step } = usePeriod();
  return (
    <div className="period-picker" role="group" aria-label="Active period">
      <button type="button" className="icon-button" aria-label="Previous period" onClick={() => step(-1)}>
        ‹
      </button>
      <span className="period-label" aria-live="polite">
        {period.label}
      </span>
      <button type="button" className="icon-button" aria-label="Next period" onClick={() => step(1)}>
        ›
      </button>
      <select
        aria-label="Period length"
        value={period.kind}
        onChange={(e) => setKind(e.target.value as 'month' | 'quarter' | 'year')}
      >
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
        {period.kind === 'custom' && <option value="custom">Custom</option>}
      </select>
    </div>
  );
}
