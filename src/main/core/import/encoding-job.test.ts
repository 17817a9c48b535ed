import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, type TestCore } from '../testing';
import { importInto, rows } from './testing';

let t: TestCore;
const files = makeTempDir();
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

it('imports a UTF-8 file with one bad byte as UTF-8, with a warning naming the row and column', async () => {
  const path = files.write(
    'rene.csv',
    Buffer.concat([
      Buffer.from('First name,Last name,Email\nRené,Lévesque,rene@example.com\n', 'utf8'),
      Buffer.from('Ren'),
      Buffer.from([0xe9]),
      Buffer.from(',Dubé,rene2@example.com\nZoë,Ågren,zoe@example.com\n', 'utf8'),
    ]),
  );
  const job = await importInto(t, path, { kind: 'contacts' });
  expect(job).toMatchObject({ status: 'done', inserted: 3, error_count: 0, skipped: 0 });
  expect(rows(t, 'SELECT first_name, last_name FROM contacts ORDER BY rowid')).toEqual([
    { first_name: 'René', last_name: 'Lévesque' },
    { first_name: 'Ren\uFFFD', last_name: 'Dubé' },
    { first_name: 'Zoë', last_name: 'Ågren' },
  ]);
  expect(rows(t, 'SELECT row, column, severity, message FROM import_row_errors')).toEqual([
    { row: 3, column: 'First name', severity: 'note', message: expect.stringContaining('not valid UTF-8') },
  ]);
});
