import { FileRejectedError } from './errors';
import { attribute, decodeXString, XmlScanner } from './xml-scan';
import { damaged, entryChunks, entryText, type ZipArchive, type ZipEntry } from './zip-archive';

/** The workbook's parts other than the sheets: sheet list, date system, date styles, shared text. */

const SMALL_PART_BYTES = 32 * 1024 ** 2;
/** Shared text is kept as UTF-8 bytes outside the JS heap; past this the workbook is refused. */
export const MAX_SHARED_TEXT_BYTES = 256 * 1024 ** 2;

export interface SheetRef {
  name: string;
  /** Path of the sheet's part inside the archive. */
  part: string;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

export function xmlError(zip: ZipArchive, entry: ZipEntry, error: unknown): FileRejectedError {
  if (error instanceof FileRejectedError) return error;
  return damaged(zip.fileName, `the part ${entry.name} is not well-formed XML`, error);
}

/** Calls `onOpen` with the local name and text of each start tag of a small part. */
function parseSmall(
  zip: ZipArchive,
  entry: ZipEntry,
  text: string,
  onOpen: (name: string, tag: string) => void,
): void {
  const scanner = new XmlScanner({ open: onOpen, close: () => undefined, text: () => undefined });
  try {
    scanner.write(text);
    scanner.close();
  } catch (error) {
    throw xmlError(zip, entry, error);
  }
}

async function relationships(
  zip: ZipArchive,
  part: string,
): Promise<Map<string, { type: string; target: string }>> {
  const slash = part.lastIndexOf('/');
  const path = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const entry = zip.entries.get(path);
  const rels = new Map<string, { type: string; target: string }>();
  if (!entry) return rels;
  parseSmall(zip, entry, await entryText(zip, entry, SMALL_PART_BYTES), (name, tag) => {
    if (name !== 'Relationship') return;
    const [Id, Type, Target, TargetMode] = ['Id', 'Type', 'Target', 'TargetMode'].map((a) =>
      attribute(tag, a),
    );
    if (!Id || !Target || TargetMode === 'External') return;
    rels.set(Id, { type: Type?.slice(Type.lastIndexOf('/') + 1) ?? '', target: resolvePart(part, Target) });
  });
  return rels;
}

/** A relationship target is relative to the part's folder, or absolute from the archive root. */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** Sheet names and parts in workbook order, the 1904 flag, and where styles and shared strings are. */
export async function readWorkbook(zip: ZipArchive): Promise<WorkbookInfo | null> {
  const rootRels = await relationships(zip, '');
  const main = [...rootRels.values()].find((r) => r.type === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const entry = zip.entries.get(main);
  if (!entry) return null;
  const rels = await relationships(zip, main);
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseSmall(zip, entry, await entryText(zip, entry, SMALL_PART_BYTES), (name, tag) => {
    if (name === 'workbookPr') {
      const flag = attribute(tag, 'date1904');
      date1904 = flag === '1' || flag === 'true';
    }
    if (name !== 'sheet') return;
    const id = attribute(tag, 'id');
    const target = id ? rels.get(id) : undefined;
    const sheetName = attribute(tag, 'name');
    if (target && sheetName !== undefined) sheets.push({ name: sheetName, part: target.target });
  });
  const byType = (type: string) => [...rels.values()].find((r) => r.type === type)?.target ?? null;
  return { sheets, date1904, sharedStringsPart: byType('sharedStrings'), stylesPart: byType('styles') };
}

// Built-in number formats that show a date or time (ECMA-376 §18.8.30, with the East Asian ones).
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format shows a date when, outside quoted text, escapes and [colour]/[$-locale] tags, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .split(';')[0];
  return /[dmyhs]/i.test(bare ?? '') && !/^general$/i.test((bare ?? '').trim());
}

/** For each cell style index (the `s` of a cell), whether it formats numbers as dates. */
export async function readDateStyles(zip: ZipArchive, part: string | null): Promise<boolean[]> {
  const entry = part ? zip.entries.get(part) : undefined;
  if (!entry) return [];
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  const xfs: number[] = [];
  let inCellXfs = false;
  parseSmall(zip, entry, await entryText(zip, entry, SMALL_PART_BYTES), (name, tag) => {
    if (name === 'numFmt') custom.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'cellStyleXfs' || name === 'cellStyles' || name === 'dxfs') inCellXfs = false;
    else if (name === 'xf' && inCellXfs) xfs.push(Number(attribute(tag, 'numFmtId') ?? 0));
  });
  for (const id of xfs) {
    const code = custom.get(id);
    styles.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id));
  }
  return styles;
}

/** Shared strings packed as UTF-8 in one growing buffer with an end offset per string. */
export class SharedStrings {
  private bytes: Buffer;
  private ends = new Uint32Array(1 << 12);
  private used = 0;
  count = 0;

  /**
   * The text never takes more bytes than the XML it comes from, so that size is reserved at once: growing
   * by copies would hold two buffers at a time, and pages never written take no memory.
   */
  constructor(capacity = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(Math.max(1, Math.min(capacity, MAX_SHARED_TEXT_BYTES)));
  }

  add(text: string): boolean {
    const need = Buffer.byteLength(text);
    if (this.used + need > MAX_SHARED_TEXT_BYTES) return false;
    if (this.used + need > this.bytes.length) {
      const grown = Buffer.allocUnsafe(
        Math.min(MAX_SHARED_TEXT_BYTES, Math.max(this.bytes.length * 2, this.used + need)),
      );
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.used += this.bytes.write(text, this.used);
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.count++] = this.used;
    return true;
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const start = index === 0 ? 0 : (this.ends[index - 1] as number);
    return this.bytes.toString('utf8', start, this.ends[index]);
  }
}

/** Shared text by index, as the cells of a sheet look it up. */
export interface TextTable {
  get(index: number): string | undefined;
}

/** Stands in for the shared text while a sheet's first rows are scanned: notes the highest index asked for. */
export class TextIndexProbe implements TextTable {
  highest = -1;
  get(index: number): string {
    if (index > this.highest) this.highest = index;
    return '';
  }
}

/**
 * Streams sharedStrings.xml into a SharedStrings table: rich-text runs joined, phonetic runs left out.
 * With `limit`, reading stops once that many strings are in (the header's, found by a TextIndexProbe).
 */
export async function readSharedStrings(
  zip: ZipArchive,
  part: string | null,
  limit = Infinity,
): Promise<SharedStrings> {
  const entry = part ? zip.entries.get(part) : undefined;
  if (!entry || limit <= 0) return new SharedStrings();
  const table = new SharedStrings(limit === Infinity ? entry.size : undefined);
  let text = '';
  let inText = false;
  let phonetic = 0;
  let full = false;
  const scanner = new XmlScanner({
    open(name) {
      if (name === 'si') text = '';
      else if (name === 't' && phonetic === 0) inText = true;
      else if (name === 'rPh') phonetic++;
    },
    text(t) {
      if (inText) text += t;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && !table.add(decodeXString(text))) full = true;
    },
  });
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of entryChunks(zip, entry)) {
      scanner.write(decoder.decode(chunk, { stream: true }));
      if (table.count >= limit) return table;
      if (full) {
        throw new FileRejectedError(
          zip.fileName,
          'too-large',
          `this workbook's shared text is over ${MAX_SHARED_TEXT_BYTES / 1024 ** 2} MB, more than Tandem holds while reading a sheet; save the sheet as CSV and import that`,
        );
      }
    }
    scanner.write(decoder.decode());
    scanner.close();
  } catch (error) {
    throw xmlError(zip, entry, error);
  }
  return table;
}
