import type { Dashboard, RecordsInput, Tile } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';
import { change, figure, rangeText } from './figures';

const PRIMARY: Tile['id'][] = [
  'revenue',
  'spend',
  'roi',
  'leads',
  'qualifiedLeads',
  'costPerLead',
  'won',
  'winRate',
];

/** Tiles whose number is a list of records the user can open. */
export const TILE_METRIC: Partial<Record<Tile['id'], RecordsInput['metric']>> = {
  revenue: 'revenue',
  spend: 'spend',
  leads: 'leads',
  qualifiedLeads: 'qualifiedLeads',
  won: 'won',
  lost: 'lost',
};

const ARROWS = { up: '▲', down: '▼', flat: '●', none: '' } as const;
const WORDS = { up: 'up', down: 'down', flat: 'no change', none: '' } as const;

/** KPI tiles: value, change from the comparison period, the compared range, and the model where it matters. */
export function KpiTiles({ data, onOpen }: { data: Dashboard; onOpen(tile: Tile): void }) {
  const primary = PRIMARY.map((id) => data.tiles.find((t) => t.id === id)).filter((t): t is Tile =>
    Boolean(t),
  );
  const more = data.tiles.filter((t) => !PRIMARY.includes(t.id));
  return (
    <>
      <div className="kpi-tiles" role="group" aria-label="Key numbers">
        {primary.map((t) => (
          <KpiTile key={t.id} tile={t} data={data} onOpen={onOpen} />
        ))}
      </div>
      <details className="more-tiles">
        <summary>More numbers ({more.length})</summary>
        <div className="kpi-tiles small" role="group" aria-label="More numbers">
          {more.map((t) => (
            <KpiTile key={t.id} tile={t} data={data} onOpen={onOpen} />
          ))}
        </div>
      </details>
    </>
  );
}

function KpiTile({ tile, data, onOpen }: { tile: Tile; data: Dashboard; onOpen(tile: Tile): void }) {
  const { format, settings } = useWorkspace();
  const delta = change(format, tile, settings.locale);
  const value = figure(format, tile.format, tile.value, settings.locale);
  const previous = figure(format, tile.format, tile.previous, settings.locale);
  const drillable = TILE_METRIC[tile.id] !== undefined && tile.value !== null;
  const body = (
    <>
      <span className="tile-label">
        {tile.label}
        {data.running && <span className="so-far"> · so far</span>}
      </span>
      <span className="tile-value money">{value}</span>
    </>
  );
  return (
    <section className="tile kpi-tile" aria-label={tile.label} data-tile={tile.id}>
      {drillable ? (
        <button
          type="button"
          className="tile-button"
          onClick={() => onOpen(tile)}
          title={`Show the records behind ${tile.label.toLowerCase()}`}
        >
          {body}
        </button>
      ) : (
        <div className="tile-button">{body}</div>
      )}
      <p className={`tile-change${delta.tone ? ` tone-${delta.tone}` : ''}`}>
        {delta.direction !== 'none' && <span aria-hidden="true">{ARROWS[delta.direction]} </span>}
        <span className="visually-hidden">{WORDS[delta.direction]} </span>
        <span className="change-text">{delta.text}</span>
        {delta.tone && (
          <span className="visually-hidden"> ({delta.tone === 'good' ? 'better' : 'worse'})</span>
        )}
      </p>
      <p className="tile-compare muted">
        vs {previous} in {rangeText(format, data.previousRange)}
      </p>
      {tile.modelDependent && <p className="tile-model muted">· {data.modelLabel}</p>}
    </section>
  );
}
