import type { ImportInspection, TargetField } from '@shared/api/imports';
import { sameFieldClashes } from '@shared/import/mapping';

interface Props {
  inspection: ImportInspection;
  fields: readonly TargetField[];
  mapping: Record<string, string>;
  /** The recognised export's label while its rules map the columns; null when the user maps them. */
  presetLabel: string | null;
  onChange(column: string, field: string): void;
}

const examplesOf = (inspection: ImportInspection, index: number) =>
  inspection.sample
    .map((row) => (row[index] ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, 3);

/** One line per source column: what it holds in the first rows and the field it goes to. */
export function ColumnMapping({ inspection, fields, mapping, presetLabel, onChange }: Props) {
  const clashes = sameFieldClashes(mapping);
  const labelOf = (field: string) => fields.find((f) => f.name === field)?.label;
  return (
    <table className="data-table mapping-table" aria-label="Columns">
      <thead>
        <tr>
          <th scope="col">Column in the file</th>
          <th scope="col">First values</th>
          <th scope="col">Imports as</th>
        </tr>
      </thead>
      <tbody>
        {inspection.columns.map((column, index) => {
          const field = mapping[column] ?? '';
          const clash = clashes.get(column);
          const examples = examplesOf(inspection, index);
          const errorId = `mapping-error-${index}`;
          return (
            <tr key={`${index}:${column}`} className={field ? undefined : 'muted-row'}>
              <th scope="row" className="mapping-column">
                {column || <span className="muted">(no name)</span>}
              </th>
              <td className="mapping-examples" title={examples.join('\n')}>
                {examples.join(' · ')}
              </td>
              <td className="mapping-target">
                {presetLabel ? (
                  <span className={field ? undefined : 'muted'}>
                    {field.startsWith('x.')
                      ? `Read by the ${presetLabel} rules`
                      : field
                        ? (labelOf(field) ?? field)
                        : 'Not imported'}
                  </span>
                ) : (
                  <>
                    <select
                      aria-label={`Import column ${column} as`}
                      value={field}
                      aria-invalid={clash ? true : undefined}
                      aria-describedby={clash ? errorId : undefined}
                      onChange={(e) => onChange(column, e.target.value)}
                    >
                      <option value="">Don’t import</option>
                      {fields.map((f) => (
                        <option key={f.name} value={f.name}>
                          {f.label}
                          {f.required ? ' (required)' : ''}
                        </option>
                      ))}
                    </select>
                    {clash && (
                      <p id={errorId} className="field-error">
                        Also chosen for “{clash}”
                      </p>
                    )}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The first rows exactly as the file has them, scrollable sideways for wide exports. */
export function Preview({ inspection, rows = 5 }: { inspection: ImportInspection; rows?: number }) {
  const shown = inspection.sample.slice(0, rows);
  return (
    <div className="preview-scroll" role="region" aria-label="First rows of the file" tabIndex={0}>
      <table className="data-table preview-table">
        <thead>
          <tr>
            {inspection.columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, r) => (
            <tr key={r}>
              {inspection.columns.map((_, c) => (
                <td key={c}>{row[c] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
