import { useEffect } from 'react';
import { useQuery } from '../../lib/useQuery';
import { markReady, PrintReport } from './PrintReport';

/**
 * The whole app when the page is the print route: only the workspace's locale and the report. It is its
 * own chunk, so a printer loads and compiles the report and its charts, not every screen of Tandem.
 */
export function PrintApp({ query }: { query: string }) {
  const settings = useQuery('settings.get', {});
  const problem = settings.error?.message;
  useEffect(() => {
    if (problem) markReady(`Tandem cannot reach its data: ${problem}`);
  }, [problem]);
  if (problem)
    return (
      <main className="report-page" role="alert">
        <h1>This report cannot be printed</h1>
        <p>{problem}</p>
      </main>
    );
  if (!settings.data) return null;
  return <PrintReport query={query} locale={settings.data.locale} />;
}
