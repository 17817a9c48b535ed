import { describe, expect, it } from 'vitest';
import { locateHeader } from './layout';
import { detectDelimiter, detectNewline, sniffCsv, type CsvLayout } from './sniff';

function layout(text: string): CsvLayout {
  const result = sniffCsv(text, true);
  if (typeof result === 'string') throw new Error(`sniff failed: ${result}`);
  return result;
}

describe('delimiter detection', () => {
  it.each([
    [',', 'name,email,amount\nAna,ana@x.com,12\nBo,bo@x.com,7\n'],
    [';', 'name;email;amount\nAna;ana@x.com;12,50\nBo;bo@x.com;7,00\n'],
    ['\t', 'name\temail\tnote\nAna\tana@x.com\tlikes a, b; c\nBo\tbo@x.com\tn/a\n'],
    ['|', 'name|email|amount\nAna|ana@x.com|12\nBo|bo@x.com|7\n'],
  ] as const)('finds %j', (delimiter, text) => {
    expect(layout(text).delimiter).toBe(delimiter);
  });

  it('ignores delimiters inside quotes', () => {
    const text = 'a;b\n"x, y, z";1\n"p, q";2\n';
    expect(detectDelimiter(text, '\n', true)).toBe(';');
  });

  it('prefers ; over , when both split every line alike (decimal commas in a header)', () => {
    const text = 'Name;Amount (EUR, net)\nAna;12,50\nBo;7,00\n';
    expect(layout(text)).toMatchObject({ delimiter: ';', columns: ['Name', 'Amount (EUR, net)'] });
  });

  it('reads a single-column file as one column', () => {
    expect(layout('email\nana@x.com\nbo@x.com\n')).toMatchObject({
      delimiter: ',',
      columns: ['email'],
      headerLine: 1,
    });
  });

  it('honours a delimiter chosen by the user', () => {
    expect(sniffCsv('a,b;c\n1,2;3\n', true, { delimiter: ';' })).toMatchObject({
      delimiter: ';',
      columns: ['a,b', 'c'],
    });
  });
});

describe('line breaks', () => {
  it('detects LF, CRLF and CR', () => {
    expect(detectNewline('a,b\n1,2')).toBe('\n');
    expect(detectNewline('a,b\r\n1,2')).toBe('\r\n');
    expect(detectNewline('a,b\r1,2')).toBe('\r');
    expect(layout('a,b\r\n1,2\r\n')).toMatchObject({ newline: '\r\n', columns: ['a', 'b'] });
    expect(layout('a,b\r1,2\r')).toMatchObject({ newline: '\r', columns: ['a', 'b'] });
  });
});

describe('header detection', () => {
  it('skips a GA4-style # preamble and reports the physical header line', () => {
    const text =
      '# ----\n# Traffic acquisition\n# Account: Harbor & Pine, Inc.\n#\n# Start date: 20260101\n\nDate,Channel,Sessions\n20260101,Direct,37\n';
    expect(layout(text)).toMatchObject({ headerLine: 7, columns: ['Date', 'Channel', 'Sessions'] });
  });

  it('is not fooled by a stray quote in a comment line', () => {
    const text = '# Report "Sales\nDate,Channel\n20260101,Direct\n20260102,Email\n';
    expect(layout(text)).toMatchObject({ headerLine: 2, columns: ['Date', 'Channel'] });
  });

  it('keeps a header whose first column is named "#"', () => {
    const text = '#,Name,Email\n1,Ana,ana@x.com\n2,Bo,bo@x.com\n';
    expect(layout(text)).toMatchObject({ headerLine: 1, columns: ['#', 'Name', 'Email'] });
  });

  it('skips a one-cell title row above the header', () => {
    const text = 'All posts published from 01/01/2026 to 09/30/2026.\nTitle,Clicks,Likes\nA,1,2\nB,3,4\n';
    expect(layout(text)).toMatchObject({ headerLine: 2, columns: ['Title', 'Clicks', 'Likes'] });
  });

  it('skips a title padded with empty cells, and a date-range line a comma splits in two', () => {
    const text =
      'Campaign report,,,,\nDate range: Jan 1, 2026 - Sep 30, 2026\n\nDate,Campaign,Spend,Clicks,Leads\n2026-01-01,a,1,2,3\n2026-01-02,b,1,2,3\n';
    expect(layout(text)).toMatchObject({
      headerLine: 4,
      columns: ['Date', 'Campaign', 'Spend', 'Clicks', 'Leads'],
    });
  });

  it('keeps a header with unnamed columns', () => {
    const text = 'id,,,note\n1,a,b,c\n2,a,b,c\n';
    expect(layout(text)).toMatchObject({ headerLine: 1, columns: ['id', '', '', 'note'] });
  });

  it('keeps the header when every data row ends with an extra delimiter', () => {
    const text = 'a,b,c\n1,2,3,\n4,5,6,\n';
    expect(layout(text)).toMatchObject({ headerLine: 1, columns: ['a', 'b', 'c'] });
  });

  it('counts lines of a quoted multi-line title when reporting the header line', () => {
    const text = '"Quarterly\nreport"\nx,y\n1,2\n';
    expect(layout(text)).toMatchObject({ headerLine: 3, columns: ['x', 'y'] });
  });

  it('keeps the first line as the header of a short file whose rows are ragged', () => {
    // No width occurs twice below the header, so "the table's width" is the widest row: that alone must not
    // make the header look like a date range above the table.
    const text =
      'Name,Email,City\nAnn,ann@example.com,Oslo\nBo,bo@example.com\nCy,cy@example.com,Bergen,extra\n';
    expect(layout(text)).toMatchObject({ headerLine: 1, columns: ['Name', 'Email', 'City'] });
  });

  it('still passes over a date range narrower than most rows under it', () => {
    const text =
      'Date range: Jan 1, 2026 - Sep 30, 2026\nDay,Page,Views,Visitors,Bounce\n1,/,2,3,4\n2,/a,3,4,5\n';
    expect(layout(text)).toMatchObject({ headerLine: 2 });
  });

  it('honours a header line chosen by the user', () => {
    expect(sniffCsv('junk\nx,y\n1,2\n', true, { headerLine: 2 })).toMatchObject({
      headerLine: 2,
      columns: ['x', 'y'],
    });
  });

  it('asks for more text when the head ends before the header is settled', () => {
    expect(sniffCsv('# comment\n# comment', false)).toBe('need-more');
    expect(sniffCsv('Title\nx,y\n', false)).toBe('need-more');
    expect(sniffCsv('# only\n#comments\n\n', true)).toBe('no-header');
  });
});

describe('locateHeader', () => {
  const rec = (cells: string[], line: number) => ({ cells, line });

  it('returns -1 when every record is blank', () => {
    expect(locateHeader([rec([''], 1), rec(['', ''], 2)], (c) => c.length)).toBe(-1);
  });

  it('takes the last remaining record when nothing follows it', () => {
    expect(locateHeader([rec(['Title'], 1), rec(['a', 'b'], 2)], (c) => c.length)).toBe(1);
  });
});
