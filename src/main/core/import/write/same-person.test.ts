import { describe, expect, it } from 'vitest';
import { nameWords, phoneJoin, type PersonSide } from './same-person';

const person = (firstName: string, lastName: string, externalId: string | null = null): PersonSide => ({
  firstName,
  lastName,
  externalId,
  idSource: externalId ? 'hubspot' : null,
});

describe('phone matches join only the same person', () => {
  it('reads a name the same whatever its case, accents, order or middle initials', () => {
    expect(nameWords('René', 'Lévesque')).toEqual(nameWords('RENE', 'levesque'));
    expect(nameWords('Able, Ann', '')).toEqual(nameWords('Ann', 'Able'));
    expect(nameWords('Ann B.', 'Able')).toEqual(['able', 'ann', 'b']);
  });

  it('joins the same name written in another format', () => {
    const contact = person('Ann', 'Able');
    for (const row of [
      person('ANN', 'ABLE'),
      person('Able, Ann', ''),
      person('Ann Q.', 'Able'),
      person('Ánn', 'Áble'),
      person('Ann Marie', 'Able'),
      person('Ann', ''),
    ])
      expect(phoneJoin(row, contact, 'hubspot')).toBe('same');
  });

  it('keeps different names apart', () => {
    expect(phoneJoin(person('Bea', 'Baker'), person('Ann', 'Able'), 'import')).toBe('different');
    expect(phoneJoin(person('Ann', 'Baker'), person('Ann', 'Able'), 'import')).toBe('different');
  });

  it('reads an initial as a word it begins, never as nothing', () => {
    // The family line: P. Müller is not Hans Müller.
    expect(phoneJoin(person('P.', 'Müller'), person('Hans', 'Müller'), 'import')).toBe('different');
    expect(phoneJoin(person('Hans', 'Müller'), person('P.', 'Müller'), 'import')).toBe('different');
    expect(phoneJoin(person('H.', 'Müller'), person('Hans', 'Müller'), 'import')).toBe('same');
    expect(phoneJoin(person('Ann', 'Able'), person('A. B.', 'Able'), 'import')).toBe('same');
    expect(phoneJoin(person('Ann Q.', 'Able'), person('Ann R.', 'Able'), 'import')).toBe('different');
    expect(phoneJoin(person('P.', ''), person('Hans', 'Müller'), 'import')).toBe('different');
  });

  it('joins when one side has no name, and says so', () => {
    expect(phoneJoin(person('', ''), person('Ann', 'Able'), 'import')).toBe('unnamed');
    expect(phoneJoin(person('Ann', 'Able'), person('', ''), 'import')).toBe('unnamed');
    // An initial alone is not a name to compare.
    expect(phoneJoin(person('A.', ''), person('Ann', 'Able'), 'import')).toBe('unnamed');
  });

  it('keeps two record ids of one source apart, even with the same name', () => {
    expect(phoneJoin(person('Ann', 'Able', '1001'), person('Ann', 'Able', '1002'), 'hubspot')).toBe(
      'different',
    );
    // The same id, or ids of two different systems, say nothing against it.
    expect(phoneJoin(person('Ann', 'Able', '1001'), person('Ann', 'Able', '1001'), 'hubspot')).toBe('same');
    expect(phoneJoin(person('Ann', 'Able', '77'), person('Ann', 'Able', '1001'), 'pipedrive')).toBe('same');
    // An id whose source is unknown counts as this source's: two ids are not joined on a phone alone.
    expect(
      phoneJoin(
        person('Ann', 'Able', '77'),
        { ...person('Ann', 'Able', '1001'), idSource: null },
        'pipedrive',
      ),
    ).toBe('different');
    expect(phoneJoin(person('', '', '1001'), person('Ann', 'Able', '1002'), 'hubspot')).toBe('different');
  });
});
