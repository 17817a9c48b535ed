/** Every reply that crosses a process boundary has this shape; nothing throws across a transport. */
export type ErrorCode =
  'validation' | 'unknown_method' | 'not_found' | 'conflict' | 'forbidden' | 'schema_too_new' | 'internal';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `email` or `steps.2.dayOffset`. */
  field: string;
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by the client (and by handlers) so callers can `try`/`catch` while transports stay plain data. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.code = body.code;
    this.issues = body.issues ?? [];
  }

  toBody(): ApiErrorBody {
    return this.issues.length > 0
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  /** The message for one field, for showing next to that field in a form. */
  issueFor(field: string): string | undefined {
    return this.issues.find((i) => i.field === field)?.message;
  }
}

export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): never => {
  throw new ApiError(issues ? { code, message, issues } : { code, message });
};
