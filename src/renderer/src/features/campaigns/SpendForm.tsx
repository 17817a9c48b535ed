import { useState, type FormEvent } from 'react';
import type { SpendEntry } from '@shared/api/spend';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useClock } from '../../lib/clock';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { Field, SelectField } from '../../ui/Field';
import { parseMoneyInput } from '@shared/domain/money-input';
import { asApiError, fieldIssue, localError } from '../../lib/form-errors';

interface Props {
  /** Fixed on a campaign's page; chosen in the form otherwise. */
  campaignId?: string;
  compact?: boolean;
  onSaved(entry: SpendEntry): void;
}

/** One dated spend entry typed by hand: date, amount and a note. */
export function SpendForm({ campaignId, compact, onSaved }: Props) {
  const { settings } = useWorkspace();
  const { today } = useClock();
  const campaigns = useQuery('campaigns.list', {});
  const [chosen, setChosen] = useState('');
  const [date, setDate] = useState(today);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const target = campaignId ?? (chosen || campaigns.data?.[0]?.id || '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMoneyInput(amount, settings.locale, settings.currency);
    if (!parsed.ok) return setError(localError([{ field: 'amountMinor', message: parsed.message }]));
    if (parsed.value === null)
      return setError(localError([{ field: 'amountMinor', message: 'enter the amount spent' }]));
    if (!target) return setError(localError([{ field: 'campaignId', message: 'create a campaign first' }]));
    setSaving(true);
    client
      .call('spend.create', { campaignId: target, date, amountMinor: parsed.value, note })
      .then((entry) => {
        setError(null);
        setAmount('');
        setNote('');
        onSaved(entry);
      })
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setSaving(false));
  };

  const issue = (field: string) => fieldIssue(error, field);
  return (
    <form className={compact ? 'spend-form' : 'form'} onSubmit={submit} noValidate aria-label="Log spend">
      {!campaignId && (
        <SelectField
          label="Campaign"
          value={target}
          options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onValue={setChosen}
          error={issue('campaignId')}
        />
      )}
      <Field label="Date" type="date" value={date} onValue={setDate} error={issue('date')} required />
      <Field
        label={`Amount (${settings.currency})`}
        inputMode="decimal"
        value={amount}
        onValue={setAmount}
        error={issue('amountMinor')}
        required
        autoFocus={!compact}
      />
      <Field
        label="Note"
        value={note}
        onValue={setNote}
        error={issue('note')}
        placeholder="Invoice, ad set, printer…"
      />
      {error && error.issues.length === 0 && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div className={compact ? 'spend-form-action' : 'form-actions'}>
        <button type="submit" className="button primary" disabled={saving}>
          Log spend
        </button>
      </div>
    </form>
  );
}
