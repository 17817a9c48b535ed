import { phoneKey, SCIENTIFIC } from '@shared/domain/phone';
import { emailKey } from '../../contacts/keys';
import { normalizeEmail, splitEmails, splitMulti } from '../read';
import type { ContactRecord, ValueOptions } from '../records';
import type { FieldRow } from './row';
import { channelOf, trackingCodeOf } from './utm';

const LIFECYCLE: Record<string, string> = {
  subscriber: 'subscriber',
  lead: 'lead',
  'marketing qualified lead': 'lead',
  'sales qualified lead': 'lead',
  mql: 'lead',
  sql: 'lead',
  opportunity: 'lead',
  prospect: 'lead',
  customer: 'customer',
  client: 'customer',
  evangelist: 'customer',
  partner: 'partner',
  supplier: 'supplier',
  suppliers: 'supplier',
  vendor: 'supplier',
  other: 'other',
};

/** Our lifecycle for a CRM's stage name, or null when it says nothing we use. */
export function lifecycleOf(text: string): string | null {
  return LIFECYCLE[text.trim().toLowerCase()] ?? null;
}

/** "Jane Smith" → Jane / Smith; "Smith, Jane" → Jane / Smith. */
export function splitName(full: string): { first: string; last: string } {
  let text = full.trim().replace(/\s+/g, ' ');
  // What follows the last name ("Jane Smith, MBA", "Jane Smith Jr.") stays with it, as written.
  let after = '';
  const tail = SUFFIX.exec(text);
  if (tail && tail.index > 0) {
    after = text.slice(tail.index);
    text = text.slice(0, tail.index);
  }
  const comma = text.indexOf(',');
  if (comma > 0) return { first: text.slice(comma + 1).trim(), last: text.slice(0, comma).trim() + after };
  const space = text.lastIndexOf(' ');
  return space === -1
    ? { first: text + after, last: '' }
    : { first: text.slice(0, space), last: text.slice(space + 1) + after };
}

/**
 * Generational suffixes and credentials written after a name, with the comma or space before them (not those
 * that are also given names: "Rahman, Md", "Smith, Ma").
 */
const SUFFIX = /(?:,? (?:jr|sr|ii|iii|iv)\.?|, (?:mba|phd|ph\.d\.|m\.d\.|cpa|esq|dds)\.?)+$/i;

/** Every address in an e-mail cell; cells holding two ("a@x.com, b@y.com", "a ::: b") list both. */
export function emailsOf(row: FieldRow, field: string): { email: string; key: string }[] | null {
  const text = row.text(field);
  if (text === '') return [];
  const parts = splitEmails(text);
  const out: { email: string; key: string }[] = [];
  for (const part of parts) {
    const parsed = normalizeEmail(part);
    if (!parsed.ok) return row.problem(field, `"${part}": ${parsed.reason}`);
    if (!out.some((e) => e.key === parsed.value))
      out.push({ email: parsed.value, key: emailKey(parsed.value) ?? parsed.value });
  }
  return out;
}

/**
 * Excel's ways of keeping a number as text, undone: `="+49 30 1234567"` (a formula returning the text) and
 * `=+33 6 12 34 56 78` (a formula Excel would compute, as some exports write a leading plus).
 */
function withoutFormula(text: string): string {
  const quoted = /^=\s*"(.*)"$/.exec(text);
  if (quoted) return (quoted[1] ?? '').trim();
  return /^=\s*[+(\d]/.test(text) ? text.replace(/^=\s*/, '') : text;
}

/** A number a script wrote as a float (`6175550195.0`, pandas' way with a column that had empty cells). */
const FLOAT_TAIL = /(?<=^\+?\d{6,})\.0$/;

/** Digits enough for a part of a cell to be a number of its own, not an extension (`, ext 12`). */
const OWN_NUMBER = /(?:\d\D*){5}/;

export interface PhoneCell {
  /** The first number, kept as typed. */
  phone: string | null;
  /** Its key (null for a number whose digits a spreadsheet lost). */
  key: string | null;
  /** Further numbers in the cell (Google's " ::: ", Pipedrive's ", "). */
  others: string[];
  /** The number was turned into scientific notation, so it matches nobody. */
  lost: boolean;
}

/**
 * The phone numbers of several cells (a contact's phone, then its other phone): the first cell with a number
 * gives the contact's number, every further one (each once) is another. A number whose digits a spreadsheet
 * lost matches nobody, so a whole number in a later cell goes first.
 */
export function phonesOf(texts: readonly string[], callingCode?: string): PhoneCell {
  const cells = texts.map((text) => phoneOf(text, callingCode)).filter((cell) => cell.phone !== null);
  const first = cells.find((cell) => !cell.lost) ?? cells[0];
  if (!first) return { phone: null, key: null, others: [], lost: false };
  const rest = cells.filter((cell) => cell !== first);
  const seen = new Set([first.key ?? first.phone]);
  const others: string[] = [];
  for (const number of [...first.others, ...rest.flatMap((cell) => [cell.phone ?? '', ...cell.others])]) {
    const key = phoneKey(number, callingCode) ?? number;
    if (seen.has(key)) continue;
    seen.add(key);
    others.push(number);
  }
  return { ...first, others };
}

/** The phone numbers of a cell, with the key contacts are matched by. */
export function phoneOf(text: string, callingCode?: string): PhoneCell {
  const clean = (part: string) => withoutFormula(part.trim().replace(/^'/, '')).replace(FLOAT_TAIL, '');
  const cell = clean(text);
  const split = cell.includes(':::') ? cell.split(':::') : cell.split(/[;,]| \/ | or /i);
  // Google's " ::: " always lists numbers; a comma or semicolon only when every part is a number of its own
  // (not "555-0100, ext. 12").
  const numbers =
    cell.includes(':::') || (split.length > 1 && split.every((p) => OWN_NUMBER.test(p))) ? split : [cell];
  const [first = '', ...others] = numbers.map(clean).filter(Boolean);
  if (first === '') return { phone: null, key: null, others: [], lost: false };
  const lost = SCIENTIFIC.test(first);
  return { phone: first, key: phoneKey(first, callingCode), others, lost };
}

/** Tags of a cell; Mailchimp writes each in double quotes (`"Customer","VIP"`), which are not part of it. */
export function tagsOf(text: string): string[] {
  return splitMulti(text)
    .map((tag) => (/^"[^"]*"$/.test(tag) ? tag.slice(1, -1).trim() : tag))
    .filter(Boolean);
}

/** A contact from the mapped fields of one row; null (with the row's problems set) when it cannot be one. */
export function buildContact(row: FieldRow, options: ValueOptions): ContactRecord | null {
  const first = emailsOf(row, 'email');
  const second = emailsOf(row, 'email2');
  if (first === null || second === null) return null;
  const emails = [...first, ...second.filter((e) => !first.some((f) => f.key === e.key))];
  const {
    phone,
    key: phoneKeyValue,
    others: otherPhones,
    lost,
  } = phonesOf([row.text('phone'), ...row.texts('phone2')], options.callingCode);
  if (emails.length === 0 && lost) {
    return row.problem(
      'phone',
      `"${phone}" is a phone number a spreadsheet turned into a number, losing its last digits, and the row has no e-mail address: export the column as text and import it again`,
    );
  }
  if (emails.length === 0 && !phoneKeyValue) {
    // A phone cell with too few digits to tell anyone apart ("1-800-FLOWERS", "n/a") is not a number.
    if (phone)
      return row.problem(
        'phone',
        `"${phone}" has too few digits to be a phone number, and the row has no e-mail address: a contact needs one of them`,
      );
    return row.problem(
      row.has('email') ? 'email' : 'phone',
      'no e-mail address or phone number: a contact needs one of them',
    );
  }
  let firstName = row.text('firstName');
  let lastName = row.text('lastName');
  if (!firstName && !lastName && row.has('fullName'))
    ({ first: firstName, last: lastName } = splitName(row.text('fullName')));
  // A contact is worth more than the day it was created: an unreadable one does not refuse the row.
  const createdAt = row.optionalInstant(
    'createdAt',
    options,
    "the contact was kept, with this import's time as its created date",
  );
  if (row.problems.length > 0) return null;
  const [primary, ...others] = emails;
  const channelText = row.text('channel');
  return {
    line: row.line,
    firstName,
    lastName,
    email: primary?.email ?? null,
    emailKey: primary?.key ?? null,
    otherEmails: others,
    phone,
    phoneKey: phoneKeyValue,
    company: row.text('company'),
    title: row.text('title'),
    city: row.text('city'),
    region: row.text('region'),
    country: row.text('country'),
    lifecycle: lifecycleOf(row.text('lifecycle')),
    tags: row.has('tags') ? tagsOf(row.text('tags')) : [],
    notes: [
      row.text('notes'),
      ...otherPhones.filter((p) => !SCIENTIFIC.test(p)).map((p) => `Other phone: ${p}`),
      ...[...(lost ? [phone] : []), ...otherPhones.filter((p) => SCIENTIFIC.test(p))].map(
        (p) => `Phone ${p} lost its last digits in a spreadsheet (scientific notation).`,
      ),
    ]
      .filter(Boolean)
      .join('\n'),
    owner: row.text('owner'),
    createdAt,
    campaignCode: trackingCodeOf(row.text('campaign')),
    channel: channelText ? channelOf(channelText) : null,
    externalId: row.text('externalId') || null,
  };
}
