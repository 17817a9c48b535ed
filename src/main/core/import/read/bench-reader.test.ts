import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { benchReader } from './bench-reader';

const files = makeTempDir();
afterAll(() => files.remove());

describe('benchReader', () => {
  it('reads every row and reports a throughput', async () => {
    const path = files.write('bench.csv', 'a,b\n' + '1,"x, y"\n'.repeat(5000));
    const result = await benchReader(path);
    expect(result.rows).toBe(5000);
    expect(result.mbPerSec).toBeGreaterThan(0);
  });
});
