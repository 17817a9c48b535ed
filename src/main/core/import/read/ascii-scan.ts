import { open } from 'node:fs/promises';
import { isAscii } from 'node:buffer';
import { mostlyUtf8 } from './encoding';
import type { TextEncodingName } from './types';

const SCAN_CHUNK = 1024 * 1024;

/**
 * Decides UTF-8 or Windows-1252 for a file whose first bytes are plain ASCII.
 *
 * Exports sorted by date or id often have their first accented name thousands of rows in, far
 * past the sniffed head, and decoding a Windows-1252 file as UTF-8 would turn every "é" into
 * U+FFFD without any error. So the rest of the file is checked up to its first non-ASCII byte.
 * `isAscii` runs natively at memory speed, so this costs little next to parsing.
 */
export async function decideAsciiHeadEncoding(path: string, from: number): Promise<TextEncodingName> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(SCAN_CHUNK);
    let position = from;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, SCAN_CHUNK, position);
      if (bytesRead === 0) return 'utf-8';
      const chunk = buffer.subarray(0, bytesRead);
      if (!isAscii(chunk)) {
        let first = 0;
        while ((chunk[first] ?? 0) < 0x80) first++;
        // A character cut at the end of the chunk is held back, not judged invalid.
        const atEnd = bytesRead < SCAN_CHUNK;
        return mostlyUtf8(chunk.subarray(first), atEnd) ? 'utf-8' : 'windows-1252';
      }
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}
