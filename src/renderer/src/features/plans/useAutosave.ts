import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '@shared/contract/result';
import { asApiError } from '../../lib/form-errors';

interface Autosave<T> {
  draft: T;
  /** `now` saves at once (a choice made with a click) instead of after the typing pause. */
  setDraft(value: T, now?: boolean): void;
  /** The core's answer when the last save was refused; what was typed stays on screen. */
  error: ApiError | null;
  saving: boolean;
}

/**
 * Saved as you type: edits go to the core after a pause (and at once when the component goes away). The
 * database's value replaces the draft only while nothing typed is waiting to be saved, so a refetch never
 * eats keystrokes.
 */
export function useAutosave<T>(server: T, save: (value: T) => Promise<unknown>, delay = 600): Autosave<T> {
  const [draft, setDraftState] = useState(server);
  const [seen, setSeen] = useState(server);
  const [pending, setPending] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (!Object.is(seen, server)) {
    setSeen(server);
    if (!pending) setDraftState(server);
  }

  const latest = useRef({ draft, save });
  useEffect(() => {
    latest.current = { draft, save };
  });
  const timer = useRef<number | undefined>(undefined);
  const edits = useRef(0);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const sent = edits.current;
    setSaving(true);
    latest.current
      .save(latest.current.draft)
      .then(() => {
        setError(null);
        if (edits.current === sent) setPending(false);
      })
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setSaving(false));
  }, []);

  const setDraft = useCallback(
    (value: T, now = false) => {
      edits.current++;
      latest.current.draft = value;
      setDraftState(value);
      setPending(true);
      window.clearTimeout(timer.current);
      if (now) flush();
      else timer.current = window.setTimeout(flush, delay);
    },
    [flush, delay],
  );

  useEffect(
    () => () => {
      if (timer.current !== undefined) flush();
    },
    [flush],
  );
  return { draft, setDraft, error, saving };
}
