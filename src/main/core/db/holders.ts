import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Notes saying which processes have a database open: `<db>.holders/<pid>-<thread>-<n>`, written by every
 * Tandem connection when it opens and removed when it closes. A restore replaces the file by renaming,
 * which a process still holding the old file would never notice (it would keep writing to the replaced
 * file), so a restore refuses while another live process has a note. Notes of processes that died are
 * stale and ignored.
 */

export interface Holder {
  pid: number;
  /** What the process is (its command line), for the refusal message. */
  what: string;
  note: string;
}

let opened = 0;

function folder(file: string): string {
  return `${file}.holders`;
}

/** Writes this connection's note; returns a function that removes it. Never fails the open. */
export function holdDatabase(file: string): () => void {
  const note = join(folder(file), `${process.pid}-${threadId}-${++opened}`);
  try {
    mkdirSync(folder(file), { recursive: true });
    writeFileSync(
      note,
      JSON.stringify({ pid: process.pid, what: process.argv.slice(1).join(' ').slice(0, 300) }),
    );
  } catch {
    // A folder Tandem cannot write in: the database cannot be restored over either.
    return () => undefined;
  }
  return () => {
    rmSync(note, { force: true });
    try {
      rmdirSync(folder(file));
    } catch {
      // Another connection's note is still there.
    }
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Live processes other than this one that have the database open; stale notes are removed. */
export function otherHolders(file: string): Holder[] {
  let names: string[];
  try {
    names = readdirSync(folder(file));
  } catch {
    return [];
  }
  const holders: Holder[] = [];
  for (const name of names) {
    const note = join(folder(file), name);
    const pid = Number(name.split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (pid === process.pid) continue;
    if (!alive(pid)) {
      rmSync(note, { force: true });
      continue;
    }
    let what = '';
    try {
      what = String((JSON.parse(readFileSync(note, 'utf8')) as { what?: unknown }).what ?? '');
    } catch {
      // A note being written right now: the pid is enough.
    }
    holders.push({ pid, what, note });
  }
  return holders;
}
