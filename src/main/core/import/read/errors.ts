export type RejectReason =
  'unreadable' | 'empty' | 'binary' | 'no-header' | 'unbalanced-quote' | 'sheet-not-found' | 'too-large';

/**
 * The whole file cannot be imported. The message names the file and says why in plain words,
 * because it is shown to the user as is (and printed by the CLI, which then exits 1).
 */
export class FileRejectedError extends Error {
  override readonly name = 'FileRejectedError';
  readonly fileName: string;
  readonly reason: RejectReason;

  constructor(fileName: string, reason: RejectReason, detail: string, options?: { cause?: unknown }) {
    super(`${fileName}: ${detail}`, options);
    this.fileName = fileName;
    this.reason = reason;
  }
}

/** Turns an fs error into a rejection; anything else is a bug and is rethrown. */
export function rejectIoError(fileName: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    throw new FileRejectedError(fileName, 'unreadable', 'the file could not be found', { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    throw new FileRejectedError(fileName, 'unreadable', 'permission to read the file was denied', {
      cause: error,
    });
  }
  if (code === 'EISDIR') {
    throw new FileRejectedError(fileName, 'unreadable', 'this is a folder, not a file', { cause: error });
  }
  throw error;
}
