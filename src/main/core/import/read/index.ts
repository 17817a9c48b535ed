// Public surface of the import file reader: formats, encodings, layout detection, records.
export { FileRejectedError } from './errors';
export { openTable, preview } from './open-table';
export type {
  CellWarning,
  OpenTableOptions,
  RecordBatch,
  RecordsOptions,
  RowIssue,
  TableInfo,
  TableReader,
} from './types';
export * from './values';
