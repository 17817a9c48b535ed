import { useState, type FormEvent } from 'react';
import type { Stage } from '@shared/api/leads';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useQuery } from '../../lib/useQuery';
import { Field } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { asApiError, fieldIssue, localError } from '../../lib/form-errors';

const OUTCOMES = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
] as const;

function percent(text: string): number | null {
  const n = Number(text.trim().replace(/\s*%$/, ''));
  return text.trim() === '' || !Number.isFinite(n) ? null : n;
}

/** The pipeline's stages: names, win probability and outcome, in order; saved as you leave each field. */
export function StageEditor() {
  const stages = useQuery('leads.stages', {});
  const list = stages.data ?? [];
  const toast = useToast();
  const reorder = (index: number, by: -1 | 1) => {
    const ids = list.map((s) => s.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + by, 0, moved);
    void client
      .call('leads.reorderStages', { ids })
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
  };
  return (
    <div className="stage-editor">
      <p className="sales-muted stage-intro">
        The win probability weighs each stage's value in the pipeline total. Only an empty stage can be
        deleted.
      </p>
      <div className="stage-row stage-head" aria-hidden="true">
        <span>Stage</span>
        <span>Win %</span>
        <span>Outcome</span>
        <span>Leads</span>
      </div>
      <ol className="stage-list" aria-label="Stages">
        {list.map((stage, index) => (
          <StageRow
            key={`${stage.id}-${stage.name}-${stage.probability}-${stage.outcome}`}
            stage={stage}
            first={index === 0}
            last={index === list.length - 1}
            onMove={(by) => reorder(index, by)}
          />
        ))}
      </ol>
      <NewStage
        position={Math.max(
          0,
          list.findIndex((s) => s.outcome !== 'open'),
        )}
      />
    </div>
  );
}

function StageRow({
  stage,
  first,
  last,
  onMove,
}: {
  stage: Stage;
  first: boolean;
  last: boolean;
  onMove(by: -1 | 1): void;
}) {
  const toast = useToast();
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(String(stage.probability));
  const [error, setError] = useState<ApiError | null>(null);
  const save = (patch: { name?: string; probability?: number; outcome?: Stage['outcome'] }) =>
    void client
      .call('leads.updateStage', { id: stage.id, ...patch })
      .then(() => setError(null))
      .catch((e: unknown) => setError(asApiError(e)));
  const saveProbability = () => {
    const value = percent(probability);
    if (value === null)
      return setError(localError([{ field: 'probability', message: 'enter a percentage from 0 to 100' }]));
    if (value !== stage.probability) save({ probability: value });
  };
  const remove = () =>
    void client
      .call('leads.deleteStage', { id: stage.id })
      .then(() => toast.show(`Deleted the stage ${stage.name}.`))
      .catch((e: unknown) => setError(asApiError(e)));
  const general =
    error && !error.issueFor('name') && !error.issueFor('probability') ? error.message : undefined;
  const nameError = fieldIssue(error, 'name');
  const probabilityError = fieldIssue(error, 'probability');
  return (
    <li className="stage-row">
      <input
        aria-label={`Name of the stage ${stage.name}`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        onBlur={() => name.trim() !== stage.name && save({ name })}
        aria-invalid={nameError ? true : undefined}
      />
      <span className="stage-percent">
        <input
          aria-label={`Win probability of ${stage.name} (%)`}
          inputMode="numeric"
          value={probability}
          onChange={(e) => setProbability(e.target.value)}
          onBlur={saveProbability}
          aria-invalid={probabilityError ? true : undefined}
        />
        <span aria-hidden="true">%</span>
      </span>
      <select
        aria-label={`Outcome of ${stage.name}`}
        value={stage.outcome}
        onChange={(e) => save({ outcome: e.target.value as Stage['outcome'] })}
      >
        {OUTCOMES.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <span className="sales-muted stage-count">
        {stage.leadCount} {stage.leadCount === 1 ? 'lead' : 'leads'}
      </span>
      <span className="stage-buttons">
        <button
          type="button"
          className="icon-button"
          onClick={() => onMove(-1)}
          disabled={first}
          aria-label={`Move ${stage.name} up`}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => onMove(1)}
          disabled={last}
          aria-label={`Move ${stage.name} down`}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={remove}
          disabled={stage.leadCount > 0}
          title={stage.leadCount > 0 ? 'Move its leads to another stage first' : `Delete ${stage.name}`}
          aria-label={`Delete ${stage.name}`}
        >
          ×
        </button>
      </span>
      {(nameError ?? probabilityError ?? general) && (
        <p className="field-error stage-error" role="alert">
          {nameError ?? probabilityError ?? general}
        </p>
      )}
    </li>
  );
}

function NewStage({ position }: { position: number }) {
  const [name, setName] = useState('');
  const [probability, setProbability] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = percent(probability);
    if (value === null)
      return setError(localError([{ field: 'probability', message: 'enter a percentage from 0 to 100' }]));
    void client
      .call('leads.createStage', { name, probability: value, position })
      .then(() => {
        setName('');
        setProbability('');
        setError(null);
      })
      .catch((e: unknown) => setError(asApiError(e)));
  };
  return (
    <form className="form stage-new" onSubmit={submit} noValidate aria-label="Add a stage">
      <h3 className="sales-h3">Add a stage</h3>
      <div className="form-row">
        <Field label="Name" value={name} onValue={setName} error={fieldIssue(error, 'name')} required />
        <Field
          label="Win probability (%)"
          inputMode="numeric"
          value={probability}
          onValue={setProbability}
          error={fieldIssue(error, 'probability')}
          required
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary">
          Add stage
        </button>
      </div>
    </form>
  );
}
