import { describe, expect, it } from 'vitest';
import { errorsCsvText } from './errors-csv';

describe('errorsCsvText', () => {
  it('lists row, kind, column and problem, then the row as it was, quoting what CSV needs quoted', () => {
    const text = errorsCsvText(
      [
        {
          row: 3,
          severity: 'error',
          column: 'Email',
          message: 'expected an e-mail, "x" is not',
          raw: ['Leo', 'x'],
        },
        { row: 7, severity: 'note', column: null, message: 'two lines\nof note', raw: [' padded', 'a,b'] },
      ],
      ['Name', 'Email'],
    );
    expect(text).toBe(
      '\ufeffRow,Kind,Column,Problem,Name,Email\r\n' +
        '3,error,Email,"expected an e-mail, ""x"" is not",Leo,x\r\n' +
        '7,note,,"two lines\nof note"," padded","a,b"\r\n',
    );
  });

  it('writes only the first four columns when the file’s own are not known', () => {
    expect(errorsCsvText([{ row: 2, severity: 'error', column: 'Date', message: 'no date' }])).toBe(
      '\ufeffRow,Kind,Column,Problem\r\n2,error,Date,no date\r\n',
    );
    expect(errorsCsvText([])).toBe('\ufeffRow,Kind,Column,Problem\r\n');
  });
});
