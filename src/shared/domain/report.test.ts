import { describe, expect, it } from 'vitest';
import {
  checkMargins,
  footerTemplate,
  periodText,
  paperFor,
  parsePrintQuery,
  printRouteHash,
  REPORT_SECTIONS,
  reportFileName,
} from './report';

describe('report print settings', () => {
  it('prints US Letter where the locale region uses it, A4 elsewhere and for a bare language', () => {
    expect(['en-US', 'en-CA', 'es-MX', 'en-PH', 'fr-CA'].map(paperFor)).toEqual(Array(5).fill('Letter'));
    expect(['en-GB', 'de-DE', 'fr-FR', 'en', 'ja-JP', 'not a locale'].map(paperFor)).toEqual(
      Array(6).fill('A4'),
    );
  });

  it('round-trips the print route, notes with any character included', () => {
    const params = {
      from: '2026-07-01',
      to: '2026-09-30',
      model: 'linear',
      lookbackDays: 30,
      sections: ['kpis', 'notes'],
      notes: 'Budget & plan: 50% / next #week?',
    };
    const hash = printRouteHash(params);
    expect(hash.startsWith('#/print/report?')).toBe(true);
    expect(parsePrintQuery(hash.split('?')[1] ?? '')).toEqual(params);
    expect(parsePrintQuery('from=2026-07-01&to=2026-07-31').sections).toEqual([...REPORT_SECTIONS]);
  });

  it('names the file after the business and period, without characters file systems refuse', () => {
    expect(reportFileName('Harbor & Pine', '2026-07-01', '2026-09-30')).toBe(
      'Harbor & Pine – 2026-07-01 to 2026-09-30.pdf',
    );
    expect(reportFileName('A/B: "C"', '2026-07-01', '2026-07-01')).toBe(
      'A B C – 2026-07-01 to 2026-07-01.pdf',
    );
    expect(reportFileName('///', '2026-07-01', '2026-07-31')).toBe('Tandem – 2026-07-01 to 2026-07-31.pdf');
  });

  it('names the period in the workspace date format, never as ISO dates', () => {
    expect(periodText('2026-07-01', '2026-09-30', 'en-US')).toBe('Jul 1, 2026 – Sep 30, 2026');
    expect(periodText('2026-07-01', '2026-09-30', 'de-DE')).toBe('01.07.2026 – 30.09.2026');
    expect(periodText('2026-07-01', '2026-07-01', 'en-GB')).toBe('1 Jul 2026');
  });

  it('writes a footer with page numbers, an inline font size and the business name escaped', () => {
    const footer = footerTemplate('<Acme & Co>', '2026-07-01 to 2026-09-30');
    expect(footer).toContain('font-size:8px');
    expect(footer).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(footer).toContain('&lt;Acme &amp; Co&gt; · 2026-07-01 to 2026-09-30');
  });

  it('refuses margins that would leave too little of the page', () => {
    expect(() => checkMargins('A4')).not.toThrow();
    expect(() => checkMargins('Letter', { top: 3, bottom: 3, left: 0.5, right: 0.5 })).toThrow(/Letter page/);
  });
});
