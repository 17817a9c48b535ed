import type { ReactNode } from 'react';
import type { ReportData } from '@shared/api/reports';
import type { Dashboard, Tile } from '@shared/api/results';
import type { Formatter } from '@shared/domain/format';
import { change, figure, rangeText } from '../results/figures';

/** The report's tables: plain HTML so they break cleanly across pages and repeat their headers. */

interface Ctx {
  format: Formatter;
  locale: string;
}

function Table({ head, rows, foot }: { head: string[]; rows: ReactNode[][]; foot?: ReactNode[] }) {
  return (
    <table className="report-table">
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={i} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
      {foot && (
        <tfoot>
          <tr>
            {foot.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}

const KPI_TILES: Tile['id'][] = [
  'revenue',
  'spend',
  'roi',
  'leads',
  'qualifiedLeads',
  'costPerLead',
  'won',
  'lost',
  'winRate',
  'averageDeal',
  'pipelineValue',
  'visits',
];
const GOAL_OF: Partial<Record<Tile['id'], 'revenue' | 'leads' | 'budget'>> = {
  revenue: 'revenue',
  leads: 'leads',
  spend: 'budget',
};

export function KpiGrid({ d, ctx }: { d: Dashboard; ctx: Ctx }) {
  const tiles = KPI_TILES.map((id) => d.tiles.find((t) => t.id === id)).filter((t): t is Tile => Boolean(t));
  return (
    <div className="report-kpis">
      {tiles.map((t) => {
        const delta = change(ctx.format, t, ctx.locale);
        const goal = d.goals?.goals.find((g) => g.id === GOAL_OF[t.id]);
        return (
          <div className="report-tile" key={t.id} data-tile={t.id}>
            <span className="tile-label">{t.label}</span>
            <strong className="tile-value">{figure(ctx.format, t.format, t.value, ctx.locale)}</strong>
            <span className="tile-change">
              {delta.direction === 'up' ? '▲ ' : delta.direction === 'down' ? '▼ ' : ''}
              {delta.text} vs {figure(ctx.format, t.format, t.previous, ctx.locale)}
            </span>
            {goal && (
              <span className="tile-goal">
                Goal {figure(ctx.format, t.format, goal.goal, ctx.locale)}
                {goal.attainment !== null && ` · ${ctx.format.percent(goal.attainment)}`}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}

export function FunnelTable({ d, ctx }: { d: Dashboard; ctx: Ctx }) {
  return (
    <Table
      head={['Step', 'Count', 'Of the step before']}
      rows={d.funnel.steps.map((s, i) => [
        s.label,
        s.value === null ? '—' : ctx.format.number(s.value),
        i === 0
          ? ''
          : `${s.rateFromPrevious === null ? '—' : ctx.format.percent(s.rateFromPrevious)}${d.funnel.largestDropIndex === i ? ' · largest drop' : ''}`,
      ])}
    />
  );
}

export function PipelineTable({ r, ctx }: { r: ReportData; ctx: Ctx }) {
  const m = ctx.format.money;
  const sum = (k: 'deals' | 'valueMinor' | 'weightedMinor') => r.pipeline.reduce((s, p) => s + p[k], 0);
  return (
    <Table
      head={['Stage', 'Win chance', 'Deals', 'Value', 'Weighted']}
      rows={r.pipeline.map((p) => [
        p.name,
        `${p.probability} %`,
        ctx.format.number(p.deals),
        m(p.valueMinor),
        m(p.weightedMinor),
      ])}
      foot={[
        'Open pipeline',
        '',
        ctx.format.number(sum('deals')),
        m(sum('valueMinor')),
        m(sum('weightedMinor')),
      ]}
    />
  );
}

function More({ shown, count }: { shown: number; count: number }) {
  return count > shown ? <p className="muted small">… and {count - shown} more.</p> : null;
}

export function Changes({ r, ctx }: { r: ReportData; ctx: Ctx }) {
  const { advanced, stalled, won, lost } = r.changes;
  const m = ctx.format.money;
  const who = (row: { title: string; contactName: string | null }) =>
    row.contactName ? `${row.title} · ${row.contactName}` : row.title;
  const block = (title: string, count: number, table: ReactNode, shown: number) => (
    <div className="report-block">
      <h3>
        {title} ({ctx.format.number(count)})
      </h3>
      {count === 0 ? <p className="muted">None.</p> : table}
      <More shown={shown} count={count} />
    </div>
  );
  return (
    <>
      {block(
        'Deals advanced',
        advanced.count,
        <Table
          head={['Deal', 'From', 'To', 'Value', 'On']}
          rows={advanced.rows.map((a) => [
            who(a),
            a.fromStage,
            a.stage,
            m(a.valueMinor),
            ctx.format.date(a.at),
          ])}
        />,
        advanced.rows.length,
      )}
      {block(
        `Stalled more than ${r.stalledDays} days in a stage`,
        stalled.count,
        <Table
          head={['Deal', 'Stage', 'Value', 'Days in stage']}
          rows={stalled.rows.map((s) => [who(s), s.stage, m(s.valueMinor), ctx.format.number(s.days)])}
        />,
        stalled.rows.length,
      )}
      {block(
        'Won',
        won.count,
        <Table
          head={['Deal', 'Value', 'Closed']}
          rows={won.rows.map((w) => [who(w), m(w.valueMinor), ctx.format.date(w.at)])}
        />,
        won.rows.length,
      )}
      {block(
        'Lost',
        lost.count,
        <Table
          head={['Deal', 'Value', 'Reason', 'Closed']}
          rows={lost.rows.map((l) => [who(l), m(l.valueMinor), l.reason ?? '—', ctx.format.date(l.at)])}
        />,
        lost.rows.length,
      )}
    </>
  );
}

export function FollowUps({ r, ctx }: { r: ReportData; ctx: Ctx }) {
  const list = (title: string, l: ReportData['followUps']['overdue']) => (
    <div className="report-block">
      <h3>
        {title} ({ctx.format.number(l.count)})
      </h3>
      {l.count === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <Table
          head={['Due', 'Type', 'Follow-up', 'Deal or contact']}
          rows={l.rows.map((f) => [
            ctx.format.date(f.dueAt),
            f.type,
            f.subject,
            [f.leadTitle, f.contactName].filter(Boolean).join(' · ') || '—',
          ])}
        />
      )}
      <More shown={l.rows.length} count={l.count} />
    </div>
  );
  return (
    <>
      {list('Overdue', r.followUps.overdue)}
      {list('Due in the next 7 days', r.followUps.nextWeek)}
    </>
  );
}

export function CampaignTable({ d, ctx }: { d: Dashboard; ctx: Ctx }) {
  const m = ctx.format.money;
  const pct = (v: number | null) => (v === null ? '—' : ctx.format.percent(v));
  return (
    <Table
      head={['Campaign', 'Channel', 'Spend', 'Leads', 'Quality', 'Revenue', 'ROI']}
      rows={[
        ...d.campaigns.map((c) => [
          c.name,
          c.channel,
          m(c.spendMinor),
          ctx.format.number(c.leads),
          `${ctx.format.number(c.qualifiedLeads)} qualified${c.averageRating === null ? '' : ` · ${c.averageRating.toFixed(1)} / 5`}`,
          m(c.revenueMinor),
          pct(c.roi),
        ]),
        [
          'Unattributed',
          '',
          '',
          ctx.format.number(d.unattributed.leads),
          '',
          m(d.unattributed.revenueMinor),
          '',
        ],
      ]}
    />
  );
}

export function SourcesTable({ r, ctx }: { r: ReportData; ctx: Ctx }) {
  return r.topSources.length === 0 ? (
    <p className="muted">No leads or revenue came in this period.</p>
  ) : (
    <Table
      head={['Source', 'Leads', 'Qualified', 'Won', 'Revenue']}
      rows={r.topSources.map((s) => [
        s.channel,
        ctx.format.number(s.leads),
        ctx.format.number(s.qualifiedLeads),
        ctx.format.number(s.won),
        ctx.format.money(s.revenueMinor),
      ])}
    />
  );
}

const GOAL_LABELS = { revenue: 'Revenue', leads: 'Leads', budget: 'Budget spent' } as const;

export function PlanTable({ d, ctx }: { d: Dashboard; ctx: Ctx }) {
  if (!d.goals) return <p className="muted">No plan covers this period.</p>;
  const amount = (id: string, v: number) => (id === 'leads' ? ctx.format.number(v) : ctx.format.money(v));
  return (
    <>
      <h3>Plan: {d.goals.planName}</h3>
      <Table
        head={['Goal', 'Target', 'Actual', 'Attained', 'Expected by today']}
        rows={d.goals.goals.map((g) => [
          GOAL_LABELS[g.id],
          amount(g.id, g.goal),
          amount(g.id, g.actual),
          g.attainment === null ? '—' : ctx.format.percent(g.attainment),
          g.expectedByToday === null ? '—' : amount(g.id, g.expectedByToday),
        ])}
      />
    </>
  );
}

export function periodLine(d: Dashboard, format: Formatter): { period: string; previous: string } {
  return { period: rangeText(format, d.range), previous: rangeText(format, d.previousRange) };
}
