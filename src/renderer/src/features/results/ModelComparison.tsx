import { useMemo } from 'react';
import { MODEL_LABELS } from '@shared/domain/attribution';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import type { Scope } from './options';

/** The same period under every model side by side; campaigns whose rank moves two places or more are marked. */
export function ModelComparison({ scope }: { scope: Scope }) {
  const { format } = useWorkspace();
  const answer = useQuery('results.models', {
    from: scope.from,
    to: scope.to,
    lookbackDays: scope.lookbackDays,
  });
  const data = answer.data;
  const rows = useMemo(() => {
    if (!data) return [];
    const current = data.models.find((m) => m.model === scope.model) ?? data.models[0];
    const ids = new Map<string, string>();
    for (const m of data.models) for (const r of m.rows) ids.set(r.campaignId ?? '', r.name);
    const rankIn = (id: string) => current?.rows.find((r) => (r.campaignId ?? '') === id)?.rank ?? Infinity;
    return [...ids.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => rankIn(a.id) - rankIn(b.id));
  }, [data, scope.model]);

  return (
    <section className="card wide" aria-labelledby="models-title">
      <h2 id="models-title">
        Revenue by campaign under every model{' '}
        <span className="model-note">· {scope.lookbackDays}-day lookback</span>
      </h2>
      {answer.error && <p role="alert">{answer.error.message}</p>}
      {data && rows.length === 0 && <p className="muted">No attributed revenue in this period.</p>}
      {data && rows.length > 0 && (
        <>
          <table className="data-table compact" aria-label="Model comparison">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                {data.models.map((m) => (
                  <th
                    key={m.model}
                    scope="col"
                    className={`num${m.model === scope.model ? ' current-model' : ''}`}
                  >
                    {MODEL_LABELS[m.model]}
                    {m.model === scope.model && <span className="visually-hidden"> (chosen)</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const moved = data.moved.includes(row.id);
                return (
                  <tr key={row.id || 'none'} className={moved ? 'rank-moved' : undefined}>
                    <th scope="row">
                      {row.name}
                      {moved && <span className="moved-mark"> ↕ rank moves 2+ places</span>}
                    </th>
                    {data.models.map((m) => {
                      const cell = m.rows.find((r) => (r.campaignId ?? '') === row.id);
                      return (
                        <td
                          key={m.model}
                          className={`money${m.model === scope.model ? ' current-model' : ''}`}
                        >
                          {cell ? (
                            <>
                              {format.money(cell.revenueMinor)} <span className="rank">#{cell.rank}</span>
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted small">
            #1 is the campaign with the most revenue under that model. Where the models disagree, the campaign
            helps in some part of the path (first contact, closing) more than in others.
          </p>
        </>
      )}
    </section>
  );
}
