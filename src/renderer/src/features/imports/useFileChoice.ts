import { useCallback, useRef, useState } from 'react';
import type { ImportInspection } from '@shared/api/imports';
import { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { uploadFile } from './upload';

export interface Reading {
  name: string;
  size: number;
  /** Bytes sent so far in browser mode; null while the core reads a file it has a path for. */
  sent: number | null;
}

/** A file the core refused, with its plain-language reason. */
export interface Rejection {
  name: string;
  message: string;
}

export interface Chosen {
  inspection: ImportInspection;
  /** The file's own path in the desktop app; null for an uploaded copy. */
  sourcePath: string | null;
}

const messageOf = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

/**
 * Choosing a file: the desktop's open dialog gives a path; in the browser the page's file input or a drop
 * gives the bytes, which are uploaded first. Either way the core inspects the file and nothing is written.
 */
export function useFileChoice(onChosen: (chosen: Chosen) => void, openInput: () => void) {
  const [reading, setReading] = useState<Reading | null>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);
  const latest = useRef(0);

  const inspect = useCallback(
    async (name: string, getPath: (attempt: number) => Promise<string>, desktop: boolean) => {
      const attempt = ++latest.current;
      setRejection(null);
      try {
        const path = await getPath(attempt);
        const inspection = await client.call('imports.inspect', { path });
        if (attempt === latest.current) onChosen({ inspection, sourcePath: desktop ? path : null });
      } catch (error) {
        if (attempt === latest.current) setRejection({ name, message: messageOf(error) });
      } finally {
        if (attempt === latest.current) setReading(null);
      }
    },
    [onChosen],
  );

  const take = useCallback(
    (file: File) => {
      setReading({ name: file.name, size: file.size, sent: 0 });
      void inspect(
        file.name,
        (attempt) =>
          uploadFile(
            file,
            (sent) => attempt === latest.current && setReading({ name: file.name, size: file.size, sent }),
          ),
        false,
      );
    },
    [inspect],
  );

  const choose = useCallback(async () => {
    const answer = await client
      .call('system.chooseImportFile', {})
      .catch(() => ({ supported: false, path: null }));
    if (!answer.supported) return openInput();
    const path = answer.path;
    if (!path) return;
    const name = path.split(/[\\/]/).pop() ?? path;
    setReading({ name, size: 0, sent: null });
    await inspect(name, () => Promise.resolve(path), true);
  }, [inspect, openInput]);

  const clear = useCallback(() => setRejection(null), []);
  return { reading, rejection, take, choose, clear };
}
