import type { ParseResult } from './number-values';

export interface PhoneOptions {
  /** Calling code assumed for numbers written without one (default '1', North America). */
  defaultCountryCode?: string;
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

const PHONE_EXAMPLE = 'expected a phone number like +1 617 555 0195';
/** Forbids what a mail server would reject anyway; deliverability is not checked here. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;

/**
 * E-mail address in the form contacts are deduplicated by: trimmed and lower-cased (providers
 * treat the local part case-insensitively, and exports differ in case for the same person).
 * Accepts "mailto:" links and "Name <address>" as some exports write them.
 */
export function normalizeEmail(text: string): ParseResult<string> {
  let s = text.trim();
  const angle = /<([^<>]+)>$/.exec(s);
  if (angle) s = (angle[1] ?? '').trim();
  s = s.replace(/^mailto:/i, '').toLowerCase();
  if (s === '') return fail('expected an e-mail address like name@example.com, but the cell is empty');
  if (!EMAIL.test(s)) return fail('expected an e-mail address like name@example.com');
  return { ok: true, value: s };
}

/**
 * Phone number as E.164 ("+16175550195") so "(617) 555-0195", "617.555.0195",
 * "+1 617-555-0195" and "1-617-555-0195" are one number. Numbers without a country code get
 * `defaultCountryCode`; outside North America a single national trunk 0 is dropped first
 * ("020 7946 0958" in the UK is +442079460958). Extensions ("x204", "ext. 204") are left out.
 */
export function normalizePhone(text: string, options: PhoneOptions = {}): ParseResult<string> {
  const countryCode = options.defaultCountryCode ?? '1';
  let s = text.trim().replace(/^'/, '');
  if (s === '') return fail(`${PHONE_EXAMPLE}, but the cell is empty`);
  s = s.replace(/\s*(?:ext\.?|extension|x|#)\s*\d{1,6}$/i, '');
  // "+49 (0)30 …": the bracketed trunk zero is dialled only from inside the country.
  s = s.replace(/^(\+\d{1,3})\s*\(0\)/, '$1');
  if (!/^\+?[\d\s().\-/\u00a0]+$/.test(s)) return fail(PHONE_EXAMPLE);

  let digits = s.replace(/\D/g, '');
  let international = s.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  if (!international) {
    if (countryCode === '1') {
      if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
      if (digits.length !== 10) return fail(`${PHONE_EXAMPLE}: a North American number has 10 digits`);
    } else if (digits.startsWith('0')) {
      digits = digits.slice(1);
    }
    digits = countryCode + digits;
  }
  if (digits.startsWith('1') && digits.length !== 11) {
    return fail(`${PHONE_EXAMPLE}: a North American number has 10 digits after +1`);
  }
  if (digits.length < 8 || digits.length > 15) return fail(PHONE_EXAMPLE);
  return { ok: true, value: `+${digits}` };
}

/**
 * Values of a cell that holds several: Google Contacts joins them with " ::: ", Pipedrive and
 * others with ", ". Use only on columns known to hold lists: a name like "Smith, Jane" splits.
 */
export function splitMulti(text: string): string[] {
  const separator = text.includes(':::') ? /\s*:::\s*/ : /\s*,\s*/;
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
