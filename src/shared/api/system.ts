import { z } from 'zod';
import { query } from '../contract/define';

export const ExternalUrl = z.url({
  protocol: /^https?$/,
  message: 'expected a web address starting with http:// or https://',
});

export const systemApi = {
  /** The core's clock: the renderer asks it what "today" is, so tests and demos can set the date. */
  'system.now': query(z.strictObject({}), z.object({ now: z.string() })),
  /**
   * Asks to open a web page outside Tandem. The desktop shell answers it (system browser, http(s) only);
   * the core's own answer, used by the browser host, refuses: a page must never navigate away from Tandem.
   */
  /**
   * Asks for a file to import with the system's open dialog. The desktop shell answers it; the core's own
   * answer (browser host) is `supported: false`, and the page uploads the file instead.
   */
  'system.chooseImportFile': query(
    z.strictObject({}),
    z.object({ supported: z.boolean(), path: z.string().nullable() }),
  ),
  'system.openExternal': query(
    z.strictObject({ url: ExternalUrl }),
    z.object({ opened: z.boolean(), message: z.string() }),
  ),
};
