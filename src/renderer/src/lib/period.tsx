import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { addDays } from '@shared/domain/dates';
import {
  nextPeriod,
  periodLabel,
  periodRange,
  type DateRange,
  type PeriodKind,
} from '@shared/domain/periods';
import { useWorkspace } from './settings';
import { useClock } from './clock';

export interface ActivePeriod {
  kind: PeriodKind;
  range: DateRange;
  label: string;
  /** The period just before, of the same length, for "compared with" deltas. */
  previous: DateRange;
}

interface PeriodState {
  period: ActivePeriod;
  setKind(kind: Exclude<PeriodKind, 'custom'>): void;
  setCustom(range: DateRange): void;
  step(direction: -1 | 1): void;
}

const PeriodContext = createContext<PeriodState | null>(null);
const STORAGE_KEY = 'tandem.period';

function monthLabel(startDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${startDate}T00:00:00Z`),
  );
}

function previousOf(range: DateRange): DateRange {
  const days = Math.round((Date.parse(range.endDate) - Date.parse(range.startDate)) / 86_400_000);
  const endDate = addDays(range.startDate, -1);
  return { startDate: addDays(endDate, -days), endDate };
}

/** The one active period shared by Results, Plans and Reports, remembered between starts. */
export function PeriodProvider({ children }: { children: ReactNode }) {
  const { settings } = useWorkspace();
  const { today } = useClock();
  const fy = settings.fiscalYearStartMonth;
  const [state, setState] = useState<{ kind: PeriodKind; range: DateRange }>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as {
        kind: PeriodKind;
        range: DateRange;
      } | null;
      if (saved?.range?.startDate && saved.range.endDate) return saved;
    } catch {
      // A damaged saved period falls back to this month.
    }
    return { kind: 'month', range: periodRange('month', today, fy) };
  });
  const save = useCallback((next: { kind: PeriodKind; range: DateRange }) => {
    setState(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  }, []);

  const value = useMemo<PeriodState>(
    () => ({
      period: {
        ...state,
        // Months read better spelled out in the user's language; quarters and years keep the fiscal label.
        label:
          state.kind === 'month'
            ? monthLabel(state.range.startDate, settings.locale)
            : periodLabel(state.kind, state.range, fy),
        previous: previousOf(state.range),
      },
      setKind: (kind) => save({ kind, range: periodRange(kind, today, fy) }),
      setCustom: (range) => save({ kind: 'custom', range }),
      step: (direction) => {
        if (direction === 1)
          return save({ kind: state.kind, range: nextPeriod(state.kind, state.range, fy) });
        const range =
          state.kind === 'custom'
            ? previousOf(state.range)
            : periodRange(
                state.kind as Exclude<PeriodKind, 'custom'>,
                addDays(state.range.startDate, -1),
                fy,
              );
        save({ kind: state.kind, range });
      },
    }),
    [state, fy, today, save, settings.locale],
  );
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

export function usePeriod(): PeriodState {
  const value = useContext(PeriodContext);
  if (!value) throw new Error('usePeriod outside PeriodProvider');
  return value;
}
