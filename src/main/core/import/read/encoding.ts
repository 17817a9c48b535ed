import { isAscii } from 'node:buffer';
import type { TextEncodingName } from './types';

/** Detection looks at this much of the file (requirement: decide from the first 64 KiB). */
export const SNIFF_BYTES = 64 * 1024;

export interface DetectedEncoding {
  encoding: TextEncodingName;
  bom: boolean;
  /**
   * True when the sniffed bytes are plain ASCII, so UTF-8 and Windows-1252 read them alike and
   * the choice rests on the first non-ASCII byte further on (see ascii-scan.ts).
   */
  undecided: boolean;
}

/**
 * @param head the first bytes of the file
 * @param complete true when head is the whole file (a cut multi-byte character at the end of
 *   head is then an error, not a sequence continued in the next chunk)
 */
export function detectEncoding(head: Uint8Array, complete: boolean): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf-8', bom: true, undecided: false };
  }
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true, undecided: false };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true, undecided: false };

  const utf16 = guessUtf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bom: false, undecided: false };

  if (isAscii(head)) return { encoding: 'utf-8', bom: false, undecided: !complete };
  return { encoding: mostlyUtf8(head, complete) ? 'utf-8' : 'windows-1252', bom: false, undecided: false };
}

/**
 * Whether non-ASCII bytes read as UTF-8 on the evidence: well-formed multi-byte characters against bytes
 * that fit no UTF-8 sequence. A UTF-8 file with a few bad bytes (one corrupted cell) stays UTF-8 and only its
 * bad bytes show as U+FFFD (the rows get a warning); a Windows-1252 file, whose "é" is one byte followed by
 * ASCII, has almost only invalid bytes. A sequence cut at the end of incomplete bytes counts for neither.
 */
export function mostlyUtf8(bytes: Uint8Array, complete: boolean): boolean {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) {
      invalid++;
      i++;
      continue;
    }
    if (i + len > n && !complete) break;
    let ok = i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok && len === 3 && b === 0xe0) ok = (bytes[i + 1] as number) >= 0xa0;
    if (ok && len === 3 && b === 0xed) ok = (bytes[i + 1] as number) < 0xa0;
    if (ok && len === 4 && b === 0xf0) ok = (bytes[i + 1] as number) >= 0x90;
    if (ok && len === 4 && b === 0xf4) ok = (bytes[i + 1] as number) < 0x90;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return invalid <= valid;
}

/**
 * Some tools write UTF-16 without a BOM. Mostly-Latin text then has a zero byte in every other
 * position, which never happens in UTF-8 or Windows-1252 text.
 */
function guessUtf16WithoutBom(head: Uint8Array): TextEncodingName | null {
  const pairs = Math.min(head.length >> 1, 2048);
  if (pairs < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZeros++;
    if (head[2 * i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], what: 'an SQLite database' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
];

/** Names well-known binary formats by their leading bytes; null when none matches. */
export function binarySignature(head: Uint8Array): string | null {
  for (const { bytes, what } of SIGNATURES) {
    if (bytes.every((b, i) => head[i] === b)) return what;
  }
  return null;
}

/** ZIP local-file or empty-archive header: xlsx files are ZIP archives. */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05);
}

/** OLE compound file: legacy .xls, and also any password-protected xlsx. */
export function isOleCompound(head: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => head[i] === b);
}

/**
 * Decoded text that is full of control characters did not come from a spreadsheet or CSV
 * export. A NUL never appears in text files; other controls are allowed in small numbers
 * because real exports do carry the odd stray form feed or escape character.
 */
export function looksLikeBinaryText(text: string): boolean {
  const sample = text.length > 16384 ? text.slice(0, 16384) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    const isControl =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c < 0xa0);
    if (isControl) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.02;
}
