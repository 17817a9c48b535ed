/** Dedupe keys: the same person typed two ways must produce the same key. */
export function emailKey(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
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
