import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { addDays } from '@shared/domain/dates';
import {
  nextPeriod,
  periodLabel,
  periodRange,
  weekRange,
  type CalendarPeriodKind,
  type DateRange,
  type PeriodKind,
} from '@shared/domain/periods';
import { useWorkspace } from './settings';
import { useClock } from './clock';

/** Plans know months, quarters, years and custom periods; the active period also knows weeks. */
export type ActivePeriodKind = PeriodKind | 'week';

export interface ActivePeriod {
  kind: ActivePeriodKind;
  range: DateRange;
  label: string;
  /** The period just before, of the same length, for "compared with" deltas. */
  previous: DateRange;
}

interface PeriodState {
  period: ActivePeriod;
  setKind(kind: Exclude<ActivePeriodKind, 'custom'>): void;
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

function dayLabel(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function previousOf(range: DateRange): DateRange {
  const days = Math.round((Date.parse(range.endDate) - Date.parse(range.startDate)) / 86_400_000);
  const endDate = addDays(range.startDate, -1);
  return { startDate: addDays(endDate, -days), endDate };
}

function rangeOf(kind: Exclude<ActivePeriodKind, 'custom'>, date: string, fy: number, weekStart: number) {
  return kind === 'week' ? weekRange(date, weekStart) : periodRange(kind, date, fy);
}

/** The one active period shared by Results, Plans and Reports, remembered between starts. */
export function PeriodProvider({ children }: { children: ReactNode }) {
  const { settings } = useWorkspace();
  const { today } = useClock();
  const fy = settings.fiscalYearStartMonth;
  const weekStart = settings.weekStart;
  const [state, setState] = useState<{ kind: ActivePeriodKind; range: DateRange }>(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as {
        kind: ActivePeriodKind;
        range: DateRange;
      } | null;
      if (saved?.range?.startDate && saved.range.endDate) return saved;
    } catch {
      // A damaged saved period falls back to this month.
    }
    return { kind: 'month', range: periodRange('month', today, fy) };
  });
  const save = useCallback((next: { kind: ActivePeriodKind; range: DateRange }) => {
    setState(next);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  }, []);

  const value = useMemo<PeriodState>(() => {
    const { kind, range } = state;
    // Months read better spelled out in the user's language; quarters and years keep the fiscal label.
    const label =
      kind === 'month'
        ? monthLabel(range.startDate, settings.locale)
        : kind === 'week'
          ? `Week of ${dayLabel(range.startDate, settings.locale)}`
          : kind === 'custom'
            ? `${dayLabel(range.startDate, settings.locale)} – ${dayLabel(range.endDate, settings.locale)}`
            : periodLabel(kind, range, fy);
    return {
      period: { kind, range, label, previous: previousOf(range) },
      setKind: (next) => save({ kind: next, range: rangeOf(next, today, fy, weekStart) }),
      setCustom: (next) => save({ kind: 'custom', range: next }),
      step: (direction) => {
        if (kind === 'week')
          return save({ kind, range: weekRange(addDays(range.startDate, 7 * direction), weekStart) });
        if (direction === 1) return save({ kind, range: nextPeriod(kind, range, fy) });
        const previous =
          kind === 'custom'
            ? previousOf(range)
            : periodRange(kind as CalendarPeriodKind, addDays(range.startDate, -1), fy);
        save({ kind, range: previous });
      },
    };
  }, [state, fy, weekStart, today, save, settings.locale]);
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

export function usePeriod(): PeriodState {
  const value = useContext(PeriodContext);
  if (!value) throw new Error('usePeriod outside PeriodProvider');
  return value;
}
