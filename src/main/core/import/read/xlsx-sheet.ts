import { plainDecimal } from './plain-decimal';
import { attribute, decodeXString, XmlScanner } from './xml-scan';
import { xmlError, type TextTable } from './xlsx-parts';
import { damaged, entryChunks, type ZipArchive, type ZipEntry } from './zip-archive';

/** What a sheet's cells need from the rest of the workbook. */
export interface SheetContext {
  strings: TextTable;
  /** Per cell style index: does it show numbers as dates. */
  dateStyles: boolean[];
  date1904: boolean;
}

export interface SheetRow {
  /** 1-based sheet row number (rows left out of the file leave gaps). */
  line: number;
  /** Cell texts by column; cells left out of the row are empty text. */
  cells: string[];
}

export interface SheetChunk {
  rows: SheetRow[];
  /** Packed bytes of the sheet's part read so far. */
  packedBytes: number;
}

const DAY_MS = 86_400_000;
// Day 0 of the 1900 date system is 1899-12-30 (Excel counts a 29 February 1900 that never was); of 1904, 1904-01-01.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Excel's last column is XFD (16,384 columns) and its last row 1,048,576. */
const MAX_COLUMNS = 16_384;
const MAX_ROW = 1_048_576;
const YEAR_0 = Date.parse('0000-01-01T00:00:00Z');
const YEAR_10000 = Date.parse('+010000-01-01T00:00:00Z');

/** "AB12" → 27 (0-based column of the reference), or -1 when it has no letters. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/**
 * Streams a sheet's rows: its part inflated chunk by chunk into a SAX parser, the rows completed by each
 * chunk handed out together. Memory holds one chunk's rows, whatever the size of the sheet.
 */
export async function* sheetRows(
  zip: ZipArchive,
  entry: ZipEntry,
  context: SheetContext,
): AsyncGenerator<SheetChunk> {
  const { strings, dateStyles, date1904 } = context;
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900;
  let rows: SheetRow[] = [];
  let line = 0;
  let inRow = false;
  let cells: string[] = [];
  let column = 0;
  let type = '';
  let style = 0;
  let value = '';
  let capture = false;
  let inline = false;
  let phonetic = 0;
  let badIndex = '';
  let tooWide = false;

  const parser = new XmlScanner({
    open(name, tag) {
      if (name === 'c') {
        const r = attribute(tag, 'r');
        const at = r ? columnIndex(r) : -1;
        if (at >= 0) column = at;
        type = attribute(tag, 't') ?? 'n';
        const s = attribute(tag, 's');
        style = s ? Number(s) : 0;
        value = '';
      } else if (name === 'v') {
        capture = true;
        value = '';
      } else if (name === 'is') {
        inline = true;
        value = '';
      } else if (name === 't' && inline && phonetic === 0) capture = true;
      else if (name === 'rPh') phonetic++;
      else if (name === 'row') {
        // Rows number upwards; one whose number is missing, out of order or not a row number follows the last.
        const r = Number(attribute(tag, 'r') ?? NaN);
        line = Number.isInteger(r) && r > line && r <= MAX_ROW ? r : line + 1;
        inRow = true;
        cells = [];
        column = 0;
      }
    },
    text(text) {
      if (capture) value += text;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'is') inline = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') {
        const text = cellText();
        if (text !== '') {
          if (column >= MAX_COLUMNS) tooWide = true;
          else while (cells.length < column) cells.push('');
          cells[column] = text;
        }
        column++;
      } else if (name === 'row' && inRow) {
        rows.push({ line, cells });
        inRow = false;
        cells = [];
      }
    },
  });

  function cellText(): string {
    switch (type) {
      case 's': {
        const text = strings.get(Number(value));
        if (text === undefined && value !== '') badIndex = value;
        return text ?? '';
      }
      case 'inlineStr':
      case 'str':
        return decodeXString(value);
      case 'e':
        // A formula's error (#N/A, #REF!, #DIV/0!) is no value of the record.
        return '';
      case 'b':
        return value === '' ? '' : value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
      case 'd':
        return value === ''
          ? ''
          : (dateText(Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`)) ?? '');
      default:
        if (value === '') return '';
        if (dateStyles[style]) {
          const serial = Number(value);
          const date = Number.isFinite(serial) ? dateText(epoch + serial * DAY_MS) : null;
          if (date !== null) return date;
        }
        return plainDecimal(value);
    }
  }

  const decoder = new TextDecoder('utf-8');
  let packedBytes = 0;
  try {
    for await (const chunk of entryChunks(zip, entry, (n) => (packedBytes = n))) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (badIndex)
        throw damaged(
          zip.fileName,
          `a cell refers to shared text number ${badIndex}, which the workbook lacks`,
        );
      if (tooWide) throw damaged(zip.fileName, 'a cell lies beyond column XFD, the last one Excel has');
      if (rows.length > 0) {
        const ready = rows;
        rows = [];
        yield { rows: ready, packedBytes };
      }
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    throw xmlError(zip, entry, error);
  }
  if (rows.length > 0) yield { rows, packedBytes };
}

/**
 * Sheet dates are day counts read as UTC wall time. A whole day becomes YYYY-MM-DD; a time of
 * day is kept as local wall time "YYYY-MM-DD HH:MM:SS", rounded to the second because the day
 * fraction rarely lands on an exact millisecond.
 */
function dateText(ms: number): string | null {
  // Beyond the years 0000–9999 a serial is not a date anyone wrote (and not one Date can spell).
  if (!(ms >= YEAR_0 && ms < YEAR_10000)) return null;
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
