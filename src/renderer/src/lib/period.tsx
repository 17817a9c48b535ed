import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import {
  activePeriodLabel,
  choosePeriodKind,
  previousRange,
  resolvePeriod,
  restorePeriod,
  stepPeriod,
  storePeriod,
  type ActivePeriodKind,
  type PeriodChoice,
} from '@shared/domain/active-period';
import type { DateRange } from '@shared/domain/periods';
import { useWorkspace } from './settings';
import { useClock } from './clock';

export type { ActivePeriodKind } from '@shared/domain/active-period';

export interface ActivePeriod {
  kind: ActivePeriodKind;
  range: DateRange;
  label: string;
  /** The period just before, of the same length, for "compared with" deltas. */
  previous: DateRange;
}

interface PeriodState {
  period: ActivePeriod;
  choice: PeriodChoice;
  setKind(kind: Exclude<ActivePeriodKind, 'custom'>): void;
  setCustom(range: DateRange): void;
  /** Sets the whole choice (Reports' "Last week", "Last month"…). */
  choose(choice: PeriodChoice): void;
  step(direction: -1 | 1): void;
}

const PeriodContext = createContext<PeriodState | null>(null);

/**
 * Kept in localStorage, not in the database: the period is how this window looks at the data, not part of
 * the workspace, so a scheduled report, the CLI or a restore never depend on it, and changing it is no
 * write that would refetch every screen. The desktop app's page has one origin for good, so the period
 * survives restarts; in browser mode it does when the host keeps its port (`--port`).
 */
const STORAGE_KEY = 'tandem.period';

function readStored(): unknown {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** The one active period shared by Results, Plans, Campaigns, Calendar, Orders and Reports. */
export function PeriodProvider({ children }: { children: ReactNode }) {
  const { settings } = useWorkspace();
  const { today } = useClock();
  const rules = useMemo(
    () => ({ weekStart: settings.weekStart, fiscalYearStartMonth: settings.fiscalYearStartMonth }),
    [settings.weekStart, settings.fiscalYearStartMonth],
  );
  const [choice, setChoice] = useState<PeriodChoice>(() => restorePeriod(readStored(), today));
  const save = useCallback(
    (next: PeriodChoice) => {
      setChoice(next);
      localStorage.setItem(STORAGE_KEY, JSON.stringify(storePeriod(next, today, rules)));
    },
    [today, rules],
  );

  const value = useMemo<PeriodState>(() => {
    const range = resolvePeriod(choice, rules);
    return {
      choice,
      period: {
        kind: choice.kind,
        range,
        label: activePeriodLabel(choice, rules, settings.locale),
        previous: previousRange(range),
      },
      setKind: (kind) => save(choosePeriodKind(choice, kind, today, rules)),
      setCustom: (next) => save({ kind: 'custom', ...next }),
      choose: save,
      step: (direction) => save(stepPeriod(choice, direction, rules)),
    };
  }, [choice, rules, today, save, settings.locale]);
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

export function usePeriod(): PeriodState {
  const value = useContext(PeriodContext);
  if (!value) throw new Error('usePeriod outside PeriodProvider');
  return value;
}
