import { useRef, useState } from 'react';
import type { Cadence } from '@shared/api/cadences';
import { navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useShortcuts } from '../../lib/useShortcut';
import { EmptyState } from '../../ui/EmptyState';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import '../leads/sales.css';
import { CadenceForm } from './CadenceForm';
import { CadencePanel } from './CadencePanel';
import { stepSummary } from './stepSummary';
import './cadences.css';

const span = (c: Cadence) => {
  const days = Math.max(0, ...c.steps.map((s) => s.dayOffset));
  return `${c.steps.length} ${c.steps.length === 1 ? 'step' : 'steps'} over ${days + 1} ${days === 0 ? 'day' : 'days'}`;
};

/** Multi-touch sequences (`#/cadences/<id>` opens one): each step becomes a follow-up on its day. */
export function CadencesPage({ params }: { params: string[] }) {
  const toast = useToast();
  const cadences = useQuery('cadences.list', {});
  const [creating, setCreating] = useState(false);
  const list = cadences.data ?? [];
  const openId = params[0] ?? null;
  const open = list.find((c) => c.id === openId) ?? null;
  const listRef = useRef<HTMLUListElement>(null);

  const walk = (by: 1 | -1) => {
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('button[data-row]') ?? [])];
    const at = rows.indexOf(document.activeElement as HTMLElement);
    rows[at < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, at + by))]?.focus();
  };
  const scope = 'Cadences';
  useShortcuts([
    {
      id: 'new-cadence',
      keys: 'n',
      description: 'New cadence',
      scope,
      quietIn: ['dialog'],
      handler: () => setCreating(true),
    },
    {
      id: 'cadences-next',
      keys: 'j',
      description: 'Next cadence',
      scope,
      quietIn: ['dialog'],
      handler: () => walk(1),
    },
    {
      id: 'cadences-previous',
      keys: 'k',
      description: 'Previous cadence',
      scope,
      quietIn: ['dialog'],
      handler: () => walk(-1),
    },
  ]);

  return (
    <div className="page cadences-page">
      <header className="page-header">
        <h1>Cadences</h1>
        <div className="toolbar">
          <button
            type="button"
            className="button primary"
            onClick={() => setCreating(true)}
            title="New cadence (n)"
            aria-keyshortcuts="n"
          >
            New cadence <kbd className="kbd-on-accent">n</kbd>
          </button>
        </div>
      </header>
      {cadences.data && list.length === 0 ? (
        <EmptyState
          title="No cadences yet"
          action={
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              Create your first cadence
            </button>
          }
        >
          <p>
            A cadence is a sequence of touches you repeat for every new lead — call on day 0, e-mail on day 2,
            LinkedIn on day 5. Enrol a lead and each step lands in Today on its day, with the lead's name and
            the campaign's key message filled in.
          </p>
        </EmptyState>
      ) : (
        <ul ref={listRef} className="cad-list" aria-label="Cadences">
          {list.map((c) => (
            <li key={c.id}>
              <button type="button" data-row className="cad-row" onClick={() => navigate(`cadences/${c.id}`)}>
                <span className="cad-row-name">{c.name}</span>
                <span className="sales-muted">
                  {span(c)}
                  {c.skipWeekends ? ' · weekdays only' : ''} · {c.activeEnrollments} running
                </span>
                <span className="cad-row-steps">{stepSummary(c.steps)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <SidePanel title="New cadence" open={creating} onClose={() => setCreating(false)}>
        {creating && (
          <CadenceForm
            onCancel={() => setCreating(false)}
            onSaved={(c) => {
              setCreating(false);
              toast.show(`Created the cadence ${c.name}.`);
              navigate(`cadences/${c.id}`);
            }}
          />
        )}
      </SidePanel>
      <SidePanel title={open?.name ?? 'Cadence'} open={open !== null} onClose={() => navigate('cadences')}>
        {open && (
          <CadencePanel
            cadence={open}
            onClose={() => navigate('cadences')}
            onOpenLead={(id) => navigate(`pipeline/${id}`)}
          />
        )}
      </SidePanel>
    </div>
  );
}
