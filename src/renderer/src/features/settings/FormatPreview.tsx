import { useMemo } from 'react';
import { isCurrencyCode } from '@shared/domain/currency';
import { createFormatter } from '@shared/domain/format';

/** How money and dates will look with the choices on the form, before they are saved. */
export function FormatPreview({ locale, currency }: { locale: string; currency: string }) {
  const format = useMemo(() => {
    try {
      return createFormatter(locale, isCurrencyCode(currency) ? currency : 'USD');
    } catch {
      return null;
    }
  }, [locale, currency]);
  if (!format) return null;
  return (
    <p className="field-hint" data-testid="format-preview">
      Money shows like {format.money(123456)}; dates like {format.date('2026-03-31')}.
    </p>
  );
}
