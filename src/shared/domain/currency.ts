/** Minor-unit digits per currency, from the platform's ICU data (JPY 0, USD 2, KWD 3...). */
export function currencyDecimals(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}

/** Integer minor units → major units as a number (for display and JSON output only, never for sums). */
export function toMajor(minor: number, currency: string): number {
  const d = currencyDecimals(currency);
  return minor / 10 ** d;
}

/** Major units typed by a person (`12.5`) → integer minor units, rounding half away from zero once. */
export function toMinor(major: number, currency: string): number {
  const d = currencyDecimals(currency);
  const scaled = Math.abs(major) * 10 ** d;
  return Math.sign(major) * Math.round(Number(scaled.toFixed(6)));
}
