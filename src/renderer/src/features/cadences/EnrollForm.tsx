import { useState, type FormEvent } from 'react';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useClock } from '../../lib/clock';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { SelectField } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { DateField, emptyDate, type DateValue } from '../leads/fields';
import { dateProblem } from '../leads/due-dates';
import { asApiError, formLevel, fieldIssue, localError } from '../../lib/form-errors';
import { StepPreviewList } from './StepPreviewList';

interface Props {
  leadIds: string[];
  /** Shown in the preview heading: whose texts these are. */
  previewName?: string;
  onDone(): void;
  onCancel?(): void;
}

/** Enrol one or many leads in a cadence: every step becomes a follow-up on its day, previewed before. */
export function EnrollForm({ leadIds, previewName, onDone, onCancel }: Props) {
  const { today } = useClock();
  const { format } = useWorkspace();
  const toast = useToast();
  const cadences = useQuery('cadences.list', {});
  const [cadenceId, setCadenceId] = useState('');
  const [start, setStart] = useState<DateValue>(emptyDate(today));
  const [error, setError] = useState<ApiError | null>(null);
  const chosen = cadenceId || cadences.data?.[0]?.id || '';
  const startOk = !dateProblem(start.value, start.bad) && start.value !== '';

  if (cadences.data && cadences.data.length === 0) {
    return (
      <div className="sales-empty-inline">
        <p>
          No cadences yet. A cadence is a sequence of touches — call on day 0, e-mail on day 2, LinkedIn on
          day 5 — that turns into follow-ups on the right days.
        </p>
        <a className="button primary" href="#/cadences">
          Create a cadence
        </a>
      </div>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = dateProblem(start.value, start.bad);
    if (problem) return setError(localError([{ field: 'startDate', message: problem }]));
    void client
      .call('cadences.enroll', {
        cadenceId: chosen,
        leadIds,
        ...(start.value ? { startDate: start.value } : {}),
      })
      .then((result) => {
        const name = cadences.data?.find((c) => c.id === chosen)?.name ?? 'the cadence';
        const skipped =
          result.skipped.length > 0
            ? ` Skipped ${result.skipped.length}: ${[...new Set(result.skipped.map((s) => s.reason))].join(', ')}.`
            : '';
        toast.show(
          `Enrolled ${result.enrolled.length} ${result.enrolled.length === 1 ? 'lead' : 'leads'} in ${name}.${skipped}`,
        );
        onDone();
      })
      .catch((e: unknown) => setError(asApiError(e)));
  };
  const issue = (field: string) => fieldIssue(error, field);
  const general = formLevel(error, ['cadenceId', 'startDate']);
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Enrol in cadence">
      <div className="form-row">
        <SelectField
          label="Cadence"
          value={chosen}
          options={(cadences.data ?? []).map((c) => ({
            value: c.id,
            label: `${c.name} · ${format.count(c.steps.length, 'step', 'steps')}`,
          }))}
          onValue={setCadenceId}
          error={issue('cadenceId')}
        />
        <DateField
          label="Start"
          value={start}
          onValue={setStart}
          error={issue('startDate')}
          hint={start.value ? `Day 0 is ${format.date(start.value)}` : undefined}
        />
      </div>
      {chosen && startOk && (
        <StepPreviewList
          cadenceId={chosen}
          leadId={leadIds[0]}
          startDate={start.value}
          heading={`Preview${previewName ? ` for ${previewName}` : ''}`}
        />
      )}
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      <div className="form-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary" disabled={!chosen}>
          Enrol {leadIds.length === 1 ? 'lead' : `${leadIds.length} leads`}
        </button>
      </div>
    </form>
  );
}
