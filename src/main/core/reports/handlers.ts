import type { Handlers } from '../handlers';
import { reportData } from './data';

export const reportsHandlers = {
  'reports.data': (input, ctx) => reportData(ctx, input),
  'reports.exportPdf': () => ({
    supported: false,
    path: null,
    message: 'Printing to PDF here is done by the desktop app or the browser host.',
  }),
} satisfies Partial<Handlers>;
