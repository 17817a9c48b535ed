import type { ParseResult } from './number-values';

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

/** Forbids what a mail server would reject anyway; deliverability is not checked here. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

/** Zero-width spaces and joiners, word joiner, byte order mark, soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * E-mail address in the form contacts are deduplicated by: trimmed and lower-cased (providers
 * treat the local part case-insensitively, and exports differ in case for the same person).
 * Accepts "mailto:" links (without their `?subject=…`), "Name <address>" and "Name (address)" as some
 * exports write them.
 */
export function normalizeEmail(text: string): ParseResult<string> {
  // Characters that show as nothing (a zero-width space pasted from a web page) would make a second person.
  let s = text.replace(INVISIBLE, '').trim();
  const angle = /<([^<>]+)>$/.exec(s) ?? /\(([^()]*@[^()]*)\)$/.exec(s);
  if (angle) s = (angle[1] ?? '').trim();
  if (/^mailto:/i.test(s)) s = s.slice('mailto:'.length).replace(/\?.*$/, '');
  s = s.toLowerCase();
  if (s === '') return fail('expected an e-mail address like name@example.com, but the cell is empty');
  if (!EMAIL.test(s)) return fail('expected an e-mail address like name@example.com');
  return { ok: true, value: s };
}

/**
 * Values of a cell that holds several: Google Contacts joins them with " ::: ", Pipedrive and
 * others with ", ". Use only on columns known to hold lists: a name like "Smith, Jane" splits.
 */
export function splitMulti(text: string): string[] {
  return splitOn(text, text.includes(':::') ? ':::' : ',');
}

/**
 * The addresses of an e-mail cell: Google's " ::: ", Outlook's "; " and others' ", " lists. A cell with no
 * "@" is not split, so its error quotes it whole.
 */
export function splitEmails(text: string): string[] {
  if (text.includes(':::')) return splitOn(text, ':::');
  if (!text.includes('@')) return splitOn(text, null);
  return splitOn(text, text.includes(';') ? ';' : ',');
}

function splitOn(text: string, separator: string | null): string[] {
  // Split on the bare separator and trim: a pattern like /\s*,\s*/ takes quadratic time on a long run of spaces.
  return (separator === null ? [text] : text.split(separator))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
