import { describe, expect, it } from 'vitest';
import { closestLocale, dateOrderOf, localeDefaults } from './locale-defaults';

describe('localeDefaults', () => {
  it('German in Germany: euros, Monday, day before month', () => {
    expect(localeDefaults('de-DE')).toEqual({
      locale: 'de-DE',
      currency: 'EUR',
      weekStart: 1,
      dateOrder: 'dmy',
    });
  });

  it('English in the United States: dollars, Sunday, month first', () => {
    expect(localeDefaults('en-US')).toEqual({
      locale: 'en-US',
      currency: 'USD',
      weekStart: 0,
      dateOrder: 'mdy',
    });
  });

  it('the region decides the currency and the week, the language the date order', () => {
    expect(localeDefaults('en-GB')).toMatchObject({ currency: 'GBP', weekStart: 1, dateOrder: 'dmy' });
    expect(localeDefaults('de-CH')).toMatchObject({ currency: 'CHF', weekStart: 1, dateOrder: 'dmy' });
    expect(localeDefaults('fr-CA')).toMatchObject({ currency: 'CAD', weekStart: 0, dateOrder: 'ymd' });
    expect(localeDefaults('ja-JP')).toMatchObject({ currency: 'JPY', weekStart: 0, dateOrder: 'ymd' });
    expect(localeDefaults('sv-SE')).toMatchObject({ currency: 'SEK', weekStart: 1, dateOrder: 'ymd' });
    expect(localeDefaults('pt-BR')).toMatchObject({ currency: 'BRL', weekStart: 0, dateOrder: 'dmy' });
  });

  it('a bare language takes its likely region; odd spellings are read', () => {
    expect(localeDefaults('de')).toMatchObject({ locale: 'de', currency: 'EUR', weekStart: 1 });
    expect(localeDefaults('nl')).toMatchObject({ currency: 'EUR', weekStart: 1 });
    expect(localeDefaults('en_GB')).toMatchObject({ locale: 'en-GB', currency: 'GBP' });
  });

  it('no or an unreadable tag falls back to en-US', () => {
    expect(localeDefaults(undefined)).toMatchObject({ locale: 'en-US', currency: 'USD' });
    expect(localeDefaults('not a tag!')).toMatchObject({ locale: 'en-US', currency: 'USD' });
  });

  it('reads the date order from the locale itself', () => {
    expect(dateOrderOf('de-DE')).toBe('dmy');
    expect(dateOrderOf('en-US')).toBe('mdy');
    expect(dateOrderOf('zh-CN')).toBe('ymd');
  });
});

describe('closestLocale', () => {
  const offered = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP'];
  it('the same tag, else the same language, else en-US', () => {
    expect(closestLocale('de-DE', offered)).toBe('de-DE');
    expect(closestLocale('de-AT', offered)).toBe('de-DE');
    expect(closestLocale('de', offered)).toBe('de-DE');
    expect(closestLocale('en-IE', offered)).toBe('en-US');
    expect(closestLocale('en', offered)).toBe('en-US');
    expect(closestLocale('pt-BR', offered)).toBe('en-US');
    expect(closestLocale('??', offered)).toBe('en-US');
  });
});
