import { fail } from '@shared/contract/result';
import { allowedPath } from '../files';
import type { Handlers } from '../handlers';
import { saveErrorsCsv } from './errors-csv';
import { listJobs } from './job/store';
import {
  cancelImport,
  getJob,
  inspectFile,
  listErrors,
  recover,
  resumeImport,
  runImport,
  startImport,
  undoImport,
} from './service';
import { receiveUpload } from './upload';

export const importHandlers = {
  'imports.inspect': (input, ctx) => inspectFile(ctx, allowedPath(ctx, input.path, 'read'), input.sheet),
  'imports.start': (input, ctx) => startImport(ctx, { ...input, path: allowedPath(ctx, input.path, 'read') }),
  'imports.run': (input, ctx) => runImport(ctx, { ...input, path: allowedPath(ctx, input.path, 'read') }),
  'imports.list': (input, ctx) => {
    recover(ctx);
    return listJobs(ctx.sqlite, input.offset, input.limit);
  },
  'imports.get': (input, ctx) => getJob(ctx, input.id),
  'imports.errors': (input, ctx) => listErrors(ctx, input.id, input.offset, input.limit),
  'imports.saveErrors': (input, ctx) => {
    getJob(ctx, input.id);
    const path = allowedPath(ctx, input.path, 'write');
    try {
      return { path, rows: saveErrorsCsv(ctx.sqlite, input.id, path) };
    } catch (error) {
      return fail(
        'validation',
        `The error file could not be written to ${path}: ${(error as Error).message}`,
      );
    }
  },
  'imports.cancel': (input, ctx) => cancelImport(ctx, input.id),
  'imports.undo': (input, ctx) => undoImport(ctx, input.id),
  'imports.resume': (input, ctx) => resumeImport(ctx, input.id),
  'imports.upload': (input, ctx) => receiveUpload(ctx, input),
} satisfies Partial<Handlers>;
