import { useCallback, useMemo } from 'react';
import { outcomeMessage, undoHistory, type Undoable, type UndoOutcome } from '../lib/undo';
import { useToast } from './toast';

/** Records actions in the session's undo history and walks it, saying each step in a toast. */
export function useUndo() {
  const toast = useToast();
  const say = useCallback(
    (outcome: UndoOutcome) => {
      const { text, tone } = outcomeMessage(outcome);
      toast.show(text, { tone });
    },
    [toast],
  );
  return useMemo(
    () => ({
      /** Remembers a confirmed write; with a message, says it in a toast that carries Undo. */
      record(entry: Undoable, message?: string) {
        undoHistory.record(entry);
        if (message) {
          toast.show(message, {
            action: { label: 'Undo', run: () => undoHistory.undo(entry).then(say) },
          });
        }
      },
      undo: () => undoHistory.undo().then(say),
      redo: () => undoHistory.redo().then(say),
    }),
    [toast, say],
  );
}
