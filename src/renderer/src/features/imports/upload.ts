import { client } from '../../lib/client';

/** Raw bytes per piece: base64 makes them a third larger, well under the API's 8 MB per call. */
const PIECE = 3 * 1024 * 1024;

function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () =>
      reject(
        new Error(
          `The file could not be read (${reader.error?.message ?? 'unknown reason'}). Choose it again.`,
        ),
      );
    reader.readAsDataURL(blob);
  });
}

/**
 * Browser mode has no file paths: the page sends the file's bytes in pieces and gets back a path the core
 * can read. `onProgress` hears the bytes sent so far.
 */
export async function uploadFile(file: File, onProgress: (sent: number) => void): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  for (;;) {
    const contentBase64 = await base64Of(file.slice(offset, offset + PIECE));
    const answer = await client.call('imports.upload', {
      name: file.name,
      contentBase64,
      ...(uploadId ? { uploadId } : {}),
    });
    uploadId = answer.uploadId;
    offset += PIECE;
    onProgress(Math.min(offset, file.size));
    // An empty file is sent as one empty piece: the core then says why it cannot be imported.
    if (offset >= file.size) return answer.path;
  }
}
