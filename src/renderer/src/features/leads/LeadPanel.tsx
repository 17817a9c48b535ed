import { useState } from 'react';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { useShortcuts } from '../../lib/useShortcut';
import { SidePanel } from '../../ui/SidePanel';
import { useUndo } from '../../ui/useUndo';
import { deleteEntry } from '../undo/entries';
import { EnrollForm } from '../cadences/EnrollForm';
import { EnrollmentList } from '../cadences/EnrollmentList';
import { ActivityForm } from './ActivityForm';
import { ActivityHistory, FollowUps } from './ActivityList';
import { LeadForm } from './LeadForm';
import { LeadSummary } from './LeadSummary';
import { Orders } from './Orders';
import { RatingBox } from './RatingBox';
import './sales.css';
import { useDeleteWithImpact } from '../../ui/DeleteDialog';

interface Props {
  id: string | null;
  /** The ids of the list the panel was opened from, for j/k. */
  sequence?: string[];
  onNavigate?(id: string): void;
  onClose(): void;
  onOpenContact?(id: string): void;
}

type Mode = 'view' | 'edit' | 'log' | 'enrol';

/** One lead over the list: facts, quality rating, follow-ups, cadences, stage history and what happened. */
export function LeadPanel(props: Props) {
  return props.id ? <OpenLeadPanel {...props} id={props.id} /> : null;
}

function OpenLeadPanel({ id, sequence = [], onNavigate, onClose, onOpenContact }: Props & { id: string }) {
  const [mode, setMode] = useState<Mode>('view');
  const [shownId, setShownId] = useState(id);
  if (shownId !== id) {
    setShownId(id);
    setMode('view');
  }
  const [requestDelete, deleteDialog, deleting] = useDeleteWithImpact();
  const detail = useQuery('leads.detail', { id }, { enabled: !deleting });
  const data = detail.data?.lead.id === id ? detail.data : undefined;
  const position = sequence.indexOf(id);
  const step = (by: 1 | -1) => {
    const target = sequence[position + by];
    if (position >= 0 && target) onNavigate?.(target);
  };
  useShortcuts(
    (
      [
        ['j', 'Next lead', () => step(1)],
        ['k', 'Previous lead', () => step(-1)],
        ['a', 'Log an activity', () => setMode('log')],
        ['e', 'Edit', () => setMode('edit')],
      ] as const
    ).map(([keys, description, run]) => ({
      id: `lead-panel-${keys}`,
      keys,
      description,
      scope: 'Lead panel',
      // The panel is a dialog itself; only a menu opened in it silences its keys.
      quietIn: ['menu'],
      handler: run,
    })),
  );

  const gone = detail.error?.code === 'not_found' && !data;
  return (
    <SidePanel title={data?.lead.title ?? (gone ? 'Lead not found' : 'Lead')} open onClose={onClose}>
      {gone && <p>This lead was deleted or does not exist any more.</p>}
      {data && (
        <div className="sales-panel">
          <PanelNav position={position} total={sequence.length} onStep={step} />
          {mode === 'edit' ? (
            <LeadForm lead={data.lead} onSaved={() => setMode('view')} onCancel={() => setMode('view')} />
          ) : (
            <>
              <LeadSummary lead={data.lead} onOpenContact={onOpenContact} />
              <LeadActions
                lead={data.lead}
                onEdit={() => setMode('edit')}
                onClose={onClose}
                requestDelete={requestDelete}
              />
              {deleteDialog}
            </>
          )}
          <section aria-labelledby="lead-quality">
            <h3 id="lead-quality" className="sales-h3">
              Quality for marketing
            </h3>
            <RatingBox key={data.lead.id} lead={data.lead} />
          </section>
          <section aria-labelledby="lead-followups">
            <div className="sales-section-head">
              <h3 id="lead-followups" className="sales-h3">
                Follow-ups
              </h3>
              {mode !== 'log' && (
                <button
                  type="button"
                  className="button sales-small"
                  onClick={() => setMode('log')}
                  title="Log activity (a)"
                  aria-keyshortcuts="a"
                >
                  Log activity <kbd>a</kbd>
                </button>
              )}
            </div>
            {mode === 'log' && (
              <ActivityForm
                key={data.lead.id}
                leadId={data.lead.id}
                autoFocus
                onLogged={() => setMode('view')}
                onCancel={() => setMode('view')}
              />
            )}
            <FollowUps
              activities={data.activities}
              empty="No follow-up planned. Log what happened and schedule the next step."
            />
          </section>
          <section aria-labelledby="lead-cadences">
            <div className="sales-section-head">
              <h3 id="lead-cadences" className="sales-h3">
                Cadences
              </h3>
              {mode !== 'enrol' && data.lead.outcome === 'open' && (
                <button type="button" className="button sales-small" onClick={() => setMode('enrol')}>
                  Enrol in cadence
                </button>
              )}
            </div>
            {mode === 'enrol' && (
              <EnrollForm
                leadIds={[data.lead.id]}
                previewName={data.lead.contactName ?? data.lead.title}
                onDone={() => setMode('view')}
                onCancel={() => setMode('view')}
              />
            )}
            <EnrollmentList enrollments={data.enrollments} activities={data.activities} />
          </section>
          <StageHistory history={data.history} />
          <section aria-labelledby="lead-history">
            <h3 id="lead-history" className="sales-h3">
              What happened
            </h3>
            <ActivityHistory activities={data.activities} />
          </section>
          <Orders orders={data.orders} />
        </div>
      )}
    </SidePanel>
  );
}

function PanelNav({
  position,
  total,
  onStep,
}: {
  position: number;
  total: number;
  onStep(by: 1 | -1): void;
}) {
  if (position < 0 || total < 2) return null;
  return (
    <div className="sales-panel-nav">
      <span className="sales-muted">
        {position + 1} of {total}
      </span>
      <button
        type="button"
        className="button sales-small"
        onClick={() => onStep(-1)}
        disabled={position === 0}
        title="Previous (k)"
        aria-keyshortcuts="k"
      >
        ↑ Previous <kbd>k</kbd>
      </button>
      <button
        type="button"
        className="button sales-small"
        onClick={() => onStep(1)}
        disabled={position === total - 1}
        title="Next (j)"
        aria-keyshortcuts="j"
      >
        ↓ Next <kbd>j</kbd>
      </button>
    </div>
  );
}

function LeadActions({
  lead,
  onEdit,
  onClose,
  requestDelete,
}: {
  lead: { id: string; title: string };
  onEdit(): void;
  onClose(): void;
  requestDelete: ReturnType<typeof useDeleteWithImpact>[0];
}) {
  const history = useUndo();
  const remove = () =>
    requestDelete({
      kind: 'lead',
      closesView: true,
      id: lead.id,
      name: lead.title,
      run: () =>
        client.call('leads.delete', { id: lead.id }).then(() => {
          onClose();
          history.record(
            deleteEntry(
              `“${lead.title}”`,
              () => client.call('leads.restore', { id: lead.id }),
              () => client.call('leads.delete', { id: lead.id }),
            ),
            `Deleted “${lead.title}”.`,
          );
        }),
    });
  return (
    <div className="sales-actions">
      <button type="button" className="button" onClick={onEdit} title="Edit (e)" aria-keyshortcuts="e">
        Edit <kbd>e</kbd>
      </button>
      <button type="button" className="button danger" onClick={remove}>
        Delete lead
      </button>
    </div>
  );
}

function StageHistory({
  history,
}: {
  history: { id: string; fromStageName: string | null; toStageName: string; changedAt: string }[];
}) {
  const { format } = useWorkspace();
  return (
    <section aria-labelledby="lead-stages">
      <h3 id="lead-stages" className="sales-h3">
        Stage history
      </h3>
      <ol className="sales-stages" aria-label="Stage history">
        {[...history].reverse().map((h) => (
          <li key={h.id}>
            <span>
              {h.fromStageName ? `${h.fromStageName} → ${h.toStageName}` : `Created in ${h.toStageName}`}
            </span>
            <time className="sales-muted" dateTime={h.changedAt}>
              {format.dateTime(h.changedAt)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
