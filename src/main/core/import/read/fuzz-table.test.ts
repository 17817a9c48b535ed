// Property-based tests of the file reader on CSV and text: whatever bytes a file holds, the reader either
// reads it into well-formed records or refuses it with a FileRejectedError naming the file, and it always
// ends. Inputs are kept small and the run counts low so the file runs in a few seconds; the size limits
// themselves (16 MB records) have their own tests in csv-reader.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzFiles, PREFIXES, readAll, runs, texty } from './fuzz-support';
import { FileRejectedError, openTable } from './index';

const files = fuzzFiles();

describe('openTable on hostile bytes', () => {
  it('random bytes behind any signature: rows or a FileRejectedError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PREFIXES),
        fc.uint8Array({ maxLength: 2048 }),
        async (prefix, body) => {
          await files.readOrReject(Buffer.concat([prefix, body]));
        },
      ),
      runs(150),
    );
  });

  it('text-like bytes with NULs, stray quotes and invalid UTF-8, read in tiny chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PREFIXES.slice(0, 4)),
        texty,
        fc.integer({ min: 1, max: 64 }),
        async (prefix, body, chunkBytes) => {
          await files.readOrReject(Buffer.concat([prefix, body]), { chunkBytes });
        },
      ),
      runs(200),
    );
  });

  it('a huge field, a very long line of delimiters and deep quote nesting end in rows or a rejection', async () => {
    const shapes = [
      `Name,Note\nAnn,"${'x'.repeat(300_000)}"\n`,
      `Name,Note\nAnn,${','.repeat(200_000)}\n`,
      `Name,Note\nAnn,"${'"'.repeat(100_001)}\n`,
      `${'#'.repeat(70_000)}\nName,Note\nAnn,1\n`,
      `${'\n'.repeat(100_000)}Name,Note\nAnn,1\n`,
      `Name\n${'a\n'.repeat(50_000)}`,
      `"${'a""'.repeat(50_000)}",b\n1,2\n`,
    ];
    for (const text of shapes) {
      const result = await files.readOrReject(Buffer.from(text));
      if (!(result instanceof FileRejectedError)) expect(result.length).toBeGreaterThan(0);
    }
  });

  it('reads back exactly what a well-formed CSV holds, in any chunk size', async () => {
    const cell = fc.string({
      unit: fc.oneof(
        fc.constantFrom(',', '"', '\n', '\r', ' ', ';', '\t', '|', '#', 'é', '€', '日', '😀'),
        fc
          .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 })
          .filter((c) => c >= ' ' && c !== '\x7f'),
      ),
      maxLength: 20,
    });
    const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 50 }),
        async (rows, br, chunkBytes) => {
          const text = ['Name,Email,Note', ...rows.map((r) => r.map(quote).join(','))].join(br) + br;
          const path = files.write(text);
          const table = await openTable(path, { delimiter: ',', chunkBytes });
          expect(table.columns).toEqual(['Name', 'Email', 'Note']);
          expect(await readAll(table, 3)).toEqual(rows);
        },
      ),
      runs(100),
    );
  });
});
