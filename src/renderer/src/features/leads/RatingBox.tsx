import { useId, useState } from 'react';
import type { Lead } from '@shared/api/leads';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useUndo } from '../../ui/useUndo';
import { ratingEntry } from '../undo/entries';
import { asApiError } from '../../lib/form-errors';

const MEANING = ['', 'poor fit', 'weak', 'fair', 'good', 'excellent'];

/** Sales' verdict on the lead's quality, for marketing: 1–5 stars with a short note, shown with who and when. */
export function RatingBox({ lead }: { lead: Lead }) {
  const { format } = useWorkspace();
  const history = useUndo();
  const name = useId();
  const [note, setNote] = useState(lead.ratingNote);
  const [error, setError] = useState<string | null>(null);
  // Shown at once; the core's answer replaces it as soon as the lead reloads.
  const [optimistic, setOptimistic] = useState<{ from: number | null; to: number | null } | null>(null);
  const rating = optimistic && optimistic.from === lead.rating ? optimistic.to : lead.rating;

  const rate = (next: number | null, text = note) => {
    setOptimistic({ from: lead.rating, to: next });
    return client
      .call('leads.rate', { id: lead.id, rating: next, note: text })
      .then((saved) => {
        setError(null);
        if (next === null) setNote('');
        history.record(
          ratingEntry(lead, saved),
          next === null ? 'Rating cleared.' : `Rated ${saved.rating} of 5.`,
        );
      })
      .catch((e: unknown) => {
        setOptimistic(null);
        setError(asApiError(e).message);
      });
  };

  return (
    <div className="sales-rating">
      <fieldset className="sales-stars">
        <legend>Lead quality</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label
            key={n}
            className={rating !== null && n <= rating ? 'is-on' : undefined}
            title={`${n} – ${MEANING[n]}`}
          >
            <input type="radio" name={name} value={n} checked={rating === n} onChange={() => void rate(n)} />
            <span aria-hidden="true">★</span>
            <span className="visually-hidden">
              {n} {n === 1 ? 'star' : 'stars'} – {MEANING[n]}
            </span>
          </label>
        ))}
        {rating !== null && (
          <button type="button" className="button-link sales-small-text" onClick={() => void rate(null, '')}>
            Clear
          </button>
        )}
      </fieldset>
      <label className="visually-hidden" htmlFor={`${name}-note`}>
        Quality note
      </label>
      <input
        id={`${name}-note`}
        className="sales-rating-note"
        value={note}
        maxLength={500}
        placeholder={
          lead.rating === null
            ? 'Pick the stars, then say why (optional)'
            : 'Why this rating? (saved when you leave the field)'
        }
        onChange={(e) => setNote(e.target.value)}
        onBlur={() => lead.rating !== null && note.trim() !== lead.ratingNote && void rate(lead.rating)}
        onKeyDown={(e) => e.key === 'Enter' && lead.rating !== null && void rate(lead.rating)}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="sales-muted sales-small-text" aria-live="polite">
        {lead.rating !== null && lead.ratedAt
          ? `Rated ${lead.rating} of 5 by ${lead.ratedBy ?? 'you'} on ${format.dateTime(lead.ratedAt)}`
          : 'Not rated yet: your rating tells marketing which campaigns bring good leads.'}
      </p>
    </div>
  );
}
