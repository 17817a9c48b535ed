import { describe, expect, it } from 'vitest';
import { coversText, planPeriodText } from './active-period';
import { createFormatter, nameLocale } from './format';

describe('names follow the UI language, numbers the workspace locale', () => {
  it('names months in English, in the workspace order, and keeps a numeric date numeric', () => {
    const fr = createFormatter('fr-FR', 'EUR');
    expect(fr.date('2026-12-03')).toBe('3 Dec 2026');
    expect(fr.dateTime('2026-12-03T15:00:00Z')).toMatch(/^3 Dec 2026/);
    const de = createFormatter('de-DE', 'EUR');
    expect(de.date('2026-12-03')).toBe('03.12.2026');
    expect(de.money(123_450)).toBe('1.234,50\u00a0€');
    expect(de.number(1234.5)).toBe('1.234,5');
    expect(coversText({ startDate: '2026-10-01', endDate: '2026-12-31' }, 'fr-FR')).toBe(
      '1 Oct – 31 Dec 2026',
    );
  });

  it('keeps an English locale as it is and falls back to plain English', () => {
    expect(nameLocale('en-US')).toBe('en-US');
    expect(nameLocale('en-GB')).toBe('en-GB');
    expect(nameLocale('de-DE')).toBe('en-DE');
    expect(nameLocale('not a locale')).toBe('en');
    expect(createFormatter('en-US', 'USD').date('2026-12-03')).toBe('Dec 3, 2026');
  });
});

describe('count', () => {
  it('says "1 contact" and "2 contacts", the number in the workspace locale', () => {
    const en = createFormatter('en-US', 'USD');
    expect(en.count(1, 'contact', 'contacts')).toBe('1 contact');
    expect(en.count(0, 'contact', 'contacts')).toBe('0 contacts');
    expect(en.count(1204, 'contact', 'contacts')).toBe('1,204 contacts');
    expect(createFormatter('de-DE', 'EUR').count(1204, 'row', 'rows')).toBe('1.204 rows');
  });
});

describe('planPeriodText', () => {
  it('names a plan period in words, never in ISO days', () => {
    const q = { startDate: '2026-04-01', endDate: '2026-06-30' };
    expect(planPeriodText('month', { startDate: '2026-03-01', endDate: '2026-03-31' }, 1, 'en-US')).toBe(
      'March 2026',
    );
    expect(planPeriodText('quarter', q, 1, 'en-US')).toBe('Q2 2026');
    expect(planPeriodText('custom', { startDate: '2026-01-01', endDate: '2027-01-13' }, 1, 'en-US')).toBe(
      'Jan 1, 2026 – Jan 13, 2027',
    );
    expect(planPeriodText('month', { startDate: '2026-03-01', endDate: '2026-03-31' }, 1, 'de-DE')).toBe(
      'March 2026',
    );
  });
});
