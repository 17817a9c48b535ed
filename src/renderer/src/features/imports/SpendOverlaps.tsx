import type { SpendOverlap } from '@shared/api/spend';
import { useWorkspace } from '../../lib/settings';
import { useKeepSpendSource } from '../campaigns/SpendOverlapCard';
import { SOURCE_LABELS, overlapText } from '../campaigns/overlap';

/** After an import that brought spend for days already logged by hand: which campaigns, and which side counts. */
export function SpendOverlaps({ overlaps }: { overlaps: SpendOverlap[] }) {
  const { format } = useWorkspace();
  const keep = useKeepSpendSource();
  return (
    <div className="spend-overlaps">
      <h3 className="subheading">
        <span aria-hidden="true">⚠ </span>
        {overlaps.length === 1
          ? 'Imported spend overlaps spend logged by hand'
          : `${format.number(overlaps.length)} campaigns' imported spend overlaps spend logged by hand`}
      </h3>
      <ul aria-label="Spend overlaps">
        {overlaps.map((o) => {
          const text = overlapText(o, format);
          return (
            <li key={o.campaignId}>
              <a href={`#/campaigns/${o.campaignId}`}>{o.campaignName}</a>, {text.days}: {text.imported};{' '}
              {text.manual}. {text.counts}{' '}
              <button
                type="button"
                className="button-link"
                onClick={() => keep(o, o.source === 'imported' ? 'manual' : 'imported')}
              >
                {SOURCE_LABELS[o.source === 'imported' ? 'manual' : 'imported']}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
