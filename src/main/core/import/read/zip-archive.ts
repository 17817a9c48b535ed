import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { FileRejectedError } from './errors';

/**
 * A workbook is a ZIP archive. Its central directory, at the end of the file, lists every part with its
 * compressed and unpacked sizes; those are checked before anything is inflated, so a file that would unpack
 * to gigabytes (a zip bomb, or a sheet too large to read) is refused at once with the real reason.
 */

/** Most that Tandem unpacks from one workbook, all parts together, by the sizes its directory declares. */
export const MAX_UNPACKED_BYTES = 2 * 1024 ** 3;
/** Compression ratio no real sheet reaches (Excel's XML packs about 10–30 to 1); checked on big parts. */
export const MAX_RATIO = 200;
const RATIO_CHECK_BYTES = 16 * 1024 ** 2;
const MAX_ENTRIES = 65_535;
const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  path: string;
  fileName: string;
  fileSize: number;
  entries: Map<string, ZipEntry>;
}

export function damaged(fileName: string, detail: string, cause?: unknown): FileRejectedError {
  return new FileRejectedError(
    fileName,
    'unreadable',
    `this Excel workbook is damaged or incomplete (${detail}); open it in Excel and save it again, or save the sheet as CSV`,
    { cause },
  );
}

/** Reads and checks the central directory; throws FileRejectedError for a damaged archive or a bomb. */
export async function openZip(path: string, fileName: string, fileSize: number): Promise<ZipArchive> {
  const handle = await open(path, 'r');
  try {
    const read = async (position: number, length: number): Promise<Buffer> => {
      if (position < 0 || position + length > fileSize) throw damaged(fileName, 'the file ends too early');
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead !== length) throw damaged(fileName, 'the file ends too early');
      return buffer;
    };
    const tailLength = Math.min(fileSize, 22 + 65_535);
    const tail = await read(fileSize - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw damaged(fileName, 'its zip directory is missing, as in a file cut short by a download');
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    const locatorAt = fileSize - tailLength + at - 20;
    if ((count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) && locatorAt >= 0) {
      const locator = await read(locatorAt, 20);
      if (locator.readUInt32LE(0) === EOCD64_LOCATOR) {
        const record = await read(Number(locator.readBigUInt64LE(8)), 56);
        if (record.readUInt32LE(0) !== EOCD64) throw damaged(fileName, 'its zip64 directory is missing');
        count = Number(record.readBigUInt64LE(32));
        dirSize = Number(record.readBigUInt64LE(40));
        dirOffset = Number(record.readBigUInt64LE(48));
      }
    }
    if (count > MAX_ENTRIES) throw damaged(fileName, `its zip directory lists ${count} parts`);
    const directory = await read(dirOffset, dirSize);
    const entries = parseDirectory(directory, count, fileName);
    checkSizes(entries, fileName, fileSize);
    return { path, fileName, fileSize, entries };
  } finally {
    await handle.close();
  }
}

function parseDirectory(dir: Buffer, count: number, fileName: string): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL)
      throw damaged(fileName, 'its zip directory is corrupt');
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      flags: dir.readUInt16LE(p + 8),
      method: dir.readUInt16LE(p + 10),
      crc: dir.readUInt32LE(p + 16),
      compressedSize: dir.readUInt32LE(p + 20),
      size: dir.readUInt32LE(p + 24),
      localOffset: dir.readUInt32LE(p + 42),
    };
    readZip64Extra(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.set(entry.name.replace(/^\//, ''), entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Sizes and offsets over 4 GB sit in the zip64 extra field, in this order, only where the 32-bit field is full. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
        const value = q + 8 <= p + 4 + length ? Number(extra.readBigUInt64LE(q)) : 0;
        q += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    p += 4 + length;
  }
}

function checkSizes(entries: Map<string, ZipEntry>, fileName: string, fileSize: number): void {
  let total = 0;
  for (const entry of entries.values()) {
    total += entry.size;
    if (entry.localOffset + entry.compressedSize > fileSize)
      throw damaged(fileName, `the part ${entry.name} runs past the end of the file`);
    if (entry.size > RATIO_CHECK_BYTES && entry.size > entry.compressedSize * MAX_RATIO) {
      const ratio = Math.round(entry.size / Math.max(1, entry.compressedSize));
      throw new FileRejectedError(
        fileName,
        'too-large',
        `this workbook looks like a zip bomb: its part ${entry.name} would unpack ${ratio} times its packed size (${megabytes(entry.compressedSize)} to ${megabytes(entry.size)}), far more than a real sheet, so it was not unpacked`,
      );
    }
  }
  if (total > MAX_UNPACKED_BYTES) {
    throw new FileRejectedError(
      fileName,
      'too-large',
      `this workbook would unpack to ${megabytes(total)} of XML, more than the ${megabytes(MAX_UNPACKED_BYTES)} Tandem reads from one workbook (a zip bomb, or a sheet too large for Excel import); if it is a real workbook, save the sheet as CSV and import that`,
    );
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.ceil(bytes / 1024 ** 2)} MB`;
}

/**
 * The unpacked bytes of one part, in chunks. Never yields more than the directory declared, and checks the
 * CRC at the end, so a directory that lies about a part's size cannot make it unpack further.
 * `onRead` gets the packed bytes read so far, for progress.
 */
export async function* entryChunks(
  zip: ZipArchive,
  entry: ZipEntry,
  onRead?: (packedBytes: number) => void,
): AsyncGenerator<Buffer> {
  const { fileName } = zip;
  if (entry.flags & 0x1) {
    throw new FileRejectedError(
      fileName,
      'binary',
      'this workbook is encrypted (password-protected); remove the password in Excel or save the sheet as CSV',
    );
  }
  if (entry.method !== 0 && entry.method !== 8)
    throw damaged(fileName, `the part ${entry.name} uses a compression method Tandem cannot read`);
  const handle = await open(zip.path, 'r');
  const header = Buffer.alloc(30);
  try {
    await handle.read(header, 0, 30, entry.localOffset);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== LOCAL) throw damaged(fileName, `the part ${entry.name} is missing`);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > zip.fileSize)
    throw damaged(fileName, `the part ${entry.name} runs past the end of the file`);
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) throw damaged(fileName, `the part ${entry.name} is empty`);
    return;
  }
  const file = createReadStream(zip.path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 64 * 1024,
  });
  let packed = 0;
  file.on('data', (chunk) => {
    packed += chunk.length;
    onRead?.(packed);
  });
  const source = entry.method === 8 ? file.pipe(createInflateRaw({ chunkSize: 64 * 1024 })) : file;
  if (source !== file) file.once('error', (error) => source.destroy(error));
  let unpacked = 0;
  let crc = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      unpacked += chunk.length;
      if (unpacked > entry.size)
        throw damaged(fileName, `the part ${entry.name} unpacks to more than its directory declares`);
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof FileRejectedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM') throw error;
    throw damaged(fileName, `the part ${entry.name} cannot be unpacked: ${(error as Error).message}`, error);
  } finally {
    source.destroy();
    file.destroy();
  }
  if (unpacked !== entry.size || crc !== entry.crc)
    throw damaged(fileName, `the part ${entry.name} does not match its checksum`);
}

/** A small part (workbook, relationships, styles) as text, refused past `limit` bytes. */
export async function entryText(zip: ZipArchive, entry: ZipEntry, limit: number): Promise<string> {
  if (entry.size > limit) {
    throw new FileRejectedError(
      zip.fileName,
      'too-large',
      `the part ${entry.name} of this workbook is ${megabytes(entry.size)}, more than the ${megabytes(limit)} a real one takes`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of entryChunks(zip, entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
