/**
 * A spreadsheet number as plain decimal text. Workbooks store binary doubles written with up to
 * 17 digits ("0.30000000000000004"); Excel shows at most 15 significant digits, so that is what
 * the user saw and expects to import. Exponent notation is spelled out because "1E-7" is not
 * a number anyone typed.
 */
export function plainDecimal(raw: string): string {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) return raw.trim();
  const rounded = Number(n.toPrecision(15));
  return expandExponent(String(rounded === 0 ? 0 : rounded));
}

/** "1.5e-7" → "0.00000015", "1e+21" → "1000000000000000000000"; other text unchanged. */
export function expandExponent(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i.exec(text);
  if (!m) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  let digits = whole + fraction;
  let point = whole.length + Number(exponent);
  while (digits.length > 1 && digits.startsWith('0')) {
    digits = digits.slice(1);
    point--;
  }
  if (/^0+$/.test(digits)) return '0';
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.includes('.') ? out.replace(/0+$/, '').replace(/\.$/, '') : out;
  return sign + out;
}
