import { useMemo, useState } from 'react';
import type { Dashboard, Tile } from '@shared/api/results';
import { coversText } from '@shared/domain/active-period';
import { addDays } from '@shared/domain/dates';
import { usePeriod } from '../../lib/period';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { CampaignResults, type CampaignPick } from './CampaignResults';
import { ChannelChart } from './ChannelChart';
import { Controls } from './Controls';
import { rangeText } from './figures';
import { Funnel } from './Funnel';
import { Goals } from './Goals';
import { KpiTiles, TILE_METRIC } from './KpiTiles';
import { ModelComparison } from './ModelComparison';
import { useResultsOptions, type Scope } from './options';
import { Payback } from './Payback';
import { Reconciliation } from './Reconciliation';
import { RecordsPanel, type Drill } from './RecordsPanel';
import { ContentAndReasons } from './ContentAndReasons';
import { TrendChart } from './TrendChart';
import { VisitsVsSales } from './VisitsVsSales';
import './results.css';

const CAMPAIGN_METRICS: Drill['metrics'] = ['leads', 'qualifiedLeads', 'won', 'revenue', 'spend'];

/** Results: one set of numbers for both hats, for the top bar's period. */
export function ResultsPage() {
  const { format } = useWorkspace();
  const { period } = usePeriod();
  const [options, setOptions] = useResultsOptions();
  const [drill, setDrill] = useState<Drill | null>(null);
  const scope = useMemo<Scope>(
    () => ({
      from: period.range.startDate,
      to: period.range.endDate,
      model: options.model,
      lookbackDays: options.lookbackDays,
      lastNonDirect: options.model === 'last' && options.lastNonDirect,
    }),
    [period.range, options],
  );
  const dashboard = useQuery('results.dashboard', { ...scope, compare: options.compare });
  const data = dashboard.data;

  const openTile = (tile: Tile) => {
    const metric = TILE_METRIC[tile.id];
    if (metric) setDrill({ title: tile.label, metric, metrics: [metric] });
  };
  const openCampaign = (pick: CampaignPick) =>
    setDrill({
      title: pick.name,
      metric: pick.unattributed ? 'revenue' : 'leads',
      metrics: pick.unattributed
        ? ['revenue', 'leads']
        : pick.campaignId === null
          ? ['leads', 'revenue']
          : CAMPAIGN_METRICS,
      ...(pick.unattributed ? { unattributed: true } : { campaignId: pick.campaignId }),
    });

  return (
    <div className="page results-page">
      <header className="page-header">
        <div>
          <h1>Results</h1>
          {data && <Subtitle data={data} compare={options.compare} />}
        </div>
        <Controls options={options} onChange={setOptions} />
      </header>
      {dashboard.error && !data && (
        <p role="alert" className="error-line">
          The results could not be counted: {dashboard.error.message}
        </p>
      )}
      {data && (
        <>
          <Hints data={data} />
          <KpiTiles data={data} onOpen={openTile} />
          <div className="results-grid">
            <TrendChart
              data={data}
              onSelect={(index, metric) => {
                const point = data.series.points[index];
                if (!point) return;
                const next = data.series.points[index + 1];
                const from = point.start < data.range.from ? data.range.from : point.start;
                const to = next ? addDays(next.start, -1) : data.range.to;
                setDrill({
                  title: `${metric === 'revenue' ? 'Revenue' : 'Spend'} · ${rangeText(format, { from, to })}`,
                  metric,
                  metrics: ['revenue', 'spend', 'leads'],
                  from,
                  to,
                });
              }}
            />
            <Funnel funnel={data.funnel} visitsMissing={data.emptyHints.visits} />
            <ChannelChart
              data={data}
              onSelect={(channel, metric) =>
                setDrill({ title: `Channel · ${channel}`, metric, metrics: CAMPAIGN_METRICS, channel })
              }
            />
            <CampaignResults data={data} onOpen={openCampaign} />
            <Goals goals={data.goals} />
            <Reconciliation counts={data.reconciliation} range={data.range} />
            <ContentAndReasons
              data={data}
              onOpenContent={(row) =>
                setDrill({
                  title: row.title,
                  metric: 'revenue',
                  metrics: ['revenue', 'leads'],
                  contentId: row.contentId,
                })
              }
            />
            <VisitsVsSales
              business={data.visitsVsSales}
              to={data.range.to}
              lookbackDays={data.lookbackDays}
            />
            <ModelComparison scope={scope} />
            <Payback campaigns={data.campaigns} scope={scope} modelLabel={data.modelLabel} />
          </div>
        </>
      )}
      <RecordsPanel drill={drill} scope={scope} onChange={setDrill} onClose={() => setDrill(null)} />
    </div>
  );
}

function Subtitle({ data, compare }: { data: Dashboard; compare: 'previous' | 'year' }) {
  const { format, settings } = useWorkspace();
  return (
    <p className="results-subtitle muted">
      <span data-testid="period-covers">
        Figures cover {coversText({ startDate: data.range.from, endDate: data.range.to }, settings.locale)}
      </span>
      {data.running && (
        <strong className="so-far">
          {' '}
          · so far ({data.elapsedDays} {data.elapsedDays === 1 ? 'day' : 'days'})
        </strong>
      )}{' '}
      · compared with {rangeText(format, data.previousRange)} (
      {compare === 'year' ? 'same period last year' : 'previous period, same weekdays'}
      {data.running ? `, the same ${format.count(data.elapsedDays, 'day', 'days')}` : ''})
    </p>
  );
}

function Hints({ data }: { data: Dashboard }) {
  const hints: string[] = [];
  if (data.emptyHints.metrics)
    hints.push('Import a Meta ads, LinkedIn or Mailchimp report to see reach and impressions.');
  if (data.emptyHints.visits) hints.push('Import a GA4 traffic report to see visits.');
  if (data.emptyHints.orders)
    hints.push('Import Shopify orders or Stripe payments to see revenue from sales.');
  if (hints.length === 0 && data.otherCurrencyRecords === 0) return null;
  return (
    <div className="results-hints" role="note">
      {hints.map((h) => (
        <p key={h}>
          {h} <a href="#/imports">Go to Imports</a>
        </p>
      ))}
      {data.otherCurrencyRecords > 0 && (
        <p>
          {data.otherCurrencyRecords} {data.otherCurrencyRecords === 1 ? 'record is' : 'records are'} in
          another currency than {data.currency} and left out of these numbers.
        </p>
      )}
    </div>
  );
}
