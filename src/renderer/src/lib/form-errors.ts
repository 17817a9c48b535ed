import { ApiError, type FieldIssue } from '@shared/contract/result';

/** How a form shows what went wrong: the core's errors and the form's own, in one shape. */

export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) });
}

/** A validation error found in the form itself (text that is not a number), shown exactly like the core's. */
export function localError(issues: FieldIssue[]): ApiError {
  return new ApiError({ code: 'validation', message: issues.map((i) => i.message).join('; '), issues });
}

/** The message for a field, whether the core named it `field` (create) or `patch.field` (update). */
export function fieldIssue(error: ApiError | null, field: string): string | undefined {
  return error?.issueFor(field) ?? error?.issueFor(`patch.${field}`);
}

/** An error with no field to sit next to: shown once under the form. */
export function formLevel(error: ApiError | null, fields: string[]): string | undefined {
  if (!error) return undefined;
  const placed = error.issues.some((i) => fields.includes(i.field.replace(/^patch\./, '')));
  return placed ? undefined : error.message;
}
