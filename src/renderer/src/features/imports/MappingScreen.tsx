import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ImportInspection, ImportJob, ImportKind } from '@shared/api/imports';
import { ApiError } from '@shared/contract/result';
import { requirements } from '@shared/import/mapping';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { Field, SelectField } from '../../ui/Field';
import { ColumnMapping, Preview } from './ColumnMapping';
import { Detected } from './Detected';
import { rememberJob } from './jobHints';
import {
  dateColumnsIn,
  fieldsOf,
  initialDraft,
  problems,
  startInput,
  mappingOrigin,
  withKind,
  withoutPreset,
  type Draft,
} from './mapping';
import { STATUS } from './status';

interface Props {
  inspection: ImportInspection;
  sourcePath: string | null;
  onSheet(sheet: string): void;
  onCancel(): void;
  onStarted(job: ImportJob): void;
}

const DATE_ORDERS = [
  { value: 'DMY', label: 'Day first (03/04/2026 is 3 April)' },
  { value: 'MDY', label: 'Month first (03/04/2026 is March 4)' },
];
const READ_AS = { DMY: 'day first', MDY: 'month first' } as const;

/** Confirms how a file will be read: what it holds, which column goes where, and the ambiguous values. */
export function MappingScreen({ inspection, sourcePath, onSheet, onCancel, onStarted }: Props) {
  const { format } = useWorkspace();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(inspection));
  const [attempts, setAttempts] = useState(0);
  const tried = attempts > 0;
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const fields = fieldsOf(inspection, draft.kind);
  const presetActive = draft.preset !== null && inspection.preset?.name === draft.preset;
  const presetLabel = presetActive ? (inspection.preset?.label ?? null) : null;
  const dates = presetActive ? [] : dateColumnsIn(inspection, draft.mapping);
  const blocking = problems(draft, inspection);
  const needs = presetActive || !draft.kind ? [] : requirements(draft.kind, draft.mapping);
  const rules = inspection.kinds.find((k) => k.kind === draft.kind)?.rules ?? [];
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  useEffect(() => heading.current?.focus(), []);
  // Each refused attempt moves focus to the list of what is missing, so a keyboard user hears and sees it.
  useEffect(() => {
    if (attempts > 0) problemsRef.current?.focus();
  }, [attempts]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (blocking.length > 0) {
      setAttempts((n) => n + 1);
      return;
    }
    setStarting(true);
    try {
      const job = await client.call('imports.start', startInput(draft, inspection));
      rememberJob(job.id, { records: inspection.records, sourcePath });
      onStarted(job);
    } catch (error) {
      setFailure(error instanceof ApiError || error instanceof Error ? error.message : String(error));
      setStarting(false);
    }
  };

  return (
    <form className="mapping" aria-label="Import settings" onSubmit={(e) => void submit(e)} noValidate>
      <h2 ref={heading} tabIndex={-1}>
        Check how {inspection.fileName} will be imported
      </h2>
      <Detected inspection={inspection} onSheet={onSheet} />

      {inspection.previousImports[0] && (
        <p className="import-note">
          <span aria-hidden="true">ⓘ </span>
          You imported this file before, {format.dateTime(inspection.previousImports[0].createdAt)} (
          {STATUS[inspection.previousImports[0].status].label.toLowerCase()}). Importing it again updates what
          changed and counts the rest as unchanged.
        </p>
      )}

      <div className="mapping-choices">
        <SelectField
          label="The file holds"
          value={draft.kind ?? ''}
          options={[
            ...(draft.kind ? [] : [{ value: '', label: 'Choose…' }]),
            ...inspection.kinds.map((k) => ({ value: k.kind, label: k.label })),
          ]}
          onValue={(value) => value && setDraft((d) => withKind(d, inspection, value as ImportKind))}
          error={tried && !draft.kind ? 'choose what the file holds' : undefined}
        />
        {inspection.preset && draft.kind === inspection.preset.kind && (
          <SelectField
            label="Read it as"
            value={presetActive ? inspection.preset.name : ''}
            options={[
              { value: inspection.preset.name, label: `${inspection.preset.label} export` },
              { value: '', label: 'My own column mapping' },
            ]}
            onValue={(value) =>
              setDraft((d) =>
                value && inspection.kind ? withKind(d, inspection, inspection.kind) : withoutPreset(d),
              )
            }
          />
        )}
        {dates.map(({ column, detected }) => (
          <SelectField
            key={column}
            label={`Dates in “${column}” are written`}
            value={draft.dateOrders[column] ?? (detected === 'ambiguous' ? '' : detected)}
            options={[
              ...(detected === 'ambiguous' ? [{ value: '', label: 'As the workspace writes dates' }] : []),
              ...DATE_ORDERS,
            ]}
            onValue={(value) =>
              setDraft((d) => {
                const dateOrders = { ...d.dateOrders };
                if (value === 'DMY' || value === 'MDY') dateOrders[column] = value;
                else delete dateOrders[column];
                return { ...d, dateOrders };
              })
            }
            hint={
              detected === 'ambiguous'
                ? 'Every value reads both ways; choose the order if the file was not written in the workspace’s.'
                : `Read ${READ_AS[detected]}: some values only fit that order.`
            }
          />
        ))}
        {!presetActive && draft.kind && draft.kind !== 'contacts' && (
          <SelectField
            label="Decimal separator"
            value={draft.decimalSeparator}
            options={[
              { value: '', label: 'Tell from the values' },
              { value: '.', label: 'Point (1,234.50)' },
              { value: ',', label: 'Comma (1.234,50)' },
            ]}
            onValue={(value) => set({ decimalSeparator: value as Draft['decimalSeparator'] })}
          />
        )}
        {!presetActive && draft.kind && (
          <Field
            label="Came from"
            value={draft.source}
            maxLength={40}
            placeholder="e.g. Square"
            hint="The system it was exported from; kept on each record."
            onValue={(source) => set({ source })}
          />
        )}
      </div>

      <p className="mapping-source muted">
        {mappingOrigin(draft, inspection)}
        {presetActive && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => setDraft((d) => withoutPreset(d))}>
              Map the columns myself
            </button>
          </>
        )}
      </p>

      {draft.kind && (
        <ColumnMapping
          inspection={inspection}
          fields={fields}
          mapping={draft.mapping}
          presetLabel={presetLabel}
          onChange={(column, field) =>
            setDraft((d) => {
              const mapping = { ...d.mapping };
              if (field) mapping[column] = field;
              else delete mapping[column];
              return { ...d, mapping };
            })
          }
        />
      )}

      {needs.length > 0 && (
        <div className="requirements">
          <h3 className="subheading">
            Needed to import{' '}
            {draft.kind ? inspection.kinds.find((k) => k.kind === draft.kind)?.label.toLowerCase() : ''}
          </h3>
          <ul aria-label="Needed fields">
            {needs.map((n) => (
              <li key={n.key} className={n.column ? 'met' : 'unmet'}>
                <span aria-hidden="true">{n.column ? '✓ ' : '○ '}</span>
                {n.label}: {n.column ? `from “${n.column}”` : 'not mapped yet'}
              </li>
            ))}
          </ul>
          {rules.map((rule) => (
            <p key={rule} className="field-hint">
              {rule}
            </p>
          ))}
        </div>
      )}

      <h3 className="subheading">First rows</h3>
      <Preview inspection={inspection} />

      {tried && blocking.length > 0 && (
        <div className="import-problems" role="alert" tabIndex={-1} ref={problemsRef}>
          <p>Before importing:</p>
          <ul>
            {blocking.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {failure && (
        <div className="import-rejection" role="alert">
          <p>{failure}</p>
        </div>
      )}
      <div className="form-actions mapping-actions">
        <button type="button" className="button" onClick={onCancel}>
          Choose another file
        </button>
        <button type="submit" className="button primary" disabled={starting}>
          Import {format.number(inspection.records)} {inspection.records === 1 ? 'row' : 'rows'}
        </button>
      </div>
    </form>
  );
}
