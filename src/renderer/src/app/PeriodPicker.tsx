import { usePeriod, type ActivePeriodKind } from '../lib/period';

const KINDS = [
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
  { value: 'custom', label: 'Custom' },
] as const;

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

/** The active period for Results, Plans and Reports: a kind, and steps back and forward. */
export function PeriodPicker() {
  const { period, setKind, setCustom, step } = usePeriod();
  const { startDate, endDate } = period.range;
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
        onChange={(e) => {
          const kind = e.target.value as ActivePeriodKind;
          // Custom starts from the days already shown, ready to be widened or narrowed.
          if (kind === 'custom') setCustom(period.range);
          else setKind(kind);
        }}
      >
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      {period.kind === 'custom' && (
        <>
          <input
            type="date"
            aria-label="Period from"
            value={startDate}
            max={endDate}
            onChange={(e) =>
              isDay(e.target.value) &&
              e.target.value <= endDate &&
              setCustom({ startDate: e.target.value, endDate })
            }
          />
          <input
            type="date"
            aria-label="Period to"
            value={endDate}
            min={startDate}
            onChange={(e) =>
              isDay(e.target.value) &&
              e.target.value >= startDate &&
              setCustom({ startDate, endDate: e.target.value })
            }
          />
        </>
      )}
    </div>
  );
}
