import { describe, expect, it } from 'vitest';
import { stepSummary } from './stepSummary';

describe('stepSummary', () => {
  it('reads the steps in words, not as glyphs and numbers', () => {
    expect(
      stepSummary([
        { dayOffset: 0, type: 'email' },
        { dayOffset: 2, type: 'call' },
        { dayOffset: 6, type: 'linkedin' },
        { dayOffset: 12, type: 'email' },
      ]),
    ).toBe('E-mail on the start day, call on day 2, LinkedIn message on day 6 and e-mail on day 12');
  });

  it('says one step plainly, and no steps as such', () => {
    expect(stepSummary([{ dayOffset: 3, type: 'task' }])).toBe('Task on day 3');
    expect(stepSummary([])).toBe('No steps yet');
  });
});
