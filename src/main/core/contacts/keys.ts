/** Dedupe keys: the same person typed two ways must produce the same key. */
export function emailKey(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

/**
 * Digits with a country code: `(617) 555-0195`, `617.555.0195` and `+1 617-555-0195` are one number.
 * National numbers of ten digits get the default calling code.
 */
export function phoneKey(phone: string | null | undefined, defaultCallingCode = '1'): string | null {
  if (!phone) return null;
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 5) return null;
  if (trimmed.startsWith('+')) return `+${digits}`;
  if (trimmed.startsWith('00')) return `+${digits.slice(2)}`;
  if (defaultCallingCode === '1' && digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  if (digits.length === 10) return `+${defaultCallingCode}${digits}`;
  return `+${digits}`;
}

/** Company names match across imports regardless of case, punctuation and legal suffixes. */
export function companyKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b(inc|llc|ltd|gmbh|co|corp|company)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
