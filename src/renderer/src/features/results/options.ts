import { useCallback, useState } from 'react';
import type { DashboardInput } from '@shared/api/results';
import { DEFAULT_LOOKBACK_DAYS, type AttributionModel } from '@shared/domain/attribution';

export interface ResultsOptions {
  compare: 'previous' | 'year';
  model: AttributionModel;
  lookbackDays: number;
  lastNonDirect: boolean;
}

const KEY = 'tandem.results.options';
const DEFAULTS: ResultsOptions = {
  compare: 'previous',
  model: 'position',
  lookbackDays: DEFAULT_LOOKBACK_DAYS,
  lastNonDirect: false,
};

/** Comparison, model and lookback, remembered between visits like the active period. */
export function useResultsOptions(): [ResultsOptions, (patch: Partial<ResultsOptions>) => void] {
  const [options, setOptions] = useState<ResultsOptions>(() => {
    try {
      return { ...DEFAULTS, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ResultsOptions>) };
    } catch {
      return DEFAULTS;
    }
  });
  const update = useCallback((patch: Partial<ResultsOptions>) => {
    setOptions((current) => {
      const next = { ...current, ...patch };
      localStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [options, update];
}

export type Scope = Pick<DashboardInput, 'from' | 'to' | 'model' | 'lookbackDays' | 'lastNonDirect'>;
