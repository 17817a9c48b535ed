import type { z } from 'zod';
import type { ApiErrorBody, FieldIssue } from './result';

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

/** A validation failure as one readable sentence that names every field, plus the per-field list. */
export function validationError(error: z.ZodError, what: string): ApiErrorBody {
  const issues = issuesOf(error);
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
  return { code: 'validation', message: `Invalid ${what}: ${summary}`, issues };
}
