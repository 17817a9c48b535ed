import { describe, expect, it } from 'vitest';
import { createFormatter } from '@shared/domain/format';
import { leftOutText } from './status';

const format = createFormatter('en-US', 'USD');

describe('leftOutText', () => {
  it('never asks to fix rows that were left out on purpose', () => {
    const text = leftOutText(0, 1, format);
    expect(text).toMatch(/^1 note\. The note is a row left out on purpose/);
    expect(text).not.toMatch(/\bfix\b/i);
  });

  it('asks to fix the errors, and only the errors', () => {
    expect(leftOutText(3, 0, format)).toBe(
      '3 errors. Fix the errors in the file (or in the saved CSV) and import it again: rows already imported are found again, not doubled.',
    );
    const both = leftOutText(1, 2, format);
    expect(both).toMatch(/^1 error and 2 notes\. Fix the error in the file/);
    expect(both).toContain('The notes are rows left out on purpose');
  });
});
