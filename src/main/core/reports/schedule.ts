import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { z } from 'zod';
import type {
  DueRun,
  ReportRun,
  ReportSchedule,
  ReportScheduleInput,
  ScheduleState,
} from '@shared/api/report-schedule';
import type { reportScheduleApi } from '@shared/api/report-schedule';
import { ApiError } from '@shared/contract/result';
import { REPORT_SECTIONS, type ReportSection } from '@shared/domain/report';
import { dueRuns, nextRun, type ScheduleCadence } from '@shared/domain/report-schedule';
import { uuidv7 } from '../db/ids';
import type { AttributionModel } from '@shared/domain/attribution';
import type { Ctx } from '../context';
import { get, run } from '../db/prepared';
import { writeTransaction } from '../db/transaction';
import { getSettings } from '../settings/service';
import { WORKSPACE_ID } from '../workspace/defaults';
import { notesOf } from './notes';

type ScheduleInput = z.output<typeof ReportScheduleInput>;
type RunInput = z.output<(typeof reportScheduleApi)['reportSchedule.record']['input']>;

interface ScheduleRow {
  cadence: string;
  weekday: number;
  time: string;
  timeZone: string;
  folder: string;
  model: string;
  lookbackDays: number;
  sections: string;
  since: string;
}

function readSchedule(ctx: Ctx): ReportSchedule | null {
  const row = get<ScheduleRow>(
    ctx.sqlite,
    `SELECT cadence, weekday, time, time_zone AS timeZone, folder, model, lookback_days AS lookbackDays,
            sections, since
     FROM report_schedules WHERE id = ?`,
    WORKSPACE_ID,
  );
  if (!row) return null;
  const known = new Set<string>(REPORT_SECTIONS);
  return {
    ...row,
    cadence: row.cadence as ScheduleCadence,
    model: row.model as AttributionModel,
    sections: row.sections.split(',').filter((s): s is ReportSection => known.has(s)),
  };
}

function lastRun(ctx: Ctx): ReportRun | null {
  return (
    get<ReportRun>(
      ctx.sqlite,
      `SELECT id, due_at AS dueAt, period_from AS "from", period_to AS "to", status, path, bytes, error,
              created_at AS ranAt
       FROM report_runs ORDER BY created_at DESC, id DESC LIMIT 1`,
    ) ?? null
  );
}

export function scheduleState(ctx: Ctx): ScheduleState {
  const schedule = readSchedule(ctx);
  const weekStart = getSettings(ctx).weekStart;
  return {
    schedule,
    nextRun: schedule ? nextRun(schedule, ctx.nowIso(), weekStart) : null,
    lastRun: lastRun(ctx),
  };
}

/** The folder must be there already: a run at 08:00 cannot ask where a missing folder should go. */
function checkFolder(folder: string): void {
  const problem = (message: string) =>
    new ApiError({ code: 'validation', message, issues: [{ field: 'folder', message }] });
  if (!isAbsolute(folder)) throw problem(`"${folder}" is not a full folder path (like /home/me/Reports).`);
  let isDir: boolean;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    throw problem(`The folder ${folder} does not exist: create it first or choose another.`);
  }
  if (!isDir) throw problem(`${folder} is a file, not a folder.`);
}

export function setSchedule(ctx: Ctx, input: ScheduleInput): ScheduleState {
  checkFolder(input.folder);
  const now = ctx.nowIso();
  writeTransaction(ctx.sqlite, () => {
    run(
      ctx.sqlite,
      `INSERT INTO report_schedules (id, created_at, updated_at, cadence, weekday, time, time_zone, folder,
         model, lookback_days, sections, since)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at, cadence = excluded.cadence,
         weekday = excluded.weekday, time = excluded.time, time_zone = excluded.time_zone,
         folder = excluded.folder, model = excluded.model, lookback_days = excluded.lookback_days,
         sections = excluded.sections, since = excluded.since`,
      WORKSPACE_ID,
      now,
      now,
      input.cadence,
      input.weekday,
      input.time,
      input.timeZone,
      input.folder,
      input.model,
      input.lookbackDays,
      REPORT_SECTIONS.filter((s) => input.sections.includes(s)).join(','),
      // Only runs due from now on: setting a schedule does not print the weeks before it existed.
      now,
    );
  });
  return scheduleState(ctx);
}

export function clearSchedule(ctx: Ctx): ScheduleState {
  writeTransaction(ctx.sqlite, () => {
    run(ctx.sqlite, 'DELETE FROM report_schedules WHERE id = ?', WORKSPACE_ID);
  });
  return scheduleState(ctx);
}

/** The runs due by the core's clock, each with its period's notes, oldest first. */
export function dueReports(ctx: Ctx): { runs: DueRun[]; skipped: number } {
  const schedule = readSchedule(ctx);
  if (!schedule) return { runs: [], skipped: 0 };
  const due = dueRuns(schedule, schedule.since, ctx.nowIso(), getSettings(ctx).weekStart);
  return {
    skipped: due.skipped,
    runs: due.runs.map((r) => ({
      dueAt: r.at,
      folder: schedule.folder,
      request: {
        from: r.from,
        to: r.to,
        model: schedule.model,
        lookbackDays: schedule.lookbackDays,
        sections: schedule.sections,
        notes: notesOf(ctx, r.from, r.to),
      },
    })),
  };
}

/**
 * Records an attempted run. A written run moves the schedule past its due time, so it is never written
 * twice; a failed one does not, so the next start tries it again (the runner does not retry it on its timer).
 */
export function recordRun(ctx: Ctx, input: RunInput): ReportRun {
  const id = uuidv7();
  const now = ctx.nowIso();
  writeTransaction(ctx.sqlite, () => {
    run(
      ctx.sqlite,
      `INSERT INTO report_runs (id, created_at, updated_at, due_at, period_from, period_to, status, path,
         bytes, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      now,
      now,
      input.dueAt,
      input.from,
      input.to,
      input.status,
      input.path,
      input.bytes,
      input.error,
    );
    if (input.status === 'written')
      run(
        ctx.sqlite,
        'UPDATE report_schedules SET since = max(since, ?), updated_at = ? WHERE id = ?',
        input.dueAt,
        now,
        WORKSPACE_ID,
      );
  });
  return {
    id,
    dueAt: input.dueAt,
    from: input.from,
    to: input.to,
    status: input.status,
    path: input.path,
    bytes: input.bytes,
    error: input.error,
    ranAt: now,
  };
}
