// Public surface of the import file reader: formats, encodings, layout detection, records.
export { FileRejectedError, type RejectReason } from './errors';
export { openTable, preview } from './open-table';
export type {
  Delimiter,
  OpenTableOptions,
  RecordBatch,
  RecordsOptions,
  RowIssue,
  RowIssueKind,
  TableFormat,
  TableInfo,
  TablePreview,
  TableReader,
  TextEncodingName,
} from './types';
export * from './values';
