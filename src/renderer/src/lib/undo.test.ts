import { describe, expect, it } from 'vitest';
import { createUndoHistory, outcomeMessage, type Undoable } from './undo';

/** A counter the entries move up and down, as a record's value would. */
function counter() {
  const state = { value: 0, log: [] as string[] };
  const step = (label: string, fail?: { undo?: string; redo?: string }): Undoable => {
    state.value += 1;
    return {
      label,
      undo: () => {
        if (fail?.undo) return Promise.reject(new Error(fail.undo));
        state.value -= 1;
        state.log.push(`undo ${label}`);
        return Promise.resolve();
      },
      redo: () => {
        if (fail?.redo) return Promise.reject(new Error(fail.redo));
        state.value += 1;
        state.log.push(`redo ${label}`);
        return Promise.resolve();
      },
    };
  };
  return { state, step };
}

describe('the undo history', () => {
  it('undoes newest first and redoes in the order undone', async () => {
    const h = createUndoHistory();
    const { state, step } = counter();
    h.record(step('a'));
    h.record(step('b'));
    expect(await h.undo()).toEqual({ kind: 'undid', label: 'b' });
    expect(await h.undo()).toEqual({ kind: 'undid', label: 'a' });
    expect(await h.undo()).toEqual({ kind: 'nothing', direction: 'undo' });
    expect(await h.redo()).toEqual({ kind: 'redid', label: 'a' });
    expect(state.value).toBe(1);
    expect(state.log).toEqual(['undo b', 'undo a', 'redo a']);
  });

  it('a new action clears what could be redone', async () => {
    const h = createUndoHistory();
    const { step } = counter();
    h.record(step('a'));
    await h.undo();
    h.record(step('b'));
    expect(await h.redo()).toEqual({ kind: 'nothing', direction: 'redo' });
    expect(h.sizes()).toEqual({ undo: 1, redo: 0 });
  });

  it('remembers the last actions only', async () => {
    const h = createUndoHistory(3);
    const { step } = counter();
    for (const label of ['a', 'b', 'c', 'd']) h.record(step(label));
    const labels = [];
    for (let i = 0; i < 4; i++) labels.push(await h.undo());
    expect(labels.map((o) => (o.kind === 'undid' ? o.label : o.kind))).toEqual(['d', 'c', 'b', 'nothing']);
  });

  it('runs presses one after the other even when they come faster than the core answers', async () => {
    const h = createUndoHistory();
    const order: string[] = [];
    const slow = (label: string, ms: number): Undoable => ({
      label,
      undo: () => new Promise((done) => setTimeout(() => done(order.push(label)), ms)),
      redo: () => Promise.resolve(),
    });
    h.record(slow('first', 1));
    h.record(slow('second', 30));
    await Promise.all([h.undo(), h.undo()]);
    expect(order).toEqual(['second', 'first']);
  });

  it('drops an action whose undo the core refused, and says why', async () => {
    const h = createUndoHistory();
    const { step } = counter();
    h.record(step('a'));
    h.record(step('moved “Acme deal” to Won', { undo: '“Acme deal” changed since.' }));
    const failed = await h.undo();
    expect(outcomeMessage(failed)).toEqual({
      text: 'Could not undo “moved “Acme deal” to Won”: “Acme deal” changed since.',
      tone: 'error',
    });
    expect(await h.redo()).toEqual({ kind: 'nothing', direction: 'redo' });
    expect(await h.undo()).toEqual({ kind: 'undid', label: 'a' });
  });

  it("a toast's Undo takes back its own action, not the latest", async () => {
    const h = createUndoHistory();
    const { step, state } = counter();
    const a = step('a');
    h.record(a);
    h.record(step('b'));
    expect(await h.undo(a)).toEqual({ kind: 'undid', label: 'a' });
    expect(state.log).toEqual(['undo a']);
    expect(await h.undo()).toEqual({ kind: 'undid', label: 'b' });
    expect(outcomeMessage({ kind: 'undid', label: 'b' }).text).toBe('Undid: b');
  });
});
