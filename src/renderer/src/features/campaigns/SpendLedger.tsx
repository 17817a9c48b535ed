import type { BudgetUsage, SpendEntry } from '@shared/api/spend';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/useUndo';
import { deleteEntry } from '../undo/entries';
import { BudgetMeter } from './Meters';
import { SpendForm } from './SpendForm';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { asApiError } from '../../lib/form-errors';

/** A campaign's spend: budget against spent, the entries, and a line to log the next one. */
export function SpendLedger({
  campaignId,
  budget,
  entries,
}: {
  campaignId: string;
  budget: BudgetUsage;
  entries: SpendEntry[];
}) {
  const { format } = useWorkspace();
  const toast = useToast();
  const history = useUndo();

  const remove = (entry: SpendEntry) => {
    const what = `${format.money(entry.amountMinor)} on ${format.date(entry.date)}`;
    client
      .call('spend.delete', { id: entry.id })
      .then(() =>
        history.record(
          deleteEntry(
            `spend of ${what}`,
            () => client.call('spend.restore', { id: entry.id }),
            () => client.call('spend.delete', { id: entry.id }),
          ),
          `Deleted spend of ${what}.`,
        ),
      )
      .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
  };

  return (
    <section className="card" aria-labelledby="spend-heading">
      <div className="spend-head">
        <h2 id="spend-heading">Spend</h2>
        <ExportCsvButton selection={{ kind: 'spend', filter: { campaignId } }} label="Export spend CSV" />
      </div>
      <BudgetMeter
        budgetMinor={budget.budgetMinor}
        spentMinor={budget.spentMinor}
        label="Campaign budget used"
      />
      <SpendForm
        campaignId={campaignId}
        compact
        onSaved={(entry) =>
          toast.show(`Logged ${format.money(entry.amountMinor)} on ${format.date(entry.date)}.`)
        }
      />
      {entries.length === 0 ? (
        <p className="muted">No spend logged yet. Add each invoice, ad charge or print bill as you pay it.</p>
      ) : (
        <table className="data-table" aria-label="Spend entries">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col" className="num">
                Amount
              </th>
              <th scope="col">Note</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{format.date(entry.date)}</td>
                <td className="money">{format.money(entry.amountMinor)}</td>
                <td>
                  {entry.note}
                  {entry.imported && <span className="badge">Imported</span>}
                  {!entry.counted && (
                    <span
                      className="badge"
                      title="Overlaps spend of the other side, which this campaign keeps"
                    >
                      Not counted
                    </span>
                  )}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Delete spend of ${format.money(entry.amountMinor)} on ${format.date(entry.date)}`}
                    title="Delete"
                    onClick={() => remove(entry)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="money">{format.money(budget.spentMinor)}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
