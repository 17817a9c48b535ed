import { useState } from 'react';
import type { ImportJob } from '@shared/api/imports';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { useToast } from '../../ui/toast';
import { errorsCsvText } from '@shared/import/errors-csv';
import { allErrors, download, errorsFileName } from './errorsCsv';
import { jobHint } from './jobHints';
import { leftOutText, plural } from './status';

const PAGE = 100;

/** The desktop's error file goes next to the imported file, named after it. */
function besideSource(sourcePath: string, fileName: string): string {
  const cut = Math.max(sourcePath.lastIndexOf('/'), sourcePath.lastIndexOf('\\'));
  return `${sourcePath.slice(0, cut + 1)}${errorsFileName(fileName)}`;
}

/** Rows that were left out and why, page by page, with the whole list as a CSV (errors to fix and import again). */
export function RowErrors({ job }: { job: ImportJob }) {
  const { format } = useWorkspace();
  const toast = useToast();
  const [offset, setOffset] = useState(0);
  const [saving, setSaving] = useState(false);
  const page = useQuery('imports.errors', { id: job.id, offset, limit: PAGE });
  const total = page.data?.total ?? 0;
  if (!page.data || total === 0) return null;
  const notes = total - job.errorCount;

  const save = async () => {
    setSaving(true);
    try {
      const sourcePath = jobHint(job.id)?.sourcePath;
      if (sourcePath) {
        const saved = await client.call('imports.saveErrors', {
          id: job.id,
          path: besideSource(sourcePath, job.fileName),
        });
        toast.show(`Saved ${plural(saved.rows, 'row', 'rows', format)} to ${saved.path}.`);
      } else {
        const rows = await allErrors(job.id);
        download(errorsFileName(job.fileName), errorsCsvText(rows));
        toast.show(
          `Downloaded ${errorsFileName(job.fileName)} with ${plural(rows.length, 'row', 'rows', format)}.`,
        );
      }
    } catch (error) {
      toast.show(error instanceof Error ? error.message : String(error), { tone: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="card" aria-labelledby="row-errors-title">
      <div className="card-header">
        <h2 id="row-errors-title">Rows left out</h2>
        <button type="button" className="button" onClick={() => void save()} disabled={saving}>
          {job.errorCount > 0 ? 'Save errors as CSV' : 'Save the list as CSV'}
        </button>
      </div>
      <p className="muted">{leftOutText(job.errorCount, notes, format)}</p>
      <table className="data-table" aria-label="Row errors">
        <thead>
          <tr>
            <th scope="col" className="num">
              Row
            </th>
            <th scope="col">Column</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {page.data.rows.map((r, i) => (
            <tr key={`${r.row}:${i}`}>
              <td className="num">{format.number(r.row)}</td>
              <td>{r.column ?? <span className="muted">—</span>}</td>
              <td>
                {r.severity === 'note' ? (
                  <span className="badge badge-first">Note</span>
                ) : (
                  <span className="visually-hidden">Error: </span>
                )}
                {r.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > PAGE && (
        <div className="pager">
          <button
            type="button"
            className="button"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            Previous
          </button>
          <span className="muted">
            {format.number(offset + 1)}–{format.number(Math.min(offset + PAGE, total))} of{' '}
            {format.number(total)}
          </span>
          <button
            type="button"
            className="button"
            disabled={offset + PAGE >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            Next
          </button>
        </div>
      )}
    </section>
  );
}
