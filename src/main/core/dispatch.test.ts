import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api } from '@shared/api';
import { handlers } from './handlers';
import { createTestCore, type TestCore } from './testing';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());

describe('dispatch', () => {
  it('has exactly one handler for every declared method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(api).sort());
  });

  it('rejects unknown and inherited method names', async () => {
    for (const name of ['contacts.explode', 'toString', '__proto__', 42, null]) {
      const result = await t.core.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('validates input of every method: a wrong type names the field', async () => {
    const result = await t.core.dispatch('settings.update', { fiscalYearStartMonth: 'March' });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!result.ok) expect(result.error.issues?.[0]?.field).toBe('fiscalYearStartMonth');
    const missing = await t.core.dispatch('contacts.get', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ field: 'id' }] } });
  });

  it('tells subscribers which domain changed after a command', async () => {
    const seen: unknown[] = [];
    t.core.subscribe((event, payload) => seen.push([event, payload]));
    await t.client.call('settings.update', { businessName: 'Harbor & Pine' });
    await t.client.call('settings.get', {});
    expect(seen).toEqual([['data.changed', { domains: ['settings'] }]]);
  });
});
