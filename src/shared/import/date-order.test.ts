import { describe, expect, it } from 'vitest';
import { detectDateOrder, isDateField, localeDateOrder, mappedDateOrder } from './date-order';

describe('detectDateOrder', () => {
  it('is DMY when a first part is above 12', () => {
    expect(detectDateOrder(['03/04/2026', '25/04/2026', ''])).toBe('DMY');
  });

  it('is MDY when a second part is above 12', () => {
    expect(detectDateOrder(['03/04/2026', '04/25/2026'])).toBe('MDY');
    expect(detectDateOrder(['01/01/2026', '09/30/2026 10:00'])).toBe('MDY');
  });

  it('is ambiguous when no value settles it, or values contradict each other', () => {
    expect(detectDateOrder(['03/04/2026', '05/06/2026'])).toBe('ambiguous');
    expect(detectDateOrder(['25/04/2026', '04/25/2026'])).toBe('ambiguous');
  });

  it('treats dotted dates as day first', () => {
    expect(detectDateOrder(['03.04.2026'])).toBe('DMY');
  });

  it('is settled by one value, whatever the values that read both ways (3/3/2026, 2/1/2026)', () => {
    expect(detectDateOrder(['2/1/2026 9:05', '3/3/2026 8:00', '2/13/2026 14:30'])).toBe('MDY');
    expect(detectDateOrder(['3/3/2026', '4/4/2026'])).toBe('ambiguous');
  });

  it('reads dates with a two-digit year the same way (12/31/23)', () => {
    expect(detectDateOrder(['1/2/23', '12/31/23'])).toBe('MDY');
    expect(detectDateOrder(['31/12/23 10:00'])).toBe('DMY');
  });

  it('is none when the column has no day/month dates', () => {
    expect(detectDateOrder(['2026-03-04', 'Mar 4, 2026', ''])).toBe('none');
  });
});

describe('mappedDateOrder', () => {
  const columns = ['Name', 'Signed up', 'Closed', 'Note'];
  const rows = [
    ['Anna', '03/04/2026', '2026-05-01', '25/12/2026'],
    ['Leo', '05/06/2026', '', ''],
  ];

  it('judges only the columns mapped to date fields', () => {
    expect(mappedDateOrder({ 'Signed up': 'createdAt' }, columns, rows)).toBe('ambiguous');
    // "25/12/2026" settles it, but only once its column is mapped to a date.
    expect(mappedDateOrder({ 'Signed up': 'createdAt', Note: 'notes' }, columns, rows)).toBe('ambiguous');
    expect(mappedDateOrder({ 'Signed up': 'createdAt', Note: 'closedAt' }, columns, rows)).toBe('DMY');
    expect(mappedDateOrder({ Closed: 'closedAt' }, columns, rows)).toBe('none');
    expect(mappedDateOrder({ Gone: 'date' }, columns, rows)).toBe('none');
  });

  it('knows the date fields by name', () => {
    expect(
      ['date', 'createdAt', 'closedAt', 'expectedCloseDate', 'orderedAt', 'paidAt'].every(isDateField),
    ).toBe(true);
    expect(['email', 'total', 'status', 'title'].some(isDateField)).toBe(false);
  });
});

describe('localeDateOrder', () => {
  it('is month first for en-US, day first for en-GB and de-DE', () => {
    expect(localeDateOrder('en-US')).toBe('MDY');
    expect(localeDateOrder('en-GB')).toBe('DMY');
    expect(localeDateOrder('de-DE')).toBe('DMY');
  });
});
