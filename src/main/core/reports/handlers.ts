import type { Handlers } from '../handlers';
import { reportData } from './data';
import { notesOf, saveNotes } from './notes';
import { clearSchedule, dueReports, recordRun, scheduleState, setSchedule } from './schedule';

export const reportsHandlers = {
  'reports.data': (input, ctx) => reportData(ctx, input),
  'reports.exportPdf': () => ({
    supported: false,
    path: null,
    message: 'Printing to PDF here is done by the desktop app or the browser host.',
  }),
  'reportSchedule.get': (_input, ctx) => scheduleState(ctx),
  'reportSchedule.set': (input, ctx) => setSchedule(ctx, input),
  'reportSchedule.clear': (_input, ctx) => clearSchedule(ctx),
  'reportSchedule.due': (_input, ctx) => dueReports(ctx),
  'reportSchedule.record': (input, ctx) => recordRun(ctx, input),
  'meetingNotes.get': (input, ctx) => ({ text: notesOf(ctx, input.from, input.to) }),
  'meetingNotes.save': (input, ctx) => saveNotes(ctx, input.from, input.to, input.text),
} satisfies Partial<Handlers>;
