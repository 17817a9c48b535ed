import type { CsvEncoding } from '@shared/api/exports';

/** Windows-1252's 0x80–0x9F, where it differs from Latin-1 (five bytes are unassigned). */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

/** A character windows-1252 cannot hold, with where it was. */
export class UnencodableError extends Error {
  override readonly name = 'UnencodableError';
  constructor(
    readonly character: string,
    readonly offset: number,
  ) {
    super(
      `"${character}" (U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`,
    );
  }
}

export interface Encoder {
  /** Bytes that start the file (a byte-order mark), possibly none. */
  readonly preamble: Buffer;
  /** Encodes one chunk of text; throws UnencodableError (refuse) or counts replacements. */
  encode(text: string): Buffer;
  /** Characters written as `?` so far. */
  readonly replaced: number;
}

function cp1252Byte(code: number): number | undefined {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return CP1252_HIGH[code];
}

function windows1252(replace: boolean): Encoder {
  let replaced = 0;
  return {
    preamble: Buffer.alloc(0),
    get replaced() {
      return replaced;
    },
    encode(text) {
      const out = Buffer.allocUnsafe(text.length);
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const byte = cp1252Byte(code);
        if (byte !== undefined) {
          out[n++] = byte;
          continue;
        }
        // A surrogate pair is one character: one `?`, and the whole pair in the message.
        const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
        if (!replace) throw new UnencodableError(pair ? text.slice(i, i + 2) : (text[i] ?? ''), i);
        if (pair) i++;
        out[n++] = 0x3f;
        replaced++;
      }
      return out.subarray(0, n);
    },
  };
}

/** The encoder for an export's encoding; `replace` decides what windows-1252 does with other characters. */
export function encoderFor(encoding: CsvEncoding, replace: boolean): Encoder {
  switch (encoding) {
    case 'utf-8':
      return {
        preamble: Buffer.from([0xef, 0xbb, 0xbf]),
        encode: (t) => Buffer.from(t, 'utf8'),
        replaced: 0,
      };
    case 'utf-8-no-bom':
      return { preamble: Buffer.alloc(0), encode: (t) => Buffer.from(t, 'utf8'), replaced: 0 };
    case 'utf-16le':
      return { preamble: Buffer.from([0xff, 0xfe]), encode: (t) => Buffer.from(t, 'utf16le'), replaced: 0 };
    case 'windows-1252':
      return windows1252(replace);
  }
}
