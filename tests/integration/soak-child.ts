// One process of the soak test (soak.test.ts): opens the database as the app's core does and, until its
// time is up or it is killed, creates and edits contacts, imports small files, writes backups and reads
// summaries, at random, until its time is up or LOG.stop exists. Each write is logged to its log file only
// after the core answered that it was committed, so every line of the log names something the database must
// still hold.
//
// Usage (through tsx): soak-child.ts DB LOG SEED MILLISECONDS
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createCore } from '@core/app';
import { createRandom } from '@core/demo/random';

const [db = '', log = '', seed = '1', ms = '0'] = process.argv.slice(2);
const rnd = createRandom(Number(seed));
const until = Date.now() + Number(ms);
// Each process (a killed one's successor too) has its own name, from its log, so no e-mail address or file
// name is taken twice.
const name = basename(log, '.log');
const work = `${log}.files`;
mkdirSync(work, { recursive: true });

const write = (line: string) => appendFileSync(log, `${line}\n`);

const core = await createCore(db, { importMode: 'inline' });
write('ready');

async function call(method: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(method, input);
  if (!result.ok) {
    write(`error ${method} ${result.error.code} ${JSON.stringify(result.error.message)}`);
    throw new Error(result.error.message);
  }
  return result.value;
}

const mine: string[] = [];
let n = 0;

const actions: Array<[number, () => Promise<void>]> = [
  [
    5,
    async () => {
      const email = `${name}-c${++n}@soak.test`;
      const contact = (await call('contacts.create', { firstName: name, lastName: `c${n}`, email })) as {
        id: string;
      };
      mine.push(contact.id);
      write(`contact ${contact.id} ${email}`);
    },
  ],
  [
    4,
    async () => {
      const id = mine[rnd.int(0, mine.length - 1)];
      if (!id) return;
      const version = ++n;
      await call('contacts.update', { id, patch: { title: `v${version}` } });
      write(`edit ${id} ${version}`);
    },
  ],
  [
    1,
    async () => {
      const batch = ++n;
      const rows = rnd.int(1, 120);
      const file = `${work}/import-${batch}.csv`;
      const emails = Array.from({ length: rows }, (_, i) => `${name}-i${batch}-${i}@soak.test`);
      writeFileSync(
        file,
        ['First Name,Last Name,Email', ...emails.map((e, i) => `${name},i${batch}-${i},${e}`)].join('\n'),
      );
      const { job } = (await call('imports.run', { path: file, kind: 'contacts' })) as {
        job: { id: string; status: string; inserted: number };
      };
      if (job.status !== 'done' || job.inserted !== rows)
        write(`error imports.run ${job.status} inserted ${job.inserted} of ${rows}`);
      write(`import ${job.id} ${name}-i${batch}- ${rows}`);
    },
  ],
  [
    1,
    async () => {
      const path = `${work}/backup-${++n}.sqlite`;
      await call('system.backup', { path });
      write(`backup ${path}`);
    },
  ],
  [
    2,
    async () => {
      if (rnd.int(0, 1) === 0) await call('results.summary', { from: '2026-01-01', to: '2026-12-31' });
      else await call('contacts.list', { search: name });
    },
  ],
];
const total = actions.reduce((sum, [weight]) => sum + weight, 0);

// The parent may end the work early by creating LOG.stop.
while (Date.now() < until && !existsSync(`${log}.stop`)) {
  let pick = rnd.int(0, total - 1);
  const action = actions.find(([weight]) => (pick -= weight) < 0)?.[1];
  try {
    await action?.();
  } catch {
    // Logged by call(); the soak test fails on any error line.
  }
}
core.close();
write('done');
