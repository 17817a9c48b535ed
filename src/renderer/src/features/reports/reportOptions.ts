import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { addDays } from '@shared/domain/dates';
import type { PeriodChoice } from '@shared/domain/active-period';
import type { DateRange } from '@shared/domain/periods';
import { DEFAULT_LOOKBACK_DAYS, type AttributionModel } from '@shared/domain/attribution';
import { REPORT_SECTIONS, type ReportSection } from '@shared/domain/report';
import { client } from '../../lib/client';
import { methodQuery, useQuery } from '../../lib/useQuery';
import { notify } from '../../ui/toast';

/** Model, lookback and sections; the period is the top bar's (lib/period). */
export interface ReportOptions {
  model: AttributionModel;
  lookbackDays: number;
  sections: ReportSection[];
}

export type QuickPeriod = 'lastWeek' | 'lastMonth' | 'thisQuarter';

/** The meeting looks back: last whole week, last whole month, or the quarter so far. */
export function quickPeriod(kind: QuickPeriod, today: string): PeriodChoice {
  switch (kind) {
    case 'lastWeek':
      return { kind: 'week', anchor: addDays(today, -7) };
    case 'lastMonth':
      return { kind: 'month', anchor: addDays(`${today.slice(0, 7)}-01`, -1) };
    case 'thisQuarter':
      return { kind: 'quarter', anchor: today };
  }
}

const KEY = 'tandem.report.options';
const NOTES_KEY = 'tandem.report.notes';

export function useReportOptions(): [ReportOptions, (patch: Partial<ReportOptions>) => void] {
  const [options, setOptions] = useState<ReportOptions>(() => {
    const defaults: ReportOptions = {
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

const SAVE_AFTER_MS = 400;

/**
 * Meeting notes, kept in the database per period: the notes of last week's meeting come back with last
 * week, and a scheduled report of that week prints them. Typing shows at once; the text is saved a moment
 * after the last keystroke (and at once when the period changes or the screen closes).
 */
export function useMeetingNotes(range: DateRange): [string, (text: string) => void] {
  const period = useMemo(
    () => ({ from: range.startDate, to: range.endDate }),
    [range.startDate, range.endDate],
  );
  const key = `${period.from}_${period.to}`;
  const stored = useQuery('meetingNotes.get', period);
  const [draft, setDraft] = useState<{ key: string; text: string } | null>(null);
  const pending = useRef<{ from: string; to: string; text: string } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const cache = useQueryClient();
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    if (!next) return;
    // The cache holds what was typed at once, so coming back to the period never shows the older text.
    const { from, to, text } = next;
    cache.setQueryData(methodQuery('meetingNotes.get', { from, to }).queryKey, { text });
    void client
      .call('meetingNotes.save', next)
      .catch((error: unknown) =>
        notify(
          `The meeting notes were not saved: ${error instanceof Error ? error.message : String(error)}`,
          'error',
        ),
      );
  }, [cache]);
  // A period change or leaving the screen saves what was typed for the period before.
  useEffect(() => flush, [key, flush]);
  useEffect(() => moveLocalNotes(), []);

  const save = useCallback(
    (text: string) => {
      setDraft({ key, text });
      pending.current = { ...period, text };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [key, period, flush],
  );
  const text = draft?.key === key ? draft.text : (stored.data?.text ?? '');
  return [text, save];
}

/** Notes from before they were kept in the database move there once (unless the period has notes already). */
function moveLocalNotes(): void {
  let old: Record<string, string>;
  try {
    old = JSON.parse(localStorage.getItem(NOTES_KEY) ?? '{}') as Record<string, string>;
  } catch {
    old = {};
  }
  const moves = Object.entries(old).map(async ([key, text]) => {
    const [from, to] = key.split('_');
    if (!from || !to || !text) return;
    const current = await client.call('meetingNotes.get', { from, to });
    if (!current.text) await client.call('meetingNotes.save', { from, to, text });
  });
  void Promise.all(moves)
    .then(() => localStorage.removeItem(NOTES_KEY))
    .catch(() => undefined);
}
