/**
 * What the page knew when it started a job: the file's record count (the job itself learns it only when it has
 * read the whole file) and, in the desktop app, where the chosen file is, so errors can be saved next to it.
 */
interface JobHint {
  records: number;
  sourcePath: string | null;
}

const hints = new Map<string, JobHint>();

export function rememberJob(id: string, hint: JobHint): void {
  hints.set(id, hint);
}

export function jobHint(id: string): JobHint | undefined {
  return hints.get(id);
}
