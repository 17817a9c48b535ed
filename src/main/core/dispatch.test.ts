import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@shared/api';
import { createCore } from './app';
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

  it('under test, parses every output with its schema: a wrong shape is an internal error naming the field', async () => {
    const settings = await t.client.call('settings.get', {});
    // A renamed column: the row comes back with `business_name` instead of `businessName`.
    const { businessName, ...rest } = settings;
    const renamed = { ...rest, business_name: businessName };
    const spy = vi.spyOn(handlers, 'settings.get').mockReturnValue(renamed as never);
    const errors: unknown[] = [];
    const checked = await createCore(join(t.dir, 'checked.sqlite'), {
      checkOutput: true,
      onInternalError: (error) => errors.push(error),
    });
    const unchecked = await createCore(join(t.dir, 'unchecked.sqlite'));
    try {
      const result = await checked.dispatch('settings.get', {});
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'internal', issues: [{ field: 'businessName' }] },
      });
      if (!result.ok)
        expect(result.error.message).toMatch(/^The output of settings\.get does not match .*businessName/);
      expect(errors).toHaveLength(1);
      // Without the check the value passes as it is: the check changes nothing but what tests see.
      expect(await unchecked.dispatch('settings.get', {})).toEqual({ ok: true, value: renamed });
      expect(spy).toHaveBeenCalledTimes(2);
    } finally {
      spy.mockRestore();
      checked.close();
      unchecked.close();
    }
  });

  it('the test core checks outputs', async () => {
    const spy = vi.spyOn(handlers, 'contacts.get').mockReturnValue({ id: 42 } as never);
    try {
      const result = await t.core.dispatch('contacts.get', { id: '0190a0a0-0000-7000-8000-000000000000' });
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      spy.mockRestore();
    }
  });
});
