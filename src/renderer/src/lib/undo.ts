/**
 * The session's undo history: what the user did, newest last, each with a way back and a way forward again.
 * Write paths record an entry once the core has confirmed the write; Ctrl/⌘+Z, Ctrl/⌘+Shift+Z and Ctrl+Y
 * (app/globalShortcuts.ts) and the Undo button of a toast walk it. The core's inverse methods check that the
 * record still holds what the action left, so an undo that would overwrite a later change fails instead, and
 * its entry is dropped. Kept in memory only: a restart starts a new history (deletes stay in the Trash).
 */

export interface Undoable {
  /** What was done, as the toast says it after "Undid:" or "Redid:" — e.g. moved “Acme deal” to Won. */
  label: string;
  undo(): Promise<unknown>;
  redo(): Promise<unknown>;
}

export type UndoOutcome =
  | { kind: 'undid' | 'redid'; label: string }
  | { kind: 'failed'; label: string; message: string; direction: 'undo' | 'redo' }
  | { kind: 'nothing'; direction: 'undo' | 'redo' };

/** How many actions the session remembers. */
export const UNDO_LIMIT = 50;

export interface UndoHistory {
  record(entry: Undoable): void;
  /** Undoes the latest action, or `entry` when given (a toast's Undo for an action that is not the latest). */
  undo(entry?: Undoable): Promise<UndoOutcome>;
  redo(): Promise<UndoOutcome>;
  sizes(): { undo: number; redo: number };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createUndoHistory(limit = UNDO_LIMIT): UndoHistory {
  const done: Undoable[] = [];
  let undone: Undoable[] = [];
  // One step after the other, in the order the keys were pressed.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = (step: () => Promise<UndoOutcome>): Promise<UndoOutcome> => {
    const next = queue.then(step, step);
    queue = next;
    return next;
  };
  return {
    record(entry) {
      done.push(entry);
      if (done.length > limit) done.shift();
      undone = [];
    },
    undo(entry) {
      return serial(async () => {
        const index = entry ? done.lastIndexOf(entry) : done.length - 1;
        const target = done[index];
        if (!target) return { kind: 'nothing', direction: 'undo' };
        done.splice(index, 1);
        try {
          await target.undo();
        } catch (e) {
          return { kind: 'failed', label: target.label, message: messageOf(e), direction: 'undo' };
        }
        undone.push(target);
        return { kind: 'undid', label: target.label };
      });
    },
    redo() {
      return serial(async () => {
        const target = undone.pop();
        if (!target) return { kind: 'nothing', direction: 'redo' };
        try {
          await target.redo();
        } catch (e) {
          return { kind: 'failed', label: target.label, message: messageOf(e), direction: 'redo' };
        }
        done.push(target);
        return { kind: 'redid', label: target.label };
      });
    },
    sizes: () => ({ undo: done.length, redo: undone.length }),
  };
}

/** The app's one history. */
export const undoHistory = createUndoHistory();

/** What the toast says after a step: "Undid: moved “Acme deal” to Won". */
export function outcomeMessage(outcome: UndoOutcome): { text: string; tone: 'info' | 'error' } {
  switch (outcome.kind) {
    case 'undid':
      return { text: `Undid: ${outcome.label}`, tone: 'info' };
    case 'redid':
      return { text: `Redid: ${outcome.label}`, tone: 'info' };
    case 'nothing':
      return { text: outcome.direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.', tone: 'info' };
    case 'failed':
      return {
        text: `Could not ${outcome.direction} “${outcome.label}”: ${outcome.message}`,
        tone: 'error',
      };
  }
}
