/**
 * Whether a phone match may join a row to a contact. A phone number (or a shared office line) alone is weak
 * evidence: it joins two records only when nothing says they are different people.
 */

export interface PersonSide {
  firstName: string;
  lastName: string;
  /** Record id in the source system, and that system's name (null when unknown). */
  externalId: string | null;
  idSource: string | null;
}

/** Comparable words of a name: accents and case dropped, order and initials ("B.") ignored. */
export function nameWords(first: string, last: string): string[] {
  return `${first} ${last}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1)
    .sort();
}

export type PhoneJoin =
  /** Names agree (the same words in another format, or one name is part of the other: "Ines" and "Ines Moreau"). */
  | 'same'
  /** One side has no name: joined, with a note saying so. */
  | 'unnamed'
  /** Different names, or different record ids from the same source: two people. */
  | 'different';

export function phoneJoin(row: PersonSide, contact: PersonSide, source: string): PhoneJoin {
  if (
    row.externalId &&
    contact.externalId &&
    row.externalId !== contact.externalId &&
    (contact.idSource === null || contact.idSource === source)
  )
    return 'different';
  const a = nameWords(row.firstName, row.lastName);
  const b = nameWords(contact.firstName, contact.lastName);
  if (a.length === 0 || b.length === 0) return 'unnamed';
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const rest = [...long];
  for (const word of short) {
    const at = rest.indexOf(word);
    if (at === -1) return 'different';
    rest.splice(at, 1);
  }
  return 'same';
}
