import type Database from 'better-sqlite3';
import { all, get } from '../../db/prepared';

/** The contact columns dedupe looks up. */
export type KeyColumn = 'email_key' | 'phone_key';

const EMPTY = 0;
const MAX_LOAD = 0.7;

/** A 32-bit hash of a key (never 0, which marks an empty slot): FNV-1a over UTF-16 units, then mixed. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0 || 1;
}

/**
 * A multimap from a key's 32-bit hash to contact rowids, in two typed arrays (8 bytes a slot, open addressing):
 * a million keys take 16 MB, where a Map of strings would take several times that in the worker's capped heap.
 * Hashes collide now and then, so a lookup gives candidates that the caller checks against the rows.
 */
class HashRowids {
  private hashes = new Uint32Array(1 << 12);
  private rowids = new Uint32Array(1 << 12);
  private size = 0;

  add(key: string, rowid: number): void {
    if ((this.size + 1) / this.hashes.length > MAX_LOAD) this.grow();
    this.place(hashKey(key), rowid);
    this.size++;
  }

  /** Every rowid stored under the key's hash (the key's own and any collisions), in no order. */
  collect(key: string, into: number[]): void {
    const h = hashKey(key);
    const mask = this.hashes.length - 1;
    for (let i = h & mask; this.hashes[i] !== EMPTY; i = (i + 1) & mask)
      if (this.hashes[i] === h) into.push(this.rowids[i] as number);
  }

  private place(h: number, rowid: number): void {
    const mask = this.hashes.length - 1;
    let i = h & mask;
    while (this.hashes[i] !== EMPTY) i = (i + 1) & mask;
    this.hashes[i] = h;
    this.rowids[i] = rowid;
  }

  private grow(): void {
    const { hashes, rowids } = this;
    this.hashes = new Uint32Array(hashes.length * 2);
    this.rowids = new Uint32Array(hashes.length * 2);
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i] as number;
      if (h !== EMPTY) this.place(h, rowids[i] as number);
    }
  }
}

/** Rowids above this do not fit the map's slots; a database that has them looks its keys up in SQLite. */
const MAX_ROWID = 0xffff_ffff;

/**
 * The e-mail and phone keys of every contact, held in memory for a large contacts import, so dedupe needs no
 * index on them while the job runs (their indexes are built once at its end, `job/deferred-indexes.ts`).
 * Filled from the table when the job starts (or resumes); the job adds what it writes; contacts someone
 * else adds meanwhile (the app's own connection) are picked up by rowid before each batch. Entries are never
 * removed: a lookup reads its candidates' rows again and keeps only live ones that still have the key.
 */
export class ContactKeyMap {
  private readonly maps: Record<KeyColumn, HashRowids> = {
    email_key: new HashRowids(),
    phone_key: new HashRowids(),
  };
  private seen = 0;

  private constructor() {}

  /** The map of the contacts table as it is, or null when its rowids are too large for it. */
  static load(sqlite: Database.Database): ContactKeyMap | null {
    const top = get<{ m: number | null }>(sqlite, 'SELECT max(rowid) AS m FROM contacts')?.m ?? 0;
    if (top > MAX_ROWID / 2) return null;
    const map = new ContactKeyMap();
    map.catchUp(sqlite);
    return map;
  }

  /** Adds the contacts written since the last look (by rowid: new rows get rowids above every other). */
  catchUp(sqlite: Database.Database): void {
    const rows = all<{ r: number; e: string | null; p: string | null }>(
      sqlite,
      `SELECT rowid AS r, email_key AS e, phone_key AS p FROM contacts WHERE rowid > ? AND deleted_at IS NULL`,
      this.seen,
    );
    for (const row of rows) {
      this.add(row.r, row.e, row.p);
    }
    const top = get<{ m: number | null }>(sqlite, 'SELECT max(rowid) AS m FROM contacts')?.m ?? 0;
    this.seen = Math.max(this.seen, top);
  }

  /** A contact this job wrote or gave a new key to. */
  add(rowid: number, emailKey: string | null, phoneKey: string | null): void {
    if (rowid > MAX_ROWID) throw new Error('contact rowid out of the key map range');
    if (emailKey) this.maps.email_key.add(emailKey, rowid);
    if (phoneKey) this.maps.phone_key.add(phoneKey, rowid);
    if (rowid > this.seen) this.seen = rowid;
  }

  /** Rowids that may hold one of the keys in the column (each once). */
  candidates(column: KeyColumn, keys: readonly string[]): number[] {
    const found: number[] = [];
    for (const key of keys) this.maps[column].collect(key, found);
    return [...new Set(found)];
  }
}
