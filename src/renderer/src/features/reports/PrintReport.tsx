import { useEffect, useMemo, useState } from 'react';
import { ReportRequest } from '@shared/api/reports';
import { parsePrintQuery, type ReportSection } from '@shared/domain/report';
import { useQuery } from '../../lib/useQuery';
import { ReportDocument } from './ReportDocument';
import './report.css';

declare global {
  interface Window {
    /** Set once the print route has drawn everything: fonts loaded and every chart an image. */
    __tandemReportReady?: boolean;
  }
}

export function markReady(error?: string): void {
  const root = document.documentElement;
  if (error) root.dataset.reportError = error;
  window.__tandemReportReady = true;
  root.dataset.ready = 'true';
}

/**
 * `#/print/report?from=…&to=…&model=…&lookback=…&sections=…&notes=…`: the report alone, styled for
 * paper. The desktop shell, the CLI and the browser host print this page; it says when it is ready.
 */
export function PrintReport({ query, locale }: { query: string; locale: string }) {
  const request = useMemo(() => {
    const p = parsePrintQuery(query);
    return ReportRequest.safeParse({ ...p, lookbackDays: p.lookbackDays });
  }, [query]);
  const input = request.success
    ? {
        from: request.data.from,
        to: request.data.to,
        model: request.data.model,
        lookbackDays: request.data.lookbackDays,
      }
    : { from: '1970-01-01', to: '1970-01-01' };
  const report = useQuery('reports.data', input);
  const [chartsDone, setChartsDone] = useState(false);
  const problem = !request.success
    ? `The report address is not valid: ${request.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`
    : report.error?.message;

  useEffect(() => {
    document.body.classList.add('print-page');
    return () => document.body.classList.remove('print-page');
  }, []);
  useEffect(() => {
    if (problem) markReady(problem);
  }, [problem]);
  useEffect(() => {
    if (!chartsDone) return;
    let live = true;
    void document.fonts.ready.then(() => {
      // One more frame so the swapped-in images are laid out before anyone prints.
      requestAnimationFrame(() => live && markReady());
    });
    return () => {
      live = false;
    };
  }, [chartsDone]);

  if (problem)
    return (
      <main className="report-page" role="alert">
        <h1>This report cannot be printed</h1>
        <p>{problem}</p>
      </main>
    );
  if (!report.data || !request.success) return null;
  return (
    <main className="report-page">
      <ReportDocument
        report={report.data}
        sections={request.data.sections as ReportSection[]}
        notes={request.data.notes}
        locale={locale}
        onReady={() => setChartsDone(true)}
      />
    </main>
  );
}
