import type { RecordsInput } from '@shared/api/results';
import { modelDescription } from '@shared/domain/attribution';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { SidePanel } from '../../ui/SidePanel';
import type { Scope } from './options';

export type Metric = RecordsInput['metric'];

export interface Drill {
  title: string;
  metric: Metric;
  /** The metrics this drill may switch between (a campaign: its leads, its orders, its spend…). */
  metrics: Metric[];
  campaignId?: string | null;
  channel?: string;
  contentId?: string;
  unattributed?: boolean;
  /** Narrower than the screen's period (one bucket of the revenue chart). */
  from?: string;
  to?: string;
}

const METRIC_LABELS: Record<Metric, string> = {
  leads: 'Leads',
  qualifiedLeads: 'Qualified leads',
  won: 'Won',
  lost: 'Lost',
  revenue: 'Revenue',
  spend: 'Spend',
  orders: 'Orders',
};
const KIND_LABELS = { lead: 'Lead', order: 'Order', payment: 'Payment', spend: 'Spend' } as const;

/** The records behind one number: their count and sum equal the figure that was clicked. */
export function RecordsPanel({
  drill,
  scope,
  onChange,
  onClose,
}: {
  drill: Drill | null;
  scope: Scope;
  onChange(drill: Drill): void;
  onClose(): void;
}) {
  return (
    <SidePanel title={drill?.title ?? ''} open={drill !== null} onClose={onClose}>
      {drill && <Records drill={drill} scope={scope} onChange={onChange} />}
    </SidePanel>
  );
}

function Records({ drill, scope, onChange }: { drill: Drill; scope: Scope; onChange(drill: Drill): void }) {
  const { format } = useWorkspace();
  const input: RecordsInput = {
    ...scope,
    from: drill.from ?? scope.from,
    to: drill.to ?? scope.to,
    metric: drill.metric,
    ...(drill.campaignId !== undefined ? { campaignId: drill.campaignId } : {}),
    ...(drill.channel ? { channel: drill.channel } : {}),
    ...(drill.contentId ? { contentId: drill.contentId } : {}),
    ...(drill.unattributed ? { unattributed: true } : {}),
  };
  const records = useQuery('results.records', input);
  const data = records.data;
  const revenue = drill.metric === 'revenue';
  return (
    <div className="records">
      {drill.metrics.length > 1 && (
        <div className="segmented" role="group" aria-label="Which records">
          {drill.metrics.map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={m === drill.metric}
              onClick={() => onChange({ ...drill, metric: m })}
            >
              {METRIC_LABELS[m]}
            </button>
          ))}
        </div>
      )}
      {records.error && <p role="alert">{records.error.message}</p>}
      {data && (
        <>
          <p className="records-total" aria-live="polite">
            <strong data-testid="records-count">{format.number(data.count)}</strong>{' '}
            {data.count === 1 ? 'record' : 'records'}
            {data.sumMinor !== null && (
              <>
                {' · '}
                <strong data-testid="records-sum">{format.money(data.sumMinor)}</strong>
                {revenue ? ' credited' : ' in all'}
              </>
            )}
            <span className="muted">
              {' '}
              · {format.date(input.from)} – {format.date(input.to)}
            </span>
          </p>
          {revenue && (
            <p className="muted small">
              Credited ·{' '}
              {modelDescription(scope.model ?? 'position', scope.lookbackDays ?? 90, scope.lastNonDirect)}:
              the share of each sale this row earned.
            </p>
          )}
          {data.rows.length === 0 ? (
            <p className="muted">No records.</p>
          ) : (
            <table className="data-table compact" aria-label={`${METRIC_LABELS[drill.metric]} records`}>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Record</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                  {revenue && (
                    <th scope="col" className="num">
                      Credited
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row) => (
                  <tr key={`${row.kind}-${row.id}`}>
                    <td>{format.date(row.at)}</td>
                    <td>
                      <span className="record-kind">{KIND_LABELS[row.kind]}</span> {row.title}
                      {row.contactName && <span className="muted"> · {row.contactName}</span>}
                      {row.campaignName && drill.campaignId === undefined && (
                        <span className="muted"> · {row.campaignName}</span>
                      )}
                    </td>
                    <td className="money">
                      {row.amountMinor === null ? '—' : format.money(row.amountMinor)}
                    </td>
                    {revenue && (
                      <td className="money">
                        {row.creditedMinor === null ? '—' : format.money(row.creditedMinor)}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {data.rows.length < data.count && (
            <p className="muted small">
              Showing the first {format.number(data.rows.length)} of {format.number(data.count)}.
            </p>
          )}
        </>
      )}
    </div>
  );
}
