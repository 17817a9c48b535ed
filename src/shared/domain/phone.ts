/**
 * The one phone rule: the key contacts are deduplicated by (the contact form's duplicate warning, the
 * import's matching and a merge all use it), in E.164 form (`+16175550195`).
 *
 * `(617) 555-0195`, `617.555.0195`, `+1 617-555-0195`, `1-617-555-0195` and `001 617 555 0195` are one
 * number. An extension (`x204`, `ext. 204`, `extension 204`, `#204`, RFC 3966 `;ext=204`) reaches the same
 * line, so it is left out of the key: `617-555-0195 x204` matches `(617) 555-0195`. Numbers written without a
 * calling code get `defaultCallingCode`; outside North America a single national trunk 0 is dropped first
 * (`020 7946 0958` in the UK is `+442079460958`), as is the bracketed `(0)` of `+44 (0)20 …`.
 *
 * The key is lenient on purpose: a number too short or too odd to be a valid E.164 number still gets a key
 * from its digits (two contacts with the same `555-0195` are still the same person), and only text with fewer
 * than five digits has none. Whether a typed number is acceptable is the form's rule (`PhoneInput`), not this.
 */

/** An extension at the end of a number: `x204`, `ext. 204`, `extension 204`, `#204`, `;ext=204`. */
const EXTENSION = /[\s,;]*(?:;?\s*ext\s*=|extension|ext\.?|x|#)\s*\d{1,6}$/i;

/** Fewer digits than this cannot tell two people apart. */
const MIN_DIGITS = 5;

/** The number without its extension, e.g. for showing both apart. */
export function withoutExtension(phone: string): string {
  return phone.trim().replace(EXTENSION, '');
}

export function phoneKey(phone: string | null | undefined, defaultCallingCode = '1'): string | null {
  if (!phone) return null;
  // A leading apostrophe is how spreadsheets keep "+1…" from being read as a formula.
  let text = withoutExtension(phone.replace(/^\s*'/, ''));
  // "+49 (0)30 …": the bracketed trunk zero is dialled only from inside the country.
  text = text.replace(/^(\+\d{1,3})\s*\(0\)/, '$1');
  let digits = text.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS) return null;
  if (text.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (defaultCallingCode === '1') {
    if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  } else if (digits.startsWith('0')) {
    digits = digits.slice(1);
  }
  return `+${defaultCallingCode}${digits}`;
}

/**
 * What a phone field accepts: digits with the usual punctuation, optionally followed by an extension.
 * Letters (`1-800-FLOWERS`, `call me`) are refused so that what is stored can be dialled.
 */
export function isPhoneText(text: string): boolean {
  return /^[+()\d\s.\-/]{5,}$/.test(withoutExtension(text));
}
