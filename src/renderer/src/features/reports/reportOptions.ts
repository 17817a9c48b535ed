import { useCallback, useState } from 'react';
import { addDays } from '@shared/domain/dates';
import { periodRange, weekRange, type DateRange } from '@shared/domain/periods';
import { DEFAULT_LOOKBACK_DAYS, type AttributionModel } from '@shared/domain/attribution';
import { REPORT_SECTIONS, type ReportSection } from '@shared/domain/report';

export type ReportPeriodKind = 'lastWeek' | 'lastMonth' | 'thisQuarter' | 'custom';

export interface ReportOptions {
  kind: ReportPeriodKind;
  custom: DateRange;
  model: AttributionModel;
  lookbackDays: number;
  sections: ReportSection[];
}

/** The meeting looks back: last whole week, last whole month, or the quarter so far. */
export function reportRange(o: ReportOptions, today: string, fy: number, weekStart: number): DateRange {
  switch (o.kind) {
    case 'lastWeek':
      return weekRange(addDays(today, -7), weekStart);
    case 'lastMonth':
      return periodRange('month', addDays(periodRange('month', today, fy).startDate, -1), fy);
    case 'thisQuarter':
      return periodRange('quarter', today, fy);
    case 'custom':
      return o.custom;
  }
}

const KEY = 'tandem.report.options';
const NOTES_KEY = 'tandem.report.notes';

export function useReportOptions(today: string): [ReportOptions, (patch: Partial<ReportOptions>) => void] {
  const [options, setOptions] = useState<ReportOptions>(() => {
    const defaults: ReportOptions = {
      kind: 'lastWeek',
      custom: { startDate: addDays(today, -13), endDate: today },
      model: 'position',
      lookbackDays: DEFAULT_LOOKBACK_DAYS,
      sections: [...REPORT_SECTIONS],
    };
    try {
      return { ...defaults, ...(JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ReportOptions>) };
    } catch {
      return defaults;
    }
  });
  const update = useCallback((patch: Partial<ReportOptions>) => {
    setOptions((current) => {
      const next = { ...current, ...patch };
      localStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [options, update];
}

/** Meeting notes, remembered per period: the notes of last week's meeting come back with last week. */
export function useMeetingNotes(range: DateRange): [string, (text: string) => void] {
  const key = `${range.startDate}_${range.endDate}`;
  const read = () => {
    try {
      return (JSON.parse(localStorage.getItem(NOTES_KEY) ?? '{}') as Record<string, string>)[key] ?? '';
    } catch {
      return '';
    }
  };
  const [state, setState] = useState(() => ({ key, text: read() }));
  const text = state.key === key ? state.text : read();
  const save = useCallback(
    (next: string) => {
      setState({ key, text: next });
      let all: Record<string, string> = {};
      try {
        all = JSON.parse(localStorage.getItem(NOTES_KEY) ?? '{}') as Record<string, string>;
      } catch {
        // Damaged notes storage starts over rather than blocking the meeting.
      }
      if (next) all[key] = next;
      else delete all[key];
      localStorage.setItem(NOTES_KEY, JSON.stringify(all));
    },
    [key],
  );
  return [text, save];
}
