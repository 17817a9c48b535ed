import { createCore } from '@core/app';
import type { Summary } from '@shared/api/results';
import { ATTRIBUTION_MODELS, isAttributionModel, modelDescription } from '@shared/domain/attribution';
import { isRealDate } from '@shared/domain/dates';
import { parse, requireString, UsageError } from './args';
import type { Command } from './commands';

function day(value: string | boolean | undefined, flag: string): string {
  const text = requireString(value, flag, 'summary');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !isRealDate(text))
    throw new UsageError(`summary: ${flag} must be a date like 2026-03-31, got "${text}".`);
  return text;
}

const money = (n: number | null, currency: string) => (n === null ? '—' : `${n.toFixed(2)} ${currency}`);
const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)} %`);

function text(s: Summary): string {
  const t = s.totals;
  const lines = [
    `${s.from} to ${s.to} · revenue by campaign ${modelDescription(s.model, s.lookbackDays)}`,
    `Spend ${money(t.spend, s.currency)} · revenue ${money(t.revenue, s.currency)} · ROI ${percent(t.roi)}`,
    `Leads ${t.leads} (qualified ${t.qualifiedLeads}) · cost per lead ${money(t.costPerLead, s.currency)}`,
    `Won ${t.won} · lost ${t.lost} · win rate ${percent(t.winRate)} · open pipeline ${money(t.pipelineValue, s.currency)}`,
    `Visits ${t.visits}`,
    `Previous period ${s.previous.from} to ${s.previous.to}: revenue ${money(s.previous.revenue, s.currency)}, leads ${s.previous.leads}`,
    '',
    'Campaigns:',
    ...s.campaigns.map(
      (c) =>
        `  ${c.name} (${c.channel}): spend ${money(c.spend, s.currency)}, leads ${c.leads}, won ${c.won}, revenue ${money(c.revenue, s.currency)}, ROI ${percent(c.roi)}`,
    ),
    `  Unattributed: revenue ${money(s.unattributed.revenue, s.currency)}, leads ${s.unattributed.leads}`,
  ];
  const v = s.visitsVsSales;
  lines.push(
    v
      ? `Visits vs sales: strongest at ${v.lagDays} days, r = ${v.r.toFixed(2)} on week-over-week changes (n = ${v.days} days)${v.significant ? '' : ', not significant'}; correlation, not causation.`
      : 'Visits vs sales: not enough daily history yet.',
  );
  return `${lines.join('\n')}\n`;
}

/** The period's shared numbers, through the same core method the Results screen uses. */
export const summaryCommand: Command = {
  summary: "print a period's shared numbers (spend, leads, revenue, ROI, campaigns)",
  usage: `tandem [--db FILE] summary --from YYYY-MM-DD --to YYYY-MM-DD [--model ${ATTRIBUTION_MODELS.join('|')}] [--lookback DAYS] [--json]`,
  async run(args, db, io) {
    const { values, positionals } = parse(
      args,
      {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        from: { type: 'string' },
        to: { type: 'string' },
        model: { type: 'string' },
        lookback: { type: 'string' },
      },
      'summary',
    );
    if (positionals.length > 0) throw new UsageError(`summary: unexpected argument "${positionals[0]}".`);
    const from = day(values.from, '--from');
    const to = day(values.to, '--to');
    if (to < from) throw new UsageError(`summary: --to (${to}) is before --from (${from}).`);
    const model = values.model ?? 'position';
    if (!isAttributionModel(model))
      throw new UsageError(
        `summary: --model must be one of ${ATTRIBUTION_MODELS.join(', ')}, got "${model}".`,
      );
    const lookbackDays = values.lookback === undefined ? 90 : Number(values.lookback);
    if (!Number.isInteger(lookbackDays) || lookbackDays < 1 || lookbackDays > 3650)
      throw new UsageError(
        `summary: --lookback must be a whole number of days from 1 to 3650, got "${values.lookback}".`,
      );
    const core = await createCore(db);
    try {
      const result = await core.dispatch('results.summary', { from, to, model, lookbackDays });
      if (!result.ok) {
        io.err(`summary: ${result.error.message}\n`);
        return 1;
      }
      const summary = result.value as Summary;
      io.out(values.json ? `${JSON.stringify(summary)}\n` : text(summary));
      return 0;
    } finally {
      core.close();
    }
  },
};
