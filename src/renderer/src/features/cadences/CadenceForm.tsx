import { useState, type FormEvent } from 'react';
import type { Cadence } from '@shared/api/cadences';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { Field, TextAreaField } from '../../ui/Field';
import { asApiError, formLevel, fieldIssue, localError } from '../../lib/form-errors';
import { StepEditor, type StepDraft } from './StepEditor';

interface Props {
  cadence?: Cadence;
  onSaved(cadence: Cadence): void;
  onCancel?(): void;
}

const firstSteps = (): StepDraft[] => [
  { key: 1, day: '0', type: 'call', instruction: 'Call {{first_name}} about {{lead_title}}' },
  { key: 2, day: '2', type: 'email', instruction: 'E-mail {{first_name}}: {{key_message}}' },
  { key: 3, day: '5', type: 'linkedin', instruction: 'Connect with {{first_name}} on LinkedIn' },
];

/** Name, weekends, and the steps: a day offset, a type and an instruction that may use the lead's details. */
export function CadenceForm({ cadence, onSaved, onCancel }: Props) {
  const [name, setName] = useState(cadence?.name ?? '');
  const [description, setDescription] = useState(cadence?.description ?? '');
  const [skipWeekends, setSkipWeekends] = useState(cadence?.skipWeekends ?? true);
  const [steps, setSteps] = useState<StepDraft[]>(() =>
    cadence
      ? cadence.steps.map((s, i) => ({
          key: i + 1,
          day: String(s.dayOffset),
          type: s.type,
          instruction: s.instruction,
        }))
      : firstSteps(),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = steps.flatMap((s, i) =>
      /^-?\d+$/.test(s.day.trim())
        ? []
        : [{ field: `steps.${i}.dayOffset`, message: 'enter whole days, e.g. 0 for the start day' }],
    );
    if (bad.length > 0) return setError(localError(bad));
    const payload = {
      name,
      description,
      skipWeekends,
      steps: steps.map((s) => ({
        dayOffset: Number(s.day.trim()),
        type: s.type,
        instruction: s.instruction,
      })),
    };
    setSaving(true);
    const request = cadence
      ? client.call('cadences.update', { id: cadence.id, patch: payload })
      : client.call('cadences.create', payload);
    request
      .then((saved) => {
        setError(null);
        onSaved(saved);
      })
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setSaving(false));
  };
  const issue = (field: string) => fieldIssue(error, field);
  const stepFields = steps.flatMap((_, i) => [
    `steps.${i}.dayOffset`,
    `steps.${i}.type`,
    `steps.${i}.instruction`,
  ]);
  const general = formLevel(error, ['name', 'description', 'skipWeekends', 'steps', ...stepFields]);
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={cadence ? 'Edit cadence' : 'New cadence'}>
      <Field
        label="Name"
        value={name}
        onValue={setName}
        error={issue('name')}
        required
        autoFocus
        placeholder="e.g. After a tasting"
      />
      <TextAreaField
        label="What it is for"
        value={description}
        onValue={setDescription}
        error={issue('description')}
        rows={2}
      />
      <label className="sales-check">
        <input type="checkbox" checked={skipWeekends} onChange={(e) => setSkipWeekends(e.target.checked)} />
        Skip weekends (a step landing on Saturday or Sunday moves to Monday)
      </label>
      <StepEditor steps={steps} onSteps={setSteps} issue={issue} />
      {issue('steps') && (
        <p className="field-error" role="alert">
          {issue('steps')}
        </p>
      )}
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      {cadence && cadence.activeEnrollments > 0 && (
        <p className="field-hint">
          Leads already in this cadence keep the follow-ups they were given; changes apply to new enrolments.
        </p>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary" disabled={saving}>
          {cadence ? 'Save cadence' : 'Create cadence'}
        </button>
      </div>
    </form>
  );
}
