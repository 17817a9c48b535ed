// Property-based tests of the reader's scanners: the XML scanner, encoding detection and the CSV layout
// sniffer give an answer or a plain refusal for any input, the same however it is cut into chunks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEncoding, mostlyUtf8 } from './encoding';
import { runs } from './fuzz-support';
import { detectDelimiter, detectNewline, sniffCsv } from './sniff';
import { XmlScanner, XmlSyntaxError } from './xml-scan';

describe('XmlScanner', () => {
  type Event = [string, string, string | boolean];
  function scan(chunks: string[]): Event[] | XmlSyntaxError {
    const events: Event[] = [];
    const scanner = new XmlScanner({
      open: (name, tag, selfClosing) => events.push(['open', name, `${tag}|${selfClosing}`]),
      close: (name) => events.push(['close', name, '']),
      text: (text) => events.push(['text', text, '']),
    });
    try {
      for (const chunk of chunks) scanner.write(chunk);
      scanner.close();
      return events;
    } catch (error) {
      if (error instanceof XmlSyntaxError) return error;
      throw error;
    }
  }

  const xml = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '<a>',
          '</a>',
          '<b x="1>2"/>',
          "<c y='<'>",
          '&amp;',
          '&#65;',
          '&#x110000;',
          '&#1114112;',
          '&nope;',
          '<!--c-->',
          '<![CDATA[<]]>',
          '<?p?>',
          '<!DOCTYPE',
          '<',
          '>',
          '"',
          '&',
          '\u0000',
        ),
        fc.string({ maxLength: 5 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('throws only XmlSyntaxError, and gives the same events however the text is cut into chunks', () => {
    fc.assert(
      fc.property(xml, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...points].map((from, i) => text.slice(from, points[i] ?? text.length));
        const whole = scan([text]);
        const pieces = scan(chunks);
        if (whole instanceof XmlSyntaxError) expect(pieces).toBeInstanceOf(XmlSyntaxError);
        else expect(pieces).toEqual(whole);
      }),
      runs(500),
    );
  });
});

describe('encoding and layout detection', () => {
  it('detectEncoding names a decoder for any bytes, and reads any text without NULs written as UTF-8 as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.boolean(), (bytes, complete) => {
        const { encoding } = detectEncoding(bytes, complete);
        expect(() => new TextDecoder(encoding).decode(bytes)).not.toThrow();
        expect(typeof mostlyUtf8(bytes, complete)).toBe('boolean');
      }),
      runs(500),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !s.includes('\u0000')),
        (text) => {
          expect(detectEncoding(Buffer.from(text, 'utf8'), true).encoding).toBe('utf-8');
        },
      ),
      runs(500),
    );
  });

  it('sniffCsv gives a usable layout or a plain refusal for any text; a complete text never asks for more', () => {
    const text = fc.string({
      unit: fc.constantFrom(',', ';', '\t', '|', '"', '\n', '\r', '#', ' ', 'a', 'b', '1', '\u0000'),
      maxLength: 200,
    });
    fc.assert(
      fc.property(
        text,
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
        (t, complete, headerLine) => {
          const result = sniffCsv(t, complete, { headerLine });
          if (complete) expect(result).not.toBe('need-more');
          if (typeof result === 'object') {
            expect([',', ';', '\t', '|']).toContain(result.delimiter);
            expect(result.headerLine).toBeGreaterThanOrEqual(1);
            for (const column of result.columns) expect(typeof column).toBe('string');
          }
          expect([',', ';', '\t', '|']).toContain(detectDelimiter(t, detectNewline(t), complete));
        },
      ),
      runs(500),
    );
  });
});
