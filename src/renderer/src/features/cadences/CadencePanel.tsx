import { useState } from 'react';
import type { Cadence } from '@shared/api/cadences';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/useUndo';
import { deleteEntry } from '../undo/entries';
import { LeadPicker, type PickedLead } from '../leads/LeadPicker';
import { CadenceForm } from './CadenceForm';
import { StepPreviewList } from './StepPreviewList';
import { useDeleteWithImpact } from '../../ui/DeleteDialog';

/** One cadence: its steps (editable), a preview for a real lead, and who is in it. */
export function CadencePanel({
  cadence,
  onClose,
  onOpenLead,
}: {
  cadence: Cadence;
  onClose(): void;
  onOpenLead(id: string): void;
}) {
  const { format } = useWorkspace();
  const toast = useToast();
  const history = useUndo();
  const [lead, setLead] = useState<PickedLead | null>(null);
  const [requestDelete, deleteDialog] = useDeleteWithImpact();
  const enrollments = useQuery('cadences.enrollments', { cadenceId: cadence.id });
  const remove = () =>
    requestDelete({
      kind: 'cadence',
      id: cadence.id,
      name: cadence.name,
      run: () =>
        client.call('cadences.delete', { id: cadence.id }).then(() => {
          onClose();
          history.record(
            deleteEntry(
              `the cadence ${cadence.name}`,
              () => client.call('cadences.restore', { id: cadence.id }),
              () => client.call('cadences.delete', { id: cadence.id }),
            ),
            `Deleted the cadence ${cadence.name}.`,
          );
        }),
    });
  const active = (enrollments.data ?? []).filter((e) => e.status === 'active');
  return (
    <div className="sales-panel">
      <CadenceForm
        key={cadence.updatedAt}
        cadence={cadence}
        onSaved={(c) => toast.show(`Saved ${c.name}.`)}
      />
      <section aria-labelledby="cad-preview-heading" className="cad-section">
        <h3 id="cad-preview-heading" className="sales-h3">
          Preview for a lead
        </h3>
        <LeadPicker value={lead} onValue={setLead} />
        {lead && (
          <StepPreviewList
            cadenceId={cadence.id}
            leadId={lead.id}
            heading={`Steps for ${lead.title}, starting today`}
          />
        )}
      </section>
      <section aria-labelledby="cad-enrolled-heading" className="cad-section">
        <h3 id="cad-enrolled-heading" className="sales-h3">
          In this cadence ({active.length} running)
        </h3>
        {(enrollments.data ?? []).length === 0 ? (
          <p className="sales-muted">
            Nobody yet. Enrol leads from a lead's panel, or select several in the Pipeline table.
          </p>
        ) : (
          <ul className="sales-list">
            {(enrollments.data ?? []).map((e) => (
              <li key={e.id} className="sales-item-main">
                <button type="button" className="button-link sales-link" onClick={() => onOpenLead(e.leadId)}>
                  {e.leadTitle}
                </button>
                <span className="sales-muted">
                  {e.status === 'active' ? 'Running' : e.status === 'completed' ? 'Completed' : 'Stopped'} ·{' '}
                  {e.stepsDone} of {e.stepsTotal} done
                  {e.nextDueDate ? ` · next ${format.date(e.nextDueDate)}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="form-actions">
        <button type="button" className="button danger" onClick={remove}>
          Delete cadence
        </button>
      </div>
      {deleteDialog}
    </div>
  );
}
