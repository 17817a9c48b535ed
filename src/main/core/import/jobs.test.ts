import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateContactsCsv } from '@fixtures/import/generate';
import { makeTempDir } from '@fixtures/import/temp-files';
import { createTestCore, testClock, type TestCore } from '../testing';
import { recoverJobs } from './job/recover';
import { runJob } from './job/runner';
import { createImportJob } from './service';
import { count, importInto, MAINE, one, rows, runFirstBatch } from './testing';

let t: TestCore;
const files = makeTempDir();
let contacts1k = '';
beforeEach(async () => {
  t = await createTestCore({ clock: testClock('2026-10-15T12:00:00Z') });
  if (!contacts1k) {
    contacts1k = join(files.dir, 'contacts-1k.csv');
    await generateContactsCsv(contacts1k, 1000, 7);
  }
});
afterEach(() => t.dispose());
afterAll(() => files.remove());

const newJob = (path: string) =>
  createImportJob(t.core.ctx, { path, kind: 'contacts', options: { timeZone: MAINE } });

/** What a fresh full import of the file ends with, to compare interrupted-and-resumed jobs against. */
async function fullImport(path: string) {
  const other = await createTestCore();
  const job = await importInto(other, path, { kind: 'contacts' });
  const emails = rows<{ e: string }>(other, 'SELECT email_key AS e FROM contacts ORDER BY email_key').map(
    (r) => r.e,
  );
  other.dispose();
  return { job, emails };
}

describe('jobs: cancel, resume, interruption', () => {
  it('cancel stops after a whole batch; resume continues from there to the same result as one run', async () => {
    const id = await newJob(contacts1k);
    const cancelled = await runFirstBatch(t, id, 100);
    expect(cancelled).toMatchObject({ status: 'cancelled', rows_done: 100 });
    expect(count(t, 'contacts')).toBe(cancelled.inserted);
    // Contacts imported before the cancel are searchable (the job indexed them when it stopped).
    expect(count(t, 'search_refs', `kind = 'contact'`)).toBe(cancelled.inserted);

    const resumed = await runJob(t.core.ctx.sqlite, id, { batchSize: 100, now: t.core.ctx.nowIso });
    const full = await fullImport(contacts1k);
    expect(resumed).toMatchObject({
      status: 'done',
      rows_total: 1000,
      rows_done: 1000,
      inserted: full.job.inserted,
      updated: full.job.updated,
      unchanged: full.job.unchanged,
    });
    expect(
      rows<{ e: string }>(t, 'SELECT email_key AS e FROM contacts ORDER BY email_key').map((r) => r.e),
    ).toEqual(full.emails);
  });

  it('a job left running by a dead process is marked interrupted at open, then resumes or undoes', async () => {
    const id = await newJob(contacts1k);
    await runFirstBatch(t, id, 250);
    // What a killed process leaves behind: status running, its pid gone.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    t.core.ctx.sqlite
      .prepare(`UPDATE import_jobs SET status = 'running', worker_pid = ?, heartbeat_at = ? WHERE id = ?`)
      .run(dead, t.core.ctx.nowIso(), id);
    expect(recoverJobs(t.core.ctx.sqlite, () => false, t.core.ctx.nowIso)).toEqual([id]);
    const job = await t.client.call('imports.get', { id });
    expect(job).toMatchObject({ status: 'interrupted', rowsDone: 250, canResume: true, canUndo: true });
    expect(job.message).toContain('first 250 rows were saved');

    const done = await runJob(t.core.ctx.sqlite, id, { batchSize: 250, now: t.core.ctx.nowIso });
    expect(done).toMatchObject({ status: 'done', rows_total: 1000 });
    expect(count(t, 'contacts')).toBe((await fullImport(contacts1k)).emails.length);
  });

  it('a job running in another live process is left alone', async () => {
    const id = await newJob(contacts1k);
    t.core.ctx.sqlite
      .prepare(`UPDATE import_jobs SET status = 'running', worker_pid = ?, heartbeat_at = ? WHERE id = ?`)
      .run(process.ppid, t.core.ctx.nowIso(), id);
    expect(recoverJobs(t.core.ctx.sqlite, () => false, t.core.ctx.nowIso)).toEqual([]);
  });
});

describe('jobs: the search index', () => {
  it('indexes every contact of a job and leaves FTS5 merging and flushing as it found them', async () => {
    const config = () =>
      Object.fromEntries(
        rows<{ k: string; v: number }>(t, `SELECT k, v FROM search_index_config`).map((r) => [r.k, r.v]),
      );
    const job = await importInto(t, contacts1k, { kind: 'contacts' });
    expect(job.status).toBe('done');
    expect(count(t, 'search_refs', `kind = 'contact'`)).toBe(count(t, 'contacts'));
    // The job indexes with automerge off and an 8 MiB buffer; both go back to FTS5's defaults.
    expect(config()).toMatchObject({ automerge: 4, hashsize: 1 << 20 });
    const [hit] = await t.client.call('search.query', { text: 'ava.smith0', kinds: ['contact'] });
    expect(hit).toBeDefined();
  });
});

describe('jobs: files that cannot be imported', () => {
  it('rejects an unreadable file with its reason and writes nothing, not even a job', async () => {
    const binary = files.write(
      'photo.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    await expect(t.client.call('imports.start', { path: binary })).rejects.toThrow(
      /photo\.csv: this is not a CSV, TSV or Excel file/,
    );
    await expect(t.client.call('imports.start', { path: files.write('empty.csv', '') })).rejects.toThrow(
      /the file is empty/,
    );
    await expect(t.client.call('imports.inspect', { path: join(files.dir, 'missing.csv') })).rejects.toThrow(
      /could not be found/,
    );
    expect(count(t, 'import_jobs')).toBe(0);
  });

  it('a file found unreadable midway is rolled back: the failed job says why and nothing else changed', async () => {
    const path = join(files.dir, 'broken.csv');
    const out = createWriteStream(path);
    out.write('First Name,Last Name,Email\n');
    for (let i = 0; i < 3000; i++) out.write(`Ann,Lee,ann${i}@example.com\n`);
    // A quote that never closes swallows the rest of the file: more than a record may hold.
    out.write('Bob,"Stray,bob@example.com\n');
    const filler = `${'x'.repeat(1023)}\n`;
    for (let i = 0; i < 17 * 1024; i++) if (!out.write(filler)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const id = await newJob(path);
    const job = await runJob(t.core.ctx.sqlite, id, { batchSize: 500, now: t.core.ctx.nowIso });
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/never ends.*Nothing was imported\./);
    expect(count(t, 'contacts')).toBe(0);
    expect(count(t, 'search_refs')).toBe(0);
  }, 60_000);
});

describe('imports API', () => {
  it('inspect, start in the import worker with progress events, history, errors as CSV, undo', async () => {
    const path = files.write(
      'people.csv',
      [
        'Name,E-mail,City',
        'Ada Lovelace,ada@example.com,London',
        'Bad Row,not-mail,Paris',
        'Alan Turing,alan@example.com,Wilmslow',
      ].join('\n'),
    );
    const inspection = await t.client.call('imports.inspect', { path });
    expect(inspection).toMatchObject({
      records: 3,
      preset: null,
      kind: null,
      mappingSource: 'guessed',
      columns: ['Name', 'E-mail', 'City'],
    });
    expect(
      inspection.kinds.find((k) => k.kind === 'contacts')?.fields.find((f) => f.name === 'email'),
    ).toMatchObject({ required: false, oneOf: 'identity' });
    const events: { status: string }[] = [];
    t.client.on('import.progress', (e) => events.push(e));

    const started = await t.client.call('imports.start', {
      path,
      kind: 'contacts',
      mapping: { Name: 'fullName', 'E-mail': 'email', City: 'city' },
    });
    expect(['queued', 'running']).toContain(started.status);
    const { importManager } = await import('./worker/manager');
    expect(importManager(t.core.ctx).mode).toBe('worker');
    await importManager(t.core.ctx).idle();
    const job = await t.client.call('imports.get', { id: started.id });
    expect(job).toMatchObject({
      status: 'done',
      rowsTotal: 3,
      inserted: 2,
      errorCount: 1,
      canUndo: true,
      canResume: false,
    });
    expect(events.at(-1)).toMatchObject({ jobId: started.id, status: 'done', rowsDone: 3 });
    expect(one(t, `SELECT first_name, last_name FROM contacts WHERE email_key = 'ada@example.com'`)).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
    });

    expect((await t.client.call('imports.list', {})).rows.map((r) => r.id)).toEqual([started.id]);
    expect(await t.client.call('imports.errors', { id: started.id })).toEqual({
      total: 1,
      rows: [
        {
          row: 3,
          column: 'E-mail',
          message: expect.stringContaining('expected an e-mail address'),
          severity: 'error',
        },
      ],
    });
    const saved = await t.client.call('imports.saveErrors', {
      id: started.id,
      path: join(files.dir, 'errors.csv'),
    });
    expect(saved.rows).toBe(1);
    expect(readFileSync(saved.path, 'utf8').split('\r\n').slice(0, 2)).toEqual([
      '\ufeffRow,Kind,Column,Problem,Name,E-mail,City',
      '3,error,E-mail,"""not-mail"": expected an e-mail address like name@example.com",Bad Row,not-mail,Paris',
    ]);
    // The same file is recognised next time.
    expect((await t.client.call('imports.inspect', { path })).previousImports.map((p) => p.id)).toEqual([
      started.id,
    ]);

    await t.client.call('imports.undo', { id: started.id });
    await importManager(t.core.ctx).idle();
    expect(await t.client.call('imports.get', { id: started.id })).toMatchObject({
      status: 'undone',
      canUndo: false,
    });
    expect(count(t, 'contacts')).toBe(0);
  });

  it('uploads a file in pieces for the browser UI, then imports it', async () => {
    const text = readFileSync(contacts1k);
    const first = await t.client.call('imports.upload', {
      name: '../../contacts export.csv',
      contentBase64: text.subarray(0, 40_000).toString('base64'),
    });
    const last = await t.client.call('imports.upload', {
      name: 'ignored',
      uploadId: first.uploadId,
      contentBase64: text.subarray(40_000).toString('base64'),
    });
    expect(last).toMatchObject({ uploadId: first.uploadId, path: first.path, size: text.length });
    expect(first.path).toMatch(/imports[/\\][a-z0-9-]+[/\\]contacts export\.csv$/);
    expect(readFileSync(last.path)).toEqual(text);
    await expect(
      t.client.call('imports.upload', { name: 'x.csv', uploadId: 'nope-nope-nope', contentBase64: '' }),
    ).rejects.toThrow(/does not exist/);
    const job = await importInto(t, last.path, { kind: 'contacts' });
    expect(job).toMatchObject({ status: 'done', rows_total: 1000 });
  });

  it('cancels a queued job, resumes it through the API, and refuses what makes no sense', async () => {
    const { useImportMode } = await import('./worker/manager');
    const manager = useImportMode(t.core.ctx, 'inline');
    const a = await t.client.call('imports.start', { path: contacts1k, kind: 'contacts' });
    const b = await t.client.call('imports.start', { path: contacts1k, kind: 'contacts' });
    expect((await t.client.call('imports.cancel', { id: b.id })).status).toBe('cancelled');
    await manager.idle();
    expect((await t.client.call('imports.get', { id: a.id })).status).toBe('done');
    await expect(t.client.call('imports.cancel', { id: a.id })).rejects.toThrow(
      /only a queued or running import/,
    );
    await expect(t.client.call('imports.resume', { id: a.id })).rejects.toThrow(/cannot|only a cancelled/);
    await t.client.call('imports.resume', { id: b.id });
    await manager.idle();
    expect(await t.client.call('imports.get', { id: b.id })).toMatchObject({ status: 'done', inserted: 0 });
  });
});
