// What the cache tests share: a write step that proves a cache follows the write.
import { expect } from 'vitest';

/**
 * One kind of write for a cache test: `checkAll` reads every cached figure (filling the cache, and checking
 * it equals a fresh count), the write runs, and `checkAll` runs again. The write must change some figure it
 * returns, or the step would prove nothing about the cache following it; the cache must hold something
 * (`cachedCount`) before the write.
 */
export function cacheStep(checkAll: () => unknown[], cachedCount: () => number) {
  return async (write: () => unknown): Promise<void> => {
    const before = checkAll();
    expect(cachedCount()).toBeGreaterThan(0);
    await write();
    expect(checkAll()).not.toEqual(before);
  };
}
