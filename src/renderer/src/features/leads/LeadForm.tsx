import { useState, type FormEvent } from 'react';
import { LeadCreate, LeadPatch, type Lead, type LeadChannel } from '@shared/api/leads';
import { issuesOf } from '@shared/contract/validate';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { Field, SelectField } from '../../ui/Field';
import { ContactPicker, type ContactChoice } from './ContactPicker';
import { DateField, emptyDate, type DateValue } from './fields';
import { moneyInputText, parseMoneyInput } from '@shared/domain/money-input';
import { dateProblem } from './due-dates';
import { LEAD_CHANNELS } from './lead-channels';
import { asApiError, formLevel, fieldIssue, localError } from '../../lib/form-errors';

const UNKNOWN = 'unknown';
const FIELDS = [
  'title',
  'contactId',
  'campaignId',
  'channel',
  'valueMinor',
  'expectedCloseDate',
  'owner',
  'stageId',
];

interface Draft {
  title: string;
  contact: ContactChoice;
  campaignId: string;
  channel: LeadChannel;
  value: string;
  expectedClose: DateValue;
  owner: string;
  stageId: string;
}

interface Props {
  lead?: Lead;
  /** A new lead for this contact (from the contact's panel). */
  contact?: { id: string; name: string };
  onSaved(lead: Lead): void;
  onCancel?(): void;
}

/** Create or edit a lead in one call; a new contact is created with it, so nothing is half-saved. */
export function LeadForm({ lead, contact, onSaved, onCancel }: Props) {
  const { settings } = useWorkspace();
  const campaigns = useQuery('campaigns.list', {});
  const stages = useQuery('leads.stages', {});
  const [draft, setDraft] = useState<Draft>(() => ({
    title: lead?.title ?? '',
    contact: lead?.contactId
      ? { kind: 'existing', id: lead.contactId, name: lead.contactName ?? '', detail: lead.companyName ?? '' }
      : contact
        ? { kind: 'existing', id: contact.id, name: contact.name, detail: '' }
        : { kind: 'none' },
    campaignId: lead?.campaignId ?? UNKNOWN,
    channel: lead?.channel ?? 'unknown',
    value: lead ? moneyInputText(lead.valueMinor, settings.locale, settings.currency) : '',
    expectedClose: emptyDate(lead?.expectedCloseDate ?? ''),
    owner: lead?.owner ?? '',
    stageId: '',
  }));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof Draft>(field: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [field]: value }));

  const pickCampaign = (campaignId: string) => {
    const campaign = campaigns.data?.find((c) => c.id === campaignId);
    const channel =
      LEAD_CHANNELS.find((c) => c.value === campaign?.channel)?.value ?? (campaign ? 'other' : 'unknown');
    setDraft((d) => ({ ...d, campaignId, channel }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const money = parseMoneyInput(draft.value, settings.locale, settings.currency);
    const badDate = dateProblem(draft.expectedClose.value, draft.expectedClose.bad);
    const c = draft.contact;
    const fields = {
      title: draft.title,
      campaignId: draft.campaignId === UNKNOWN ? null : draft.campaignId,
      channel: draft.channel,
      // A lead without a value is worth nothing yet: an empty field means 0.
      valueMinor: money.ok ? (money.value ?? 0) : 0,
      expectedCloseDate: badDate ? null : draft.expectedClose.value || null,
      owner: draft.owner,
    };
    const patch = { ...fields, contactId: c.kind === 'existing' ? c.id : null };
    const create = {
      ...fields,
      ...(c.kind === 'existing' ? { contactId: c.id } : {}),
      ...(c.kind === 'new'
        ? { newContact: { firstName: c.firstName, lastName: c.lastName, email: c.email, phone: c.phone } }
        : {}),
      ...(draft.stageId ? { stageId: draft.stageId } : {}),
    };
    if (!money.ok || badDate) {
      // The form's own problems, with every other field checked by the same rules the core applies.
      const checked = lead ? LeadPatch.safeParse(patch) : LeadCreate.safeParse(create);
      setError(
        localError([
          ...(checked.success ? [] : issuesOf(checked.error)),
          ...(money.ok ? [] : [{ field: 'valueMinor', message: money.message }]),
          ...(badDate ? [{ field: 'expectedCloseDate', message: badDate }] : []),
        ]),
      );
      return;
    }
    setSaving(true);
    const request = lead
      ? client.call('leads.update', { id: lead.id, patch })
      : client.call('leads.create', create);
    request
      .then((saved) => {
        setError(null);
        onSaved(saved);
      })
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setSaving(false));
  };

  const issue = (field: string) => fieldIssue(error, field);
  const campaignOptions = [
    { value: UNKNOWN, label: 'Unknown source' },
    ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  const stageOptions = [
    { value: '', label: 'First stage' },
    ...(stages.data ?? [])
      .filter((s) => s.outcome !== 'lost')
      .map((s) => ({ value: s.id, label: `${s.name} (${s.probability} %)` })),
  ];
  const general = formLevel(error, [
    ...FIELDS,
    'newContact.firstName',
    'newContact.lastName',
    'newContact.email',
    'newContact.phone',
    'newContact',
  ]);
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={lead ? 'Edit lead' : 'New lead'}>
      <Field
        label="Title"
        value={draft.title}
        onValue={set('title')}
        error={issue('title')}
        required
        autoFocus
        placeholder="e.g. Office coffee for Pemaquid"
      />
      <ContactPicker value={draft.contact} onValue={set('contact')} issue={issue} />
      <div className="form-row">
        <SelectField
          label="Source campaign"
          value={draft.campaignId}
          options={campaignOptions}
          onValue={pickCampaign}
          error={issue('campaignId')}
        />
        <SelectField
          label="Channel"
          value={draft.channel}
          options={LEAD_CHANNELS}
          onValue={(v) => set('channel')(v as LeadChannel)}
          error={issue('channel')}
        />
      </div>
      <div className="form-row">
        <Field
          label={`Value (${settings.currency})`}
          inputMode="decimal"
          value={draft.value}
          onValue={set('value')}
          error={issue('valueMinor')}
          className="money"
        />
        <DateField
          label="Expected close"
          value={draft.expectedClose}
          onValue={set('expectedClose')}
          error={issue('expectedCloseDate')}
        />
      </div>
      <div className="form-row">
        <Field
          label="Owner"
          value={draft.owner}
          onValue={set('owner')}
          error={issue('owner')}
          placeholder="Who works this lead"
        />
        {!lead && (
          <SelectField
            label="Stage"
            value={draft.stageId}
            options={stageOptions}
            onValue={set('stageId')}
            error={issue('stageId')}
          />
        )}
      </div>
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
          {lead ? 'Save lead' : 'Create lead'}
        </button>
      </div>
    </form>
  );
}
