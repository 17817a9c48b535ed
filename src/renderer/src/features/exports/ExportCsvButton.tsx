import { useState } from 'react';
import type { ExportInput, ExportSelection } from '@shared/api/exports';
import { useClock } from '../../lib/clock';
import { notify } from '../../ui/toast';
import { exportCsv } from './exportCsv';

/** "Export CSV" for a list screen: exports exactly what the screen's current filter selects. */
export function ExportCsvButton({
  selection,
  period,
  label = 'Export CSV',
}: {
  selection: ExportSelection;
  /** A screen filtered to a period (orders, payments) passes it; the kind's own date decides. */
  period?: ExportInput['period'];
  label?: string;
}) {
  const { today } = useClock();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const outcome = await exportCsv(selection, today, period);
      if (outcome.kind === 'saved')
        notify(`${outcome.rows === 1 ? '1 row' : `${outcome.rows} rows`} saved to ${outcome.path}.`);
      else if (outcome.kind === 'downloaded') notify(`Downloaded ${outcome.name}.`);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
      {busy ? 'Exporting…' : label}
    </button>
  );
}
