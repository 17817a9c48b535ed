import { useState, type FormEvent } from 'react';
import type { ActivityWithNext } from '@shared/api/activities';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { Field, TextAreaField } from '../../ui/Field';
import { Choice } from './fields';
import { LeadPicker, type PickedLead } from './LeadPicker';
import { NextFollowUp, emptyNext, nextInput, type NextDraft } from './NextFollowUp';
import { ACTIVITY_ICONS, ACTIVITY_LABELS } from './activity-types';
import { asApiError, formLevel, fieldIssue, localError } from '../../lib/form-errors';

type LoggedType = 'call' | 'email' | 'meeting' | 'note';
const TYPES = (['call', 'email', 'meeting', 'note'] as const).map((t) => ({
  value: t,
  label: ACTIVITY_LABELS[t],
  icon: ACTIVITY_ICONS[t],
}));
const PLACEHOLDER: Record<LoggedType, string> = {
  call: 'e.g. Intro call with the owner',
  email: 'e.g. Sent the tasting menu',
  meeting: 'e.g. Tasting at their shop',
  note: 'e.g. Prefers e-mail after 3 pm',
};

interface Props {
  /** The lead (and its contact) the activity belongs to; without it the form asks for a lead. */
  leadId?: string;
  contactId?: string;
  onLogged(result: ActivityWithNext): void;
  onCancel?(): void;
  autoFocus?: boolean;
}

/** Log a call, e-mail, meeting or note that happened, and schedule the next follow-up in the same call. */
export function ActivityForm({ leadId, contactId, onLogged, onCancel, autoFocus }: Props) {
  const [lead, setLead] = useState<PickedLead | null>(null);
  const [type, setType] = useState<LoggedType>('call');
  const [subject, setSubject] = useState('');
  const [notes, setNotes] = useState('');
  const [next, setNext] = useState<NextDraft>(emptyNext());
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const needsLead = !leadId && !contactId;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const planned = nextInput(next);
    if (!planned.ok) return setError(localError([{ field: 'next.dueAt', message: planned.message }]));
    const owner = needsLead ? { leadId: lead?.id } : { leadId, contactId };
    if (!owner.leadId && !owner.contactId)
      return setError(localError([{ field: 'leadId', message: 'choose the lead this belongs to' }]));
    setSaving(true);
    client
      .call('activities.log', {
        ...(owner.leadId ? { leadId: owner.leadId } : {}),
        ...(owner.contactId ? { contactId: owner.contactId } : {}),
        type,
        subject,
        notes,
        done: true,
        ...(planned.value ? { next: planned.value } : {}),
      })
      .then((result) => {
        setError(null);
        setSubject('');
        setNotes('');
        setNext(emptyNext());
        onLogged(result);
      })
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setSaving(false));
  };

  const issue = (field: string) => fieldIssue(error, field);
  const general = formLevel(error, [
    'leadId',
    'contactId',
    'type',
    'subject',
    'notes',
    'next.type',
    'next.subject',
    'next.dueAt',
  ]);
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Log activity">
      {needsLead && (
        <LeadPicker value={lead} onValue={setLead} error={issue('leadId')} autoFocus={autoFocus} />
      )}
      <Choice<LoggedType> label="What happened" value={type} options={TYPES} onValue={setType} />
      <Field
        label="Subject"
        value={subject}
        onValue={setSubject}
        error={issue('subject')}
        required
        placeholder={PLACEHOLDER[type]}
        autoFocus={autoFocus && !needsLead}
      />
      <TextAreaField label="Notes" value={notes} onValue={setNotes} error={issue('notes')} />
      <NextFollowUp value={next} onValue={setNext} issue={issue} />
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
        <button type="submit" className="button primary" disabled={saving}>
          Log {ACTIVITY_LABELS[type].toLowerCase()}
        </button>
      </div>
    </form>
  );
}
