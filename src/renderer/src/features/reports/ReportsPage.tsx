import { useState } from 'react';
import type { ReportRequest } from '@shared/api/reports';
import { REPORT_SECTIONS, reportFileName, SECTION_TITLES, type ReportSection } from '@shared/domain/report';
import { resolvePeriod } from '@shared/domain/active-period';
import { useClock } from '../../lib/clock';
import { usePeriod } from '../../lib/period';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { ModelFields } from '../results/ModelFields';
import { notify } from '../../ui/toast';
import { PeriodCovers } from '../../ui/PeriodCovers';
import { exportReportPdf } from './exportPdf';
import { ReportDocument } from './ReportDocument';
import { ReportSchedule } from './ReportSchedule';
import { quickPeriod, useMeetingNotes, useReportOptions, type QuickPeriod } from './reportOptions';
import './report.css';

const QUICK: { id: QuickPeriod; label: string }[] = [
  { id: 'lastWeek', label: 'Last week' },
  { id: 'lastMonth', label: 'Last month' },
  { id: 'thisQuarter', label: 'This quarter' },
];

/** Reports: the one-click meeting PDF, with a live preview of exactly what will print. */
export function ReportsPage() {
  const { settings } = useWorkspace();
  const { today } = useClock();
  const { period, choose, setCustom } = usePeriod();
  const [options, setOptions] = useReportOptions();
  const range = period.range;
  const rules = { weekStart: settings.weekStart, fiscalYearStartMonth: settings.fiscalYearStartMonth };
  const isQuick = (id: QuickPeriod) => {
    const quick = resolvePeriod(quickPeriod(id, today), rules);
    return period.kind !== 'custom' && quick.startDate === range.startDate && quick.endDate === range.endDate;
  };
  const quickChosen = QUICK.some((q) => isQuick(q.id));
  const [notes, setNotes] = useMeetingNotes(range);
  const [busy, setBusy] = useState(false);
  const input = {
    from: range.startDate,
    to: range.endDate,
    model: options.model,
    lookbackDays: options.lookbackDays,
  };
  const report = useQuery('reports.data', input);
  const toggle = (s: ReportSection, on: boolean) =>
    setOptions({
      sections: REPORT_SECTIONS.filter((x) => (x === s ? on : options.sections.includes(x))),
    });

  const exportPdf = async () => {
    const request: ReportRequest = { ...input, sections: options.sections, notes };
    setBusy(true);
    try {
      const outcome = await exportReportPdf(
        request,
        reportFileName(settings.businessName, range.startDate, range.endDate),
      );
      if (outcome.kind === 'saved') notify(`Report saved to ${outcome.path}.`);
      else if (outcome.kind === 'downloaded') notify(`Report downloaded as ${outcome.name}.`);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page reports-page">
      <header className="page-header">
        <div>
          <h1>Reports</h1>
          <p className="muted">A summary for the sales and marketing meeting, printed as a PDF.</p>
        </div>
      </header>
      <div className="reports-layout">
        <div className="reports-side">
          <form className="reports-controls" aria-label="Report options" onSubmit={(e) => e.preventDefault()}>
            <fieldset>
              <legend>Period</legend>
              {QUICK.map((q) => (
                <label key={q.id} className="control checkbox">
                  <input
                    type="radio"
                    name="report-period"
                    checked={isQuick(q.id)}
                    onChange={() => choose(quickPeriod(q.id, today))}
                  />
                  <span>{q.label}</span>
                </label>
              ))}
              <label className="control checkbox">
                <input
                  type="radio"
                  name="report-period"
                  checked={!quickChosen}
                  onChange={() => setCustom(range)}
                />
                <span>Another period</span>
              </label>
              <PeriodCovers prefix="The report covers" />
              <p className="muted small">
                The top bar&rsquo;s period, shared with Results: pick any week, month, quarter, year or dates
                there. Compared with the period just before, as on Results.
              </p>
            </fieldset>
            <ModelFields model={options.model} lookbackDays={options.lookbackDays} onChange={setOptions} />
            <fieldset>
              <legend>Sections</legend>
              {REPORT_SECTIONS.map((s) => (
                <label key={s} className="control checkbox">
                  <input
                    type="checkbox"
                    checked={options.sections.includes(s)}
                    onChange={(e) => toggle(s, e.target.checked)}
                  />
                  <span>{SECTION_TITLES[s]}</span>
                </label>
              ))}
            </fieldset>
            <label className="control">
              <span>Meeting notes</span>
              <textarea
                rows={6}
                value={notes}
                maxLength={10_000}
                onChange={(e) => setNotes(e.target.value)}
                placeholder="Decisions, owners, what to try next week…"
              />
            </label>
            <button type="button" className="primary" disabled={busy || !report.data} onClick={exportPdf}>
              {busy ? 'Making the PDF…' : 'Export PDF'}
            </button>
          </form>
          <ReportSchedule
            locale={settings.locale}
            model={options.model}
            lookbackDays={options.lookbackDays}
            sections={options.sections}
          />
        </div>
        <section className="reports-preview" aria-label="Preview">
          {report.error ? (
            <p role="alert">{report.error.message}</p>
          ) : report.data ? (
            <ReportDocument
              report={report.data}
              sections={options.sections}
              notes={notes}
              locale={settings.locale}
            />
          ) : null}
        </section>
      </div>
    </div>
  );
}
