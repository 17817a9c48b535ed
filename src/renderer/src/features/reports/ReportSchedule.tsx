import { useState } from 'react';
import type { ScheduleState } from '@shared/api/report-schedule';
import type { AttributionModel } from '@shared/domain/attribution';
import { ApiError } from '@shared/contract/result';
import type { ReportSection } from '@shared/domain/report';
import type { ScheduleCadence } from '@shared/domain/report-schedule';
import { nameLocale } from '@shared/domain/format';
import { coversText } from '@shared/domain/active-period';
import { client } from '../../lib/client';
import { useQuery } from '../../lib/useQuery';
import { notify } from '../../ui/toast';

interface Props {
  locale: string;
  /** What the schedule prints: the screen's current model and sections. */
  model: AttributionModel;
  lookbackDays: number;
  sections: ReportSection[];
}

const machineZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function weekdayNames(locale: string): string[] {
  const f = new Intl.DateTimeFormat(nameLocale(locale), { weekday: 'long', timeZone: 'UTC' });
  // 2026-01-04 is a Sunday: index 0 = Sunday, as the schedule counts.
  return Array.from({ length: 7 }, (_, i) => f.format(Date.UTC(2026, 0, 4 + i)));
}

function when(at: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(nameLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(at));
}

function describe(s: NonNullable<ScheduleState['schedule']>, locale: string): string {
  const day = s.cadence === 'weekly' ? `Every ${weekdayNames(locale)[s.weekday]}` : 'The 1st of every month';
  return `${day} at ${s.time} (${s.timeZone}), covering the last ${s.cadence === 'weekly' ? 'week' : 'month'}`;
}

/**
 * Scheduled reports: "every Monday 08:00" or "the 1st of the month 08:00" writes the PDF into a folder
 * while Tandem is open; a run missed while it was closed is written at the next start.
 */
export function ReportSchedule({ locale, model, lookbackDays, sections }: Props) {
  const state = useQuery('reportSchedule.get', {});
  const current = state.data?.schedule ?? null;
  const [editing, setEditing] = useState(false);
  const [cadence, setCadence] = useState<ScheduleCadence>('weekly');
  const [weekday, setWeekday] = useState(1);
  const [time, setTime] = useState('08:00');
  const [folder, setFolder] = useState('');
  const [timeZone, setTimeZone] = useState(machineZone);
  const [problem, setProblem] = useState<string | null>(null);
  const days = weekdayNames(locale);

  const edit = () => {
    if (current) {
      setCadence(current.cadence);
      setWeekday(current.weekday);
      setTime(current.time);
      setFolder(current.folder);
      setTimeZone(current.timeZone);
    }
    setProblem(null);
    setEditing(true);
  };
  const save = async () => {
    try {
      await client.call('reportSchedule.set', {
        cadence,
        weekday,
        time,
        timeZone,
        folder,
        model,
        lookbackDays,
        sections,
      });
      setEditing(false);
      notify('Report schedule saved.');
    } catch (error) {
      setProblem(error instanceof ApiError ? (error.issues[0]?.message ?? error.message) : String(error));
    }
  };
  const clear = async () => {
    await client.call('reportSchedule.clear', {});
    notify('Report schedule cleared.');
  };

  const last = state.data?.lastRun ?? null;
  const next = state.data?.nextRun ?? null;
  const zone = current?.timeZone ?? timeZone;
  return (
    <section className="report-schedule" aria-labelledby="report-schedule-title">
      <h2 id="report-schedule-title">Schedule</h2>
      {current && !editing && (
        <>
          <p>{describe(current, locale)}.</p>
          <p className="muted small">Into {current.folder}</p>
        </>
      )}
      {!current && !editing && (
        <p className="muted small">
          Write this report to a folder every week or month. A run missed while Tandem is closed is written at
          the next start.
        </p>
      )}
      {next && !editing && (
        <p data-testid="report-next-run">
          Next run: {when(next.at, locale, zone)} (covers{' '}
          {coversText({ startDate: next.from, endDate: next.to }, locale)})
        </p>
      )}
      {last && !editing && (
        <p data-testid="report-last-run" role={last.status === 'failed' ? 'alert' : undefined}>
          {last.status === 'written'
            ? `Last run: ${when(last.ranAt, locale, zone)}, ${coversText({ startDate: last.from, endDate: last.to }, locale)} → ${last.path ?? ''}`
            : `Last run failed (${coversText({ startDate: last.from, endDate: last.to }, locale)}): ${last.error ?? 'no reason given'}. It is tried again at the next start.`}
        </p>
      )}
      {editing ? (
        <form
          className="report-schedule-form"
          aria-label="Report schedule"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label className="control">
            <span>Repeat</span>
            <select value={cadence} onChange={(e) => setCadence(e.target.value as ScheduleCadence)}>
              <option value="weekly">Every week (covers last week)</option>
              <option value="monthly">The 1st of every month (covers last month)</option>
            </select>
          </label>
          {cadence === 'weekly' && (
            <label className="control">
              <span>Day</span>
              <select value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
                {days.map((name, i) => (
                  <option key={name} value={i}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="control">
            <span>Time</span>
            <input type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          </label>
          <label className="control">
            <span>Time zone</span>
            <input value={timeZone} required onChange={(e) => setTimeZone(e.target.value)} />
          </label>
          <label className="control">
            <span>Folder</span>
            <input
              value={folder}
              required
              placeholder="/home/me/Reports"
              aria-invalid={problem ? true : undefined}
              onChange={(e) => setFolder(e.target.value)}
            />
          </label>
          <p className="muted small">
            It prints the model and sections chosen above; notes of each period come along.
          </p>
          {problem && <p role="alert">{problem}</p>}
          <div className="row">
            <button type="submit" className="primary">
              Save schedule
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="row">
          <button type="button" onClick={edit}>
            {current ? 'Change schedule' : 'Set a schedule'}
          </button>
          {current && (
            <button type="button" onClick={() => void clear()}>
              Clear schedule
            </button>
          )}
        </div>
      )}
    </section>
  );
}
