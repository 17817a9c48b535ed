import { useId, useState, type FormEvent } from 'react';
import type { FollowUpsOnClose } from '@shared/api/leads';
import { Field } from '../../ui/Field';

export interface Closing {
  lostReason?: string;
  followUps: FollowUpsOnClose;
}

const CHOICES: { value: FollowUpsOnClose; label: string; hint: string }[] = [
  { value: 'cancel', label: 'Cancel them', hint: 'they leave Today; the Trash keeps them' },
  { value: 'done', label: 'Mark them done', hint: 'as if each had happened' },
  { value: 'keep', label: 'Keep them open', hint: 'they stay in Today' },
];

/** Does closing this lead need to ask anything? Lost needs a reason; open follow-ups need a decision. */
export function closingAsks(outcome: 'won' | 'lost', openFollowUps: number): boolean {
  return outcome === 'lost' || openFollowUps > 0;
}

/**
 * Closing a lead asks why it was lost (marketing learns from it; the core refuses lost without a reason) and
 * what becomes of its open follow-ups, so a closed lead leaves nothing stale in Today. Cancel is the default.
 */
export function CloseForm({
  outcome,
  openFollowUps,
  onCancel,
  onConfirm,
  className = 'form',
  label,
  error: outerError,
}: {
  outcome: 'won' | 'lost';
  openFollowUps: number;
  onCancel(): void;
  onConfirm(closing: Closing): void;
  className?: string;
  label: string;
  error?: string | undefined;
}) {
  const [reason, setReason] = useState('');
  const [followUps, setFollowUps] = useState<FollowUpsOnClose>('cancel');
  const [error, setError] = useState<string | undefined>();
  const name = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (outcome === 'lost' && !reason.trim()) return setError('say why the lead was lost');
    onConfirm(outcome === 'lost' ? { lostReason: reason.trim(), followUps } : { followUps });
  };
  return (
    <form className={className} onSubmit={submit} noValidate aria-label={label}>
      {outcome === 'lost' && (
        <Field
          label="Lost reason"
          value={reason}
          onValue={setReason}
          error={error ?? outerError}
          required
          autoFocus
          placeholder="e.g. Went with a cheaper roaster"
        />
      )}
      {openFollowUps > 0 && (
        <fieldset className="close-follow-ups">
          <legend>
            {openFollowUps === 1
              ? 'This lead has 1 open follow-up.'
              : `This lead has ${openFollowUps} open follow-ups.`}
          </legend>
          {CHOICES.map((c, i) => (
            <label key={c.value}>
              <input
                type="radio"
                name={name}
                value={c.value}
                checked={followUps === c.value}
                onChange={() => setFollowUps(c.value)}
                autoFocus={outcome === 'won' && i === 0}
              />
              {c.label} <span className="sales-muted">· {c.hint}</span>
            </label>
          ))}
        </fieldset>
      )}
      {outcome === 'won' && outerError && <p role="alert">{outerError}</p>}
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>
          Keep it open
        </button>
        <button type="submit" className="button primary">
          {outcome === 'lost' ? 'Mark as lost' : 'Mark as won'}
        </button>
      </div>
    </form>
  );
}
