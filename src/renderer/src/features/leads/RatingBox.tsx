import { useId, useRef, useState, type FocusEvent } from 'react';
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
  // The star under the pointer and the ones before it light up, showing the rating a click would give.
  const [hover, setHover] = useState<number | null>(null);
  const lit = hover ?? rating;
  // The note on its way to the core, and the saved note it replaces: Enter and then leaving the field
  // save it once, until the lead reloads (or an undo changes its note).
  const sending = useRef<{ note: string; over: string } | null>(null);

  const rate = (next: number | null, text = note) => {
    const noteOnly = next !== null && next === lead.rating;
    sending.current = { note: text.trim(), over: lead.ratingNote };
    setOptimistic({ from: lead.rating, to: next });
    return client
      .call('leads.rate', { id: lead.id, rating: next, note: text })
      .then((saved) => {
        setError(null);
        if (next === null) setNote('');
        history.record(
          ratingEntry(lead, saved),
          next === null
            ? 'Rating cleared.'
            : noteOnly
              ? 'Saved the quality note.'
              : `Rated ${saved.rating} of 5.`,
        );
      })
      .catch((e: unknown) => {
        sending.current = null;
        setOptimistic(null);
        setError(asApiError(e).message);
      });
  };

  const saveNote = () => {
    if (lead.rating === null) return;
    const text = note.trim();
    const pending = sending.current;
    if (text === lead.ratingNote.trim()) return;
    if (pending && pending.note === text && pending.over === lead.ratingNote) return;
    void rate(lead.rating);
  };

  return (
    <div className="sales-rating">
      <fieldset className="sales-stars" onMouseLeave={() => setHover(null)}>
        <legend>Lead quality</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label
            key={n}
            className={lit !== null && n <= lit ? 'is-on' : undefined}
            title={`${n} – ${MEANING[n]}`}
            onMouseEnter={() => setHover(n)}
          >
            <input
              type="radio"
              name={name}
              value={n}
              checked={rating === n}
              onChange={() => void rate(n)}
              // The star already given: the click still saves a note typed before it.
              onClick={() => n === lead.rating && saveNote()}
            />
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
        onBlur={(event: FocusEvent<HTMLInputElement>) => {
          // Leaving the note for a star: the star's rating carries the note, in one save and one toast.
          const to = event.relatedTarget;
          if (!(to instanceof Element && to.closest('.sales-stars'))) saveNote();
        }}
        onKeyDown={(e) => e.key === 'Enter' && saveNote()}
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
