import { describe, expect, it } from 'vitest';
import { detectDecimalSeparator, parseDecimal, toMinorUnits } from './values';

const value = (text: string, hint?: Parameters<typeof parseDecimal>[1]) => {
  const result = parseDecimal(text, hint);
  return result.ok ? result.value : result.reason;
};
const minor = (text: string, decimals?: number) => {
  const result = toMinorUnits(text, decimals);
  return result.ok ? result.value : result.reason;
};

describe('parseDecimal', () => {
  it.each([
    ['1,234.50', 1234.5],
    ['1.234,50', 1234.5],
    ['1234,5', 1234.5],
    ['1 234,50', 1234.5],
    ['1\u00a0234,50', 1234.5],
    ['1\u202f234,50', 1234.5],
    ["1'234.50", 1234.5],
    ['$1,234.50', 1234.5],
    ['-$1,234.50', -1234.5],
    ['$-1,234.50', -1234.5],
    ['1.234,50 €', 1234.5],
    ['USD 12.00', 12],
    ['12.00 EUR', 12],
    ['(12.00)', -12],
    ['($12.00)', -12],
    ['12.00-', -12],
    ['\u221212.5', -12.5],
    ['+7', 7],
    ['27.78%', 0.2778],
    ['-5%', -0.05],
    ['0.5 %', 0.005],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['12,34,567.5', 1234567.5],
    ['0,5', 0.5],
    ['0,123', 0.123],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['1.5e3', 1500],
    ['2.5E-3', 0.0025],
    ['  42  ', 42],
    ['-0', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('reads "1,234" as a thousands separator by default, and as a decimal comma with a hint', () => {
    expect(value('1,234')).toBe(1234);
    expect(value('1,234', { decimalSeparator: ',' })).toBe(1.234);
    expect(value('1.234', { decimalSeparator: ',' })).toBe(1234);
    expect(value('1.234')).toBe(1.234);
  });

  it('refuses a value that contradicts the hint instead of guessing', () => {
    expect(value('1,234.56', { decimalSeparator: ',' })).toMatch(/decimal separator/);
  });

  it.each([
    ['', /empty/],
    ['abc', /expected a number like 1234\.50/],
    ['12abc', /expected a number/],
    ['1,23,4.5', /thousands separators/],
    ['1,2345,678', /thousands separators/],
    ['1.234.5', /expected a number/],
    ['--5', /expected a number/],
    ['(-5)', /expected a number/],
    ['n/a', /expected a number/],
    ['ABC123', /expected a number/],
    ['1e999', /too large/],
  ])('rejects %j with a reason', (text, reason) => {
    const result = parseDecimal(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('toMinorUnits', () => {
  it.each([
    ['1,234.56', 2, 123456],
    ['0.1', 2, 10],
    ['0.29', 2, 29],
    ['1.005', 2, 101],
    ['-3.5', 2, -350],
    ['(3.50)', 2, -350],
    ['-0.004', 2, 0],
    ['2.675', 2, 268],
    ['-2.675', 2, -268],
    ['19.99', 2, 1999],
    ['1.234,56 €', 2, 123456],
    ['1200', 0, 1200],
    ['1200.5', 0, 1201],
    ['1.2345', 3, 1235],
    ['$0.07', 2, 7],
    ['90071992547409.91', 2, 9007199254740991],
  ])('%j with %d decimals is %d minor units', (text, decimals, expected) => {
    expect(minor(text, decimals)).toBe(expected);
  });

  it('has no floating-point error where multiplying floats would (0.29 * 100 = 28.999…)', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(minor('0.29')).toBe(29);
    expect(minor('1.15')).toBe(115);
    expect(minor('4.35')).toBe(435);
  });

  it('rounds a float written with more digits than it holds as Excel shows it, then to cents', () => {
    const minor = (text: string) => {
      const r = toMinorUnits(text, 2);
      return r.ok ? r.value : r.reason;
    };
    expect(minor('12.344999999999999')).toBe(1235);
    expect(minor('12.345000000000001')).toBe(1235);
    expect(minor('0.30000000000000004')).toBe(30);
    expect(minor('-2.6749999999999998')).toBe(-268);
    expect(minor('1.234,4999999999999')).toBe(123450);
    // Fifteen digits or fewer are taken as written.
    expect(minor('12.3449')).toBe(1234);
    expect(minor('1234567890.12449')).toBe(123456789012);
  });

  it('rejects percentages, text and amounts beyond safe integers', () => {
    expect(minor('12%')).toMatch(/not a percentage/);
    expect(minor('twelve')).toMatch(/expected a number/);
    expect(minor('90071992547409.92')).toMatch(/too large/);
  });
});

describe('detectDecimalSeparator', () => {
  it('finds a decimal point or comma from the values that show it', () => {
    expect(detectDecimalSeparator(['1,234', '12.5'])).toBe('.');
    expect(detectDecimalSeparator(['1,234', '1,234,567'])).toBe('.');
    expect(detectDecimalSeparator(['1.234', '12,5'])).toBe(',');
    expect(detectDecimalSeparator(['1.234,50', '3'])).toBe(',');
    expect(detectDecimalSeparator(['1,234.50'])).toBe('.');
  });

  it('says ambiguous when only "1,234"-like values exist or the column contradicts itself', () => {
    expect(detectDecimalSeparator(['1,234', '5,678'])).toBe('ambiguous');
    expect(detectDecimalSeparator(['12.5', '12,5'])).toBe('ambiguous');
  });

  it('says none when no value has a separator', () => {
    expect(detectDecimalSeparator(['12', '', '7'])).toBe('none');
  });
});
