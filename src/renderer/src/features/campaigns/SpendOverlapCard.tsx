import type { SpendOverlap, SpendSource } from '@shared/api/spend';
import { client } from '../../lib/client';
import { asApiError } from '../../lib/form-errors';
import { useWorkspace } from '../../lib/settings';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/useUndo';
import { SOURCE_LABELS, overlapText } from './overlap';

const SOURCES: SpendSource[] = ['imported', 'manual'];

/** Keeps one side where a campaign's imported spend and its hand-logged spend fall on the same days. */
export function useKeepSpendSource() {
  const toast = useToast();
  const history = useUndo();
  return (o: SpendOverlap, source: SpendSource) => {
    if (source === o.source) return;
    const set = (to: SpendSource) => client.call('spend.setSource', { campaignId: o.campaignId, source: to });
    set(source)
      .then(() =>
        history.record(
          {
            label: `kept the ${source === 'imported' ? 'imported' : 'hand-logged'} spend of “${o.campaignName}”`,
            undo: () => set(o.source),
            redo: () => set(source),
          },
          `${o.campaignName} now counts the ${source === 'imported' ? 'imported spend' : 'spend logged by hand'}.`,
        ),
      )
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
  };
}

/** The overlap on the campaign page: which days, both totals, which side counts, and the choice. */
export function SpendOverlapCard({ overlap }: { overlap: SpendOverlap }) {
  const { format } = useWorkspace();
  const keep = useKeepSpendSource();
  const text = overlapText(overlap, format);
  return (
    <section className="card spend-overlap" aria-labelledby="overlap-heading">
      <h2 id="overlap-heading">
        <span aria-hidden="true">⚠ </span>Imported spend overlaps spend logged by hand
      </h2>
      <p>
        On {text.days}: {text.imported} and {text.manual}. Only one side counts, never both.
      </p>
      <p className="overlap-counts">{text.counts}</p>
      <fieldset className="overlap-choice">
        <legend>Which spend counts on these days</legend>
        {SOURCES.map((source) => (
          <label key={source}>
            <input
              type="radio"
              name={`spend-source-${overlap.campaignId}`}
              checked={overlap.source === source}
              onChange={() => keep(overlap, source)}
            />
            {SOURCE_LABELS[source]} (
            {format.money(source === 'imported' ? overlap.importedMinor : overlap.manualMinor)})
          </label>
        ))}
      </fieldset>
    </section>
  );
}
