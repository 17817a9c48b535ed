import { useState, type FormEvent } from 'react';
import type { ActivityWithNext } from '@shared/api/activities';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { Field } from '../../ui/Field';
import { NextFollowUp, emptyNext, nextInput, type NextDraft } from './NextFollowUp';
import { asApiError, formLevel, fieldIssue, localError } from '../../lib/form-errors';
import type { Undoable } from '../../lib/undo';
import { completeEntry } from '../undo/entries';

interface Props {
  /** `outcome`: what the open follow-up says now, put back when the Done is undone (none when absent). */
  activity: { id: string; subject: string; type?: string; outcome?: string | null };
  /** `undo` takes the Done back (and the next follow-up it scheduled): record it in the undo history. */
  onDone(result: ActivityWithNext, undo: Undoable): void;
  onCancel(): void;
  /** Open the next follow-up part at once ("Schedule next"). */
  scheduleNext?: boolean;
}

/** Outcomes that make the activity a touch in the contact's touch log (see the touch_log view). */
const TOUCH_HINTS: Record<string, string> = {
  email: 'Start with “Clicked” (e.g. Clicked the tasting link) to count it as an e-mail click in Results.',
  meeting:
    'Start with “Attended” (e.g. Attended the CoffeeFest cupping) to count it as an event visit in Results.',
};

/** Done with an outcome, and the next follow-up scheduled in the same call. */
export function CompleteForm({ activity, onDone, onCancel, scheduleNext = false }: Props) {
  const [outcome, setOutcome] = useState('');
  const [next, setNext] = useState<NextDraft>(emptyNext(scheduleNext));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const planned = nextInput(next);
    if (!planned.ok) return setError(localError([{ field: 'next.dueAt', message: planned.message }]));
    setSaving(true);
    client
      .call('activities.complete', {
        id: activity.id,
        outcome,
        ...(planned.value ? { next: planned.value } : {}),
      })
      .then((result) => onDone(result, completeEntry(result, outcome, activity.outcome)))
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setSaving(false));
  };
  const issue = (field: string) => fieldIssue(error, field);
  const general = formLevel(error, ['outcome', 'next.type', 'next.subject', 'next.dueAt']);
  return (
    <form
      className="form sales-inline-form"
      onSubmit={submit}
      noValidate
      aria-label={`Complete ${activity.subject}`}
    >
      <Field
        label="Outcome"
        value={outcome}
        onValue={setOutcome}
        error={issue('outcome')}
        placeholder="e.g. Interested, wants a tasting"
        hint={activity.type ? TOUCH_HINTS[activity.type] : undefined}
        autoFocus
      />
      <NextFollowUp value={next} onValue={setNext} issue={issue} />
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={saving}>
          Mark done
        </button>
      </div>
    </form>
  );
}
