import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids';

describe('record ids', () => {
  it('are version 7 UUIDs, all different, each sorting after the one made before it', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
  });

  it('carry random bits: no two of 20,000 share them', () => {
    // The last 12 hex digits are random: across 20,000 ids (past several refills of the pool) none repeat.
    const tails = new Set(Array.from({ length: 20_000 }, () => uuidv7().slice(-12)));
    expect(tails.size).toBe(20_000);
  });
});
