import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ReportData } from '@shared/api/reports';
import { MODEL_LABELS, type AttributionModel } from '@shared/domain/attribution';
import { createFormatter } from '@shared/domain/format';
import { REPORT_SECTIONS, SECTION_TITLES, type ReportSection } from '@shared/domain/report';
import { chartIds, ReportCharts } from './ReportCharts';
import {
  CampaignTable,
  Changes,
  FollowUps,
  FunnelTable,
  KpiGrid,
  periodLine,
  PipelineTable,
  PlanTable,
  SourcesTable,
} from './ReportTables';

interface Props {
  report: ReportData;
  sections: readonly ReportSection[];
  notes: string;
  locale: string;
  /** Called once every chart has been drawn and swapped for its image. */
  onReady?(): void;
}

/** The meeting report itself: the Reports screen's preview and the print route show this same component. */
export function ReportDocument({ report, sections, notes, locale, onReady }: Props) {
  const d = report.dashboard;
  const format = useMemo(() => createFormatter(locale, d.currency), [locale, d.currency]);
  const ctx = { format, locale };
  const { period, previous } = periodLine(d, format);
  const chosen = REPORT_SECTIONS.filter((s) => sections.includes(s));
  const showCharts = chosen.includes('charts') && !report.empty;
  // A string, so a new answer with the same charts does not restart the wait.
  const expectedKey = showCharts ? chartIds(d).join(',') : '';
  const done = useRef(new Set<string>());
  const announced = useRef(false);
  const onReadyRef = useRef(onReady);
  useEffect(() => {
    onReadyRef.current = onReady;
  });
  const check = useCallback(() => {
    const expected = expectedKey.split(',').filter(Boolean);
    if (announced.current || !expected.every((id) => done.current.has(id))) return;
    announced.current = true;
    onReadyRef.current?.();
  }, [expectedKey]);
  useEffect(() => {
    done.current = new Set();
    announced.current = false;
    check();
  }, [check]);
  const chartReady = useCallback(
    (id: string) => {
      done.current.add(id);
      check();
    },
    [check],
  );

  const body: Record<ReportSection, () => ReactNode> = {
    kpis: () => <KpiGrid d={d} ctx={ctx} />,
    plan: () => <PlanTable d={d} ctx={ctx} />,
    funnel: () => <FunnelTable d={d} ctx={ctx} />,
    pipeline: () => <PipelineTable r={report} ctx={ctx} />,
    changes: () => <Changes r={report} ctx={ctx} />,
    followUps: () => <FollowUps r={report} ctx={ctx} />,
    campaigns: () => <CampaignTable d={d} ctx={ctx} />,
    sources: () => <SourcesTable r={report} ctx={ctx} />,
    charts: () => <ReportCharts data={d} format={format} onReady={chartReady} />,
    notes: () =>
      notes.trim() ? <p className="report-notes">{notes}</p> : <p className="muted">No notes.</p>,
  };
  // An empty period keeps only what still means something: follow-ups, the pipeline and the notes.
  const printed = report.empty
    ? chosen.filter((s) => s === 'pipeline' || s === 'followUps' || s === 'notes')
    : chosen;
  const model = MODEL_LABELS[d.model as AttributionModel] ?? d.model;

  return (
    <article className="report-document" data-report-empty={report.empty || undefined}>
      <header className="report-header">
        <h1>{report.businessName}</h1>
        <p className="report-subtitle">Meeting summary · {period}</p>
        <dl className="report-facts">
          <div>
            <dt>Period</dt>
            <dd>{period}</dd>
          </div>
          <div>
            <dt>Compared with</dt>
            <dd>{previous}</dd>
          </div>
          <div>
            <dt>Time zone</dt>
            <dd>{report.timeZone}</dd>
          </div>
          <div>
            <dt>Generated</dt>
            <dd>
              {new Intl.DateTimeFormat(format.names, {
                dateStyle: 'medium',
                timeStyle: 'short',
                timeZone: report.timeZone,
              }).format(new Date(report.generatedAt))}{' '}
              {report.timeZone}
            </dd>
          </div>
          <div>
            <dt>Attribution</dt>
            <dd>{d.modelLabel}</dd>
          </div>
        </dl>
      </header>
      {report.empty && (
        <section className="report-section report-empty">
          <h2>Nothing recorded in this period</h2>
          <p>
            No spend, leads, visits, sales or deal moves were recorded between {period}. The open pipeline and
            the follow-ups still due are below.
          </p>
        </section>
      )}
      {printed.map((s) => (
        <section
          key={s}
          className={`report-section report-section-${s}`}
          data-section={s}
          aria-labelledby={`report-${s}-title`}
        >
          <h2 id={`report-${s}-title`}>
            {s === 'followUps' ? 'Follow-ups overdue and due next week' : SECTION_TITLES[s]}
          </h2>
          {body[s]()}
        </section>
      ))}
      <p className="report-filters">
        Filters: period {format.date(d.range.from)} to {format.date(d.range.to)} (compared with{' '}
        {format.date(d.previousRange.from)} to {format.date(d.previousRange.to)}), model {model}, lookback{' '}
        {d.lookbackDays} days, sections {chosen.map((s) => SECTION_TITLES[s]).join(', ') || 'none'}.
      </p>
    </article>
  );
}
