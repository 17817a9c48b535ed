import { useId } from 'react';
import type { ActivityType } from '@shared/api/activities';
import { useClock } from '../../lib/clock';
import { useWorkspace } from '../../lib/settings';
import { Field, SelectField } from '../../ui/Field';
import { DateField, emptyDate, type DateValue } from './fields';
import { ACTIVITY_LABELS } from './activity-types';
import { dateProblem, quickDays } from './due-dates';

export interface NextDraft {
  on: boolean;
  type: Exclude<ActivityType, 'note'>;
  subject: string;
  due: DateValue;
}

export const emptyNext = (on = false): NextDraft => ({ on, type: 'call', subject: '', due: emptyDate() });

const TYPES = (['call', 'email', 'meeting', 'task', 'linkedin'] as const).map((t) => ({
  value: t,
  label: ACTIVITY_LABELS[t],
}));

/** The `next` part of a log or complete call, or a local date problem to show instead of calling. */
export function nextInput(
  next: NextDraft,
):
  | { ok: true; value?: { type: NextDraft['type']; subject: string; dueAt: string } }
  | { ok: false; message: string } {
  if (!next.on) return { ok: true };
  const problem = dateProblem(next.due.value, next.due.bad);
  if (problem) return { ok: false, message: problem };
  return { ok: true, value: { type: next.type, subject: next.subject, dueAt: next.due.value } };
}

/** "Schedule the next follow-up" inside the form that logs or completes one: the loop never drops a lead. */
export function NextFollowUp({
  value,
  onValue,
  issue,
}: {
  value: NextDraft;
  onValue(next: NextDraft): void;
  issue(field: string): string | undefined;
}) {
  const { today } = useClock();
  const { format } = useWorkspace();
  const id = useId();
  const set =
    <K extends keyof NextDraft>(field: K) =>
    (v: NextDraft[K]) =>
      onValue({ ...value, [field]: v });
  return (
    <div className="sales-next">
      <label htmlFor={id} className="sales-check">
        <input
          id={id}
          type="checkbox"
          checked={value.on}
          onChange={(e) =>
            onValue({
              ...value,
              on: e.target.checked,
              due: value.due.value ? value.due : emptyDate(quickDays(today)[0]?.date),
            })
          }
        />
        Schedule the next follow-up
      </label>
      {value.on && (
        <fieldset className="sales-fieldset">
          <legend className="visually-hidden">Details of the next follow-up</legend>
          <div className="form-row">
            <SelectField
              label="Next step"
              value={value.type}
              options={TYPES}
              onValue={(v) => set('type')(v as NextDraft['type'])}
              error={issue('next.type')}
            />
            <Field
              label="Next follow-up"
              value={value.subject}
              onValue={set('subject')}
              error={issue('next.subject')}
              placeholder="e.g. Send the price list"
            />
          </div>
          <DateField
            label="Due"
            value={value.due}
            onValue={set('due')}
            error={issue('next.dueAt')}
            required
          />
          <div className="sales-quick" role="group" aria-label="Quick due dates">
            {quickDays(today).map((q) => (
              <button
                key={q.label}
                type="button"
                className="sales-chip"
                aria-pressed={value.due.value === q.date}
                title={format.date(q.date)}
                onClick={() => set('due')(emptyDate(q.date))}
              >
                {q.label}
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
