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

/** Comparable words of a name: accents and case dropped, order ignored; an initial ("B.") is its letter. */
export function nameWords(first: string, last: string): string[] {
  return `${first} ${last}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort();
}

/** A word of one name fits one of the other: the same word, or an initial and a word it begins. */
const fits = (word: string, other: string) =>
  word === other ||
  (word.length === 1 && other.startsWith(word)) ||
  (other.length === 1 && word.startsWith(other));

/**
 * Every word of `short` fits a word of its own in `long`: whole words are placed first, so that an initial
 * does not take the word a whole one needs ("A. Ann" in "Ann Able").
 */
function fitsWithin(short: readonly string[], long: readonly string[]): boolean {
  const rest = [...long];
  for (const word of [...short].sort((x, y) => y.length - x.length)) {
    let at = rest.indexOf(word);
    if (at === -1) at = rest.findIndex((other) => fits(word, other));
    if (at === -1) return false;
    rest.splice(at, 1);
  }
  return true;
}

export type PhoneJoin =
  /**
   * Names agree: the same words in another format, one name part of the other ("Ines" and "Ines Moreau"), or an
   * initial where the other has a word it begins ("H. Müller" and "Hans Müller").
   */
  | 'same'
  /** One side has no name, or initials only that fit the other's: joined, with a note saying so. */
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
  // "P. Müller" is not Hans Müller; "H. Müller" may be.
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!fitsWithin(short, long)) return 'different';
  // Initials alone ("A.") do not name anyone: joined as if unnamed, with the note.
  const initialsOnly = (words: string[]) => words.every((w) => w.length === 1);
  return initialsOnly(a) || initialsOnly(b) ? 'unnamed' : 'same';
}
