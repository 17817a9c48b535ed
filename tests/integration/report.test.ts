import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '@core/app';
import type { ReportData } from '@shared/api/reports';
import type { Summary } from '@shared/api/results';
import { addDays } from '@shared/domain/dates';
import { createFormatter } from '@shared/domain/format';

/**
 * The meeting PDF printed for real: `tandem report` serves the built print route from the loopback host
 * and prints it in Debian's Chromium; poppler reads the PDF back. Needs `npm run build` (npm test runs it).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SLOW = 240_000;
let dir = '';
let db = '';

function tandem(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/tandem.js'), '--db', db, ...args], {
    encoding: 'utf8',
    timeout: SLOW,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}
const poppler = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (text: string) => text.replace(/\s+/g, ' ');
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))?.[1]);
const pageText = (pdf: string, page: number, ...flags: string[]) =>
  poppler('pdftotext', ...flags, '-f', String(page), '-l', String(page), pdf, '-');

/** A page rendered in grey (PGM): width, height and one byte per pixel. */
function greyPage(pdf: string, page: number) {
  const base = join(dir, `page-${page}`);
  poppler('pdftoppm', '-r', '50', '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, base);
  const bytes = readFileSync(`${base}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('pdftoppm wrote no PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, pixels: bytes.subarray(header[0].length) };
}
/** Non-white pixels inside a box given in PDF points. */
function ink(img: ReturnType<typeof greyPage>, box: { x0: number; y0: number; x1: number; y1: number }) {
  const s = 50 / 72;
  let n = 0;
  for (let y = Math.floor(box.y0 * s); y < Math.min(img.height, box.y1 * s); y++)
    for (let x = Math.floor(box.x0 * s); x < Math.min(img.width, box.x1 * s); x++)
      if ((img.pixels[y * img.width + x] ?? 255) < 200) n++;
  return n;
}

const today = new Date().toISOString().slice(0, 10);
const PERIOD = { from: addDays(today, -91), to: addDays(today, -1) };
let pdf = '';
let summary: Summary;
let data: ReportData;
let business = '';

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'out/renderer/index.html')))
    throw new Error('out/renderer is missing: run "npm run build" before these tests (npm test does).');
  dir = mkdtempSync(join(tmpdir(), 'tandem-report-'));
  db = join(dir, 'demo.sqlite');
  expect(tandem('demo').code).toBe(0);
  const core = await createCore(db);
  try {
    const settings = await core.dispatch('settings.get', {});
    if (!settings.ok) throw new Error(settings.error.message);
    business = (settings.value as { businessName: string }).businessName;
    const reply = await core.dispatch('reports.data', PERIOD);
    if (!reply.ok) throw new Error(reply.error.message);
    data = reply.value as ReportData;
  } finally {
    core.close();
  }
  const sum = tandem('summary', '--from', PERIOD.from, '--to', PERIOD.to, '--json');
  expect(sum.code, sum.err).toBe(0);
  summary = JSON.parse(sum.out) as Summary;
  pdf = join(dir, 'meeting.pdf');
  const run = tandem(
    'report',
    '--from',
    PERIOD.from,
    '--to',
    PERIOD.to,
    '--notes',
    'Agree the autumn ads budget',
    '--out',
    pdf,
  );
  expect(run.code, run.err).toBe(0);
  expect(run.out).toContain(pdf);
}, SLOW * 2);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tandem report on the demo workspace', () => {
  it('prints US Letter for an en-US workspace, with "Page i of N" on every page', () => {
    expect(poppler('pdfinfo', pdf)).toMatch(/Page size:\s+612 x 792 pts/);
    const n = pageCount(pdf);
    expect(n).toBeGreaterThan(1);
    for (let i = 1; i <= n; i++) expect(squash(pageText(pdf, i))).toContain(`Page ${i} of ${n}`);
  });

  it('names the business, the period, every section, the notes and the filters used', () => {
    const text = squash(poppler('pdftotext', pdf, '-'));
    const f = createFormatter('en-US', 'USD');
    expect(text).toContain(business);
    expect(text).toContain(`${f.date(PERIOD.from)} – ${f.date(PERIOD.to)}`);
    for (const heading of [
      'Headline numbers',
      'Plan against actual',
      'Funnel',
      'Pipeline by stage',
      'What changed since the last meeting',
      'Follow-ups overdue and due next week',
      'Campaigns',
      'Top sources',
      'Charts',
      'Meeting notes',
    ])
      expect(text, heading).toContain(heading);
    expect(text).toContain('Agree the autumn ads budget');
    expect(text).toContain('Correlation, not causation');
    expect(text).toContain(
      `Filters: period ${f.date(PERIOD.from)} to ${f.date(PERIOD.to)} (compared with ${f.date(summary.previous.from)} to ${f.date(summary.previous.to)}), model position-based, lookback 90 days, sections Headline numbers,`,
    );
  });

  it('shows the headline numbers of summary --json, formatted as the report writes them', () => {
    const text = squash(poppler('pdftotext', pdf, '-'));
    const f = createFormatter('en-US', 'USD');
    const t = summary.totals;
    const money = (major: number) => f.money(Math.round(major * 100));
    const expected = [
      money(t.revenue),
      money(t.spend),
      money(t.pipelineValue),
      f.number(t.leads),
      f.number(t.qualifiedLeads),
      f.number(t.won),
      f.number(t.lost),
      f.number(t.visits),
    ];
    if (t.costPerLead !== null) expected.push(money(t.costPerLead));
    if (t.roi !== null) expected.push(f.percent(t.roi));
    if (t.winRate !== null) expected.push(f.percent(t.winRate));
    expect(t.revenue).toBeGreaterThan(0);
    for (const value of expected) expect(text, value).toContain(value);
    // The same figures the core hands the report.
    expect(data.changes.won.count).toBe(t.won);
    expect(text).toContain(`Won (${f.number(t.won)})`);
  });

  it('keeps every table row whole on one line of one page', () => {
    const n = pageCount(pdf);
    const lines = Array.from({ length: n }, (_, i) => pageText(pdf, i + 1, '-layout').split('\n')).flat();
    const f = createFormatter('en-US', 'USD');
    const rows: [string, string][] = [
      ...data.pipeline.map((p): [string, string] => [p.name, f.money(p.valueMinor)]),
      ...data.changes.lost.rows.map((l): [string, string] => [l.title, l.reason ?? '—']),
      ...data.dashboard.campaigns.map((c): [string, string] => [c.name, f.money(c.revenueMinor)]),
    ];
    expect(rows.length).toBeGreaterThan(10);
    for (const [first, last] of rows)
      expect(
        lines.some((line) => line.includes(first) && line.includes(last)),
        `${first} … ${last}`,
      ).toBe(true);
  });

  it('renders pages that are not blank, with ink in every chart', () => {
    const n = pageCount(pdf);
    for (let i = 1; i <= n; i++) {
      const img = greyPage(pdf, i);
      expect(ink(img, { x0: 0, y0: 0, x1: 612, y1: 792 }), `page ${i}`).toBeGreaterThan(500);
    }
    // Charts start their own page; each chart sits under its title, 230 CSS px (172 pt) high.
    const page = Array.from({ length: n }, (_, i) => i + 1).find((i) => /^Charts$/m.test(pageText(pdf, i)));
    expect(page).toBeDefined();
    const bbox = pageText(pdf, page!, '-bbox');
    const words = [
      ...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g),
    ].map((m) => ({ yMin: Number(m[2]), yMax: Number(m[4]), text: m[5] }));
    const titleBottom = (word: string) => {
      const w = words.find((x) => x.text === word);
      expect(w, word).toBeDefined();
      return w!.yMax;
    };
    const img = greyPage(pdf, page!);
    for (const title of ['Revenue', 'Funnel:', 'Website']) {
      const top = titleBottom(title) + 4;
      const box = { x0: 36, y0: top, x1: 576, y1: top + 165 };
      expect(ink(img, box), `${title} chart`).toBeGreaterThan(400);
    }
  });
});

describe('tandem report in an A4 workspace', () => {
  let a4 = '';
  beforeAll(async () => {
    const file = join(dir, 'a4.sqlite');
    copyFileSync(db, file);
    const core = await createCore(file);
    try {
      await core.dispatch('settings.update', { locale: 'en-GB' });
    } finally {
      core.close();
    }
    a4 = join(dir, 'empty.pdf');
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/tandem.js'),
        '--db',
        file,
        'report',
        '--from',
        '2019-01-01',
        '--to',
        '2019-01-31',
        '--out',
        a4,
      ],
      { encoding: 'utf8', timeout: SLOW },
    );
    expect(run.status, run.stderr).toBe(0);
  }, SLOW);

  it('prints A4 and a clean "nothing recorded" report for a period without data', () => {
    expect(poppler('pdfinfo', a4)).toMatch(/Page size:\s+595(\.\d+)? x 842(\.\d+)? pts/);
    const text = squash(poppler('pdftotext', a4, '-'));
    expect(text).toContain('Nothing recorded in this period');
    expect(text).toContain(business);
    // Only the filter line names the sections asked for; none of the empty ones is printed.
    expect(text.split('Filters:')[0]).not.toContain('Headline numbers');
    expect(text.split('Filters:')[0]).not.toContain('Campaigns');
    expect(text).toContain('Filters: period 1 Jan 2019 to 31 Jan 2019');
    expect(text).toMatch(/Page 1 of \d/);
  });

  it('refuses bad arguments with a usage error', () => {
    const bad = tandem('report', '--from', '2026-13-01', '--to', '2026-01-31');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--from');
  });
});
