/**
 * The one phone rule: the key contacts are deduplicated by (the contact form's duplicate warning, the
 * import's matching and a merge all use it), in E.164 form (`+16175550195`). Invisible direction marks and
 * a full-width `＋` are read as what they show.
 *
 * `(617) 555-0195`, `617.555.0195`, `+1 617-555-0195`, `1-617-555-0195` and `001 617 555 0195` are one
 * number. An extension (`x204`, `ext. 204`, `extension 204`, `#204`, RFC 3966 `;ext=204`) reaches the same
 * line, so it is left out of the key: `617-555-0195 x204` matches `(617) 555-0195`. Numbers written without a
 * calling code get `defaultCallingCode`, without the national trunk prefix the country dials before them
 * (`trunkless`): `020 7946 0958` in the UK is `+442079460958`. The bracketed `(0)` of `+44 (0)20 …` is dropped
 * too, except where the 0 belongs to the number.
 *
 * The key is lenient on purpose: a number too short or too odd to be a valid E.164 number still gets a key
 * from its digits (two contacts with the same `555-0195` are still the same person), and only text with fewer
 * than five digits, or a number in scientific notation, has none. Whether a typed number is acceptable is the form's rule (`PhoneInput`), not this.
 */

/**
 * An extension at the end of a number, as the languages of Tandem's locales write it: `x204`, `ext. 204`,
 * `Ext: 204`, `extn 204`, `extension 204`, `#204`, `;ext=204`, `Durchwahl 12` or `DW 12`, `App. 12`, `int. 22`,
 * `poste 12`, `ramal 12`, `anexo 12`, `mellék 12`, `доб. 12`, bracketed or not.
 */
const EXTENSION =
  /[\s,;]*\(?\s*(?:;?\s*ext\s*=|extension|extn|ext|durchwahl|dw|app|int|poste|ramal|anexo|mellék|доб|x|#)\.?\s*:?\s*\d{1,6}\s*\)?$/i;

/** Marks that phone apps and exports wrap numbers in (direction and isolate marks): not part of the number. */
const INVISIBLE = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Fewer digits than this cannot tell two people apart. */
const MIN_DIGITS = 5;

/**
 * Calling codes of the regions a workspace locale names (`de-DE` → 49); a region not listed, and a locale
 * without one that its language does not imply, gets North America's 1.
 */
// prettier-ignore
const CALLING_CODES: Record<string, string> = {
  US: '1', CA: '1', PR: '1', JM: '1', TT: '1', BS: '1', BB: '1', DO: '1',
  GB: '44', IE: '353', DE: '49', AT: '43', CH: '41', LI: '423', FR: '33', BE: '32', LU: '352', MC: '377',
  NL: '31', DK: '45', NO: '47', SE: '46', FI: '358', IS: '354', EE: '372', LV: '371', LT: '370',
  PL: '48', CZ: '420', SK: '421', HU: '36', SI: '386', HR: '385', RS: '381', BA: '387', RO: '40',
  RU: '7', KZ: '7', BY: '375', MD: '373', GE: '995', AM: '374',
  BG: '359', GR: '30', CY: '357', MT: '356', IT: '39', ES: '34', PT: '351', UA: '380', TR: '90',
  IL: '972', AE: '971', SA: '966', EG: '20', MA: '212', ZA: '27', NG: '234', KE: '254',
  IN: '91', PK: '92', BD: '880', LK: '94', CN: '86', HK: '852', TW: '886', JP: '81', KR: '82',
  SM: '378', VA: '39',
  SG: '65', MY: '60', TH: '66', VN: '84', PH: '63', ID: '62', AU: '61', NZ: '64',
  MX: '52', BR: '55', AR: '54', CL: '56', CO: '57', PE: '51', UY: '598',
};

/** The calling code a workspace's national numbers get (`030 1234567` in de-DE is `+49301234567`). */
export function callingCodeFor(locale: string): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return (region && CALLING_CODES[region]) ?? '1';
}

/** The number without its extension, e.g. for showing both apart. */
export function withoutExtension(phone: string): string {
  return phone.trim().replace(EXTENSION, '');
}

/** Calling codes whose numbers keep their leading 0 after the code: Italy's (and the Vatican's) and San Marino's. */
const ZERO_IS_PART = new Set(['39', '378']);

/**
 * A number a spreadsheet turned into scientific notation (`4.91701E+11`): its last digits are gone, so it has
 * no key and matches nobody.
 */
export const SCIENTIFIC = /^\d(?:[.,]\d+)?e\+?\d+$/i;

/** What a country dials before a calling code besides 00: North America's 011, Russia's and Belarus's 810. */
const EXIT_CODES: Record<string, string> = { '1': '011', '7': '810', '375': '810' };

/**
 * The digits of a national number without the trunk prefix dialled before them inside the country, by the
 * length national numbers have there: a leading 1 of 11 digits in North America, a leading 8 of 11 in Russia
 * and Kazakhstan (and the 7 of a number that already has its code), 80 of 11 or a 0 of 10 in Belarus, an 8 or
 * 0 of 9 in Lithuania (8 until 2025), 06 in Hungary, none in Italy and San Marino, a single 0 elsewhere.
 */
function trunkless(digits: string, callingCode: string): string {
  const n = digits.length;
  switch (callingCode) {
    case '1':
      return n === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    case '7':
      return n === 11 && /^[78]/.test(digits) ? digits.slice(1) : digits;
    case '375':
      if (n === 11 && digits.startsWith('80')) return digits.slice(2);
      return n === 10 && digits.startsWith('0') ? digits.slice(1) : digits;
    case '370':
      return n === 9 && /^[08]/.test(digits) ? digits.slice(1) : digits;
    case '36':
      return digits.startsWith('06') ? digits.slice(2) : digits;
    default:
      if (ZERO_IS_PART.has(callingCode)) return digits;
      return digits.startsWith('0') ? digits.slice(1) : digits;
  }
}

/** The calling codes Tandem knows; E.164's codes are prefix-free, so a number begins with at most one. */
const KNOWN_CODES = [...new Set(Object.values(CALLING_CODES))];

/**
 * A number with its calling code, without a trunk prefix written after the code (`+49 030 …`, `+36 06 30 …`),
 * which is dialled only from inside the country.
 */
function international(digits: string): string {
  const code = KNOWN_CODES.find((c) => digits.startsWith(c));
  return code ? `+${code}${trunkless(digits.slice(code.length), code)}` : `+${digits}`;
}

export function phoneKey(phone: string | null | undefined, defaultCallingCode = '1'): string | null {
  if (!phone) return null;
  // A leading apostrophe is how spreadsheets keep "+1…" from being read as a formula.
  let text = withoutExtension(phone.replace(INVISIBLE, '').replace(/＋/g, '+').replace(/^\s*'/, ''));
  if (SCIENTIFIC.test(text)) return null;
  // "+49 (0)30 …", "0049-(0)30 …": the bracketed trunk zero is dialled only from inside the country (in Italy
  // it is the number's).
  text = text.replace(
    /^([^\d+]*)(\+|00)\s*(\d{1,3})[\s.-]*\(0\)/,
    (_, before: string, exit: string, code: string) =>
      `${before}${exit}${code}${ZERO_IS_PART.has(code) ? '0' : ''}`,
  );
  const digits = text.replace(/\D/g, '');
  if (digits.length < MIN_DIGITS) return null;
  // A + before the first digit: "+49 30 …", "(+49) 30 …", "Tel.: +49 30 …".
  if (/^[^\d]*\+/.test(text)) return international(digits);
  if (digits.startsWith('00')) return international(digits.slice(2));
  const exit = EXIT_CODES[defaultCallingCode];
  if (exit && digits.startsWith(exit) && digits.length > exit.length + 7)
    return international(digits.slice(exit.length));
  return `+${defaultCallingCode}${trunkless(digits, defaultCallingCode)}`;
}

/**
 * What a phone field accepts: digits with the usual punctuation, optionally followed by an extension.
 * Letters (`1-800-FLOWERS`, `call me`) are refused so that what is stored can be dialled.
 */
export function isPhoneText(text: string): boolean {
  return /^[+()\d\s.\-/]{5,}$/.test(withoutExtension(text));
}
