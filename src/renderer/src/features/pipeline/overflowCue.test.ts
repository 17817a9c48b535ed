import { describe, expect, it } from 'vitest';
import { overflowSides } from './overflowCue';

describe('overflowSides', () => {
  it('says which side of the board hides stages', () => {
    expect(overflowSides(0, 1000, 1000)).toEqual({ left: false, right: false });
    expect(overflowSides(0, 1300, 1000)).toEqual({ left: false, right: true });
    expect(overflowSides(150, 1300, 1000)).toEqual({ left: true, right: true });
    expect(overflowSides(300, 1300, 1000)).toEqual({ left: true, right: false });
  });

  it('ignores the pixel browsers lose to rounding', () => {
    expect(overflowSides(0.5, 1000.6, 1000)).toEqual({ left: false, right: false });
  });
});
