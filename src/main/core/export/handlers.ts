import type { Handlers } from '../handlers';
import { exportCsv } from './service';

export const exportHandlers = {
  'exports.csv': (input, ctx) => exportCsv(ctx, input),
  // The desktop shell answers with its save dialog; here (browser host, command line) the page downloads.
  'exports.chooseFile': () => ({ supported: false, path: null }),
} satisfies Partial<Handlers>;
