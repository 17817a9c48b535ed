import { describe, expect, it } from 'vitest';
import { saleChannel } from './sale-channel';

const sale = (at: string, ownChannel: string | null = null) => ({ at, ownChannel });
const touch = (at: string, channel: string | null) => ({ at, channel });

describe('saleChannel', () => {
  it('a sale with its own campaign counts for that campaign’s channel, whatever came before', () => {
    const touches = [touch('2026-03-01T10:00:00Z', 'social'), touch('2026-03-09T10:00:00Z', 'ads')];
    expect(saleChannel(sale('2026-03-10T10:00:00Z', 'email'), touches, 90)).toBe('email');
  });

  it('otherwise the last touch with a channel before the sale wins', () => {
    const touches = [
      touch('2026-03-09T10:00:00Z', 'ads'),
      touch('2026-03-01T10:00:00Z', 'social'),
      touch('2026-03-09T12:00:00Z', null),
    ];
    expect(saleChannel(sale('2026-03-10T10:00:00Z'), touches, 90)).toBe('ads');
  });

  it('a touch after the sale does not count; one at the same instant does', () => {
    const touches = [touch('2026-03-10T10:00:01Z', 'ads'), touch('2026-03-10T10:00:00Z', 'event')];
    expect(saleChannel(sale('2026-03-10T10:00:00Z'), touches, 90)).toBe('event');
  });

  it('a touch on the far edge of the lookback is outside it', () => {
    const edge = [touch('2026-01-09T10:00:00Z', 'social')];
    expect(saleChannel(sale('2026-03-10T10:00:00Z'), edge, 60)).toBeNull();
    expect(saleChannel(sale('2026-03-10T10:00:00Z'), edge, 61)).toBe('social');
  });

  it('no touch with a channel: the sale has no channel', () => {
    expect(saleChannel(sale('2026-03-10T10:00:00Z'), [touch('2026-03-09T10:00:00Z', null)], 90)).toBeNull();
    expect(saleChannel(sale('2026-03-10T10:00:00Z'), [], 90)).toBeNull();
  });

  it('refuses a lookback that is not positive and a sale without a readable instant', () => {
    expect(() => saleChannel(sale('2026-03-10T10:00:00Z'), [], 0)).toThrow(/positive number of days/);
    expect(() => saleChannel(sale('yesterday'), [], 90)).toThrow(/ISO instant/);
  });
});
