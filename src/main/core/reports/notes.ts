import { uuidv7 } from '../db/ids';
import type { Ctx } from '../context';
import { get, run } from '../db/prepared';
import { writeTransaction } from '../db/transaction';

/** The meeting notes of one report period ('' when none were written). */
export function notesOf(ctx: Ctx, from: string, to: string): string {
  return (
    get<{ text: string }>(
      ctx.sqlite,
      'SELECT text FROM meeting_notes WHERE period_from = ? AND period_to = ?',
      from,
      to,
    )?.text ?? ''
  );
}

/** Saves a period's notes as typed; empty notes remove the row. */
export function saveNotes(ctx: Ctx, from: string, to: string, text: string): { text: string } {
  const now = ctx.nowIso();
  writeTransaction(ctx.sqlite, () => {
    if (!text) {
      run(ctx.sqlite, 'DELETE FROM meeting_notes WHERE period_from = ? AND period_to = ?', from, to);
      return;
    }
    run(
      ctx.sqlite,
      `INSERT INTO meeting_notes (id, created_at, updated_at, period_from, period_to, text)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (period_from, period_to) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      uuidv7(),
      now,
      now,
      from,
      to,
      text,
    );
  });
  return { text };
}
