import type { ImportInspection } from '@shared/api/imports';
import { useWorkspace } from '../../lib/settings';
import { SelectField } from '../../ui/Field';
import { fileSize, plural } from './status';

const DELIMITERS: Record<string, string> = {
  ',': 'Comma',
  ';': 'Semicolon',
  '\t': 'Tab',
  '|': 'Vertical bar',
};

/** What the reader found: the file's layout, its size in records, and the export it looks like. */
export function Detected({
  inspection,
  onSheet,
}: {
  inspection: ImportInspection;
  onSheet(sheet: string): void;
}) {
  const { format } = useWorkspace();
  const i = inspection;
  return (
    <section className="detected" aria-label="What Tandem found in the file">
      <dl className="facts">
        <div>
          <dt>File</dt>
          <dd>
            {i.fileName} <span className="muted">({fileSize(i.size, format)})</span>
          </dd>
        </div>
        <div>
          <dt>Recognised as</dt>
          <dd>{i.preset ? `${i.preset.label} export` : 'Not a known export'}</dd>
        </div>
        <div>
          <dt>Records</dt>
          <dd className="num-left">{format.number(i.records)}</dd>
        </div>
        <div>
          <dt>Format</dt>
          <dd>{i.format === 'xlsx' ? 'Excel workbook' : 'CSV text'}</dd>
        </div>
        {i.encoding && (
          <div>
            <dt>Encoding</dt>
            <dd>{i.encoding.toUpperCase()}</dd>
          </div>
        )}
        {i.delimiter && (
          <div>
            <dt>Delimiter</dt>
            <dd>{DELIMITERS[i.delimiter] ?? `“${i.delimiter}”`}</dd>
          </div>
        )}
        <div>
          <dt>Header</dt>
          <dd>
            Line {format.number(i.headerLine)}
            {i.headerLine > 1 && (
              <span className="muted">
                {' '}
                ({plural(i.headerLine - 1, 'line', 'lines', format)} above it left out)
              </span>
            )}
          </dd>
        </div>
      </dl>
      {i.sheets.length > 1 && (
        <div className="sheet-choice">
          <SelectField
            label="Sheet"
            value={i.sheet ?? i.sheets[0] ?? ''}
            options={i.sheets.map((s) => ({ value: s, label: s }))}
            onValue={onSheet}
          />
        </div>
      )}
      {i.issueCount > 0 && (
        <div className="import-note" role="note">
          <p>
            <span aria-hidden="true">⚠ </span>
            {plural(i.issueCount, 'row', 'rows', format)} could not be read as written; they will be listed as
            errors and left out:
          </p>
          <ul>
            {i.issues.slice(0, 5).map((issue) => (
              <li key={`${issue.row}:${issue.message}`}>
                Row {format.number(issue.line)}: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
