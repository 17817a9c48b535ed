import { useEffect, useRef, useState } from 'react';
import type { Hat, TodayItem } from '@shared/api/today';
import { onCreateRequest } from '../../app/commands';
import { navigate } from '../../lib/router';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { useShortcuts } from '../../lib/useShortcut';
import { EmptyState } from '../../ui/EmptyState';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import { ActivityForm } from '../leads/ActivityForm';
import { Choice } from '../leads/fields';
import { LeadPanel } from '../leads/LeadPanel';
import { TodayRow } from './TodayRow';
import './today.css';

const HAT_KEY = 'tandem.today.hat';
const HATS = [
  { value: 'both', label: 'Both hats' },
  { value: 'sales', label: 'Sales' },
  { value: 'marketing', label: 'Marketing' },
] as const;

/** What needs doing: overdue first, then today, then the week ahead; sales and marketing in one queue. */
export function TodayPage({ params }: { params: string[] }) {
  const { format } = useWorkspace();
  const toast = useToast();
  const [hat, setHat] = useState<Hat>(() => (localStorage.getItem(HAT_KEY) as Hat | null) ?? 'both');
  const queue = useQuery('today.queue', { hat });
  const [openLead, setOpenLead] = useState<string | null>(null);
  const [logging, setLogging] = useState(false);
  const logFromRoute = params[0] === 'log';
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => onCreateRequest((id) => id === 'new-activity' && setLogging(true)), []);

  // j / k walk the queue, as in every list.
  const walk = (by: 1 | -1) => {
    const rows = [...(list.current?.querySelectorAll<HTMLElement>('[data-today-row]') ?? [])];
    if (rows.length === 0) return false;
    const at = rows.indexOf(document.activeElement as HTMLElement);
    rows[at < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, at + by))]?.focus();
  };
  useShortcuts([
    {
      id: 'today-next',
      keys: 'j',
      description: 'Next item',
      scope: 'Today',
      quietIn: ['dialog'],
      handler: () => walk(1),
    },
    {
      id: 'today-previous',
      keys: 'k',
      description: 'Previous item',
      scope: 'Today',
      quietIn: ['dialog'],
      handler: () => walk(-1),
    },
  ]);

  const chooseHat = (next: Hat) => {
    setHat(next);
    localStorage.setItem(HAT_KEY, next);
  };
  const data = queue.data;
  const all = data ? [...data.overdue, ...data.today, ...data.upcoming] : [];
  const leadIds = [...new Set(all.flatMap((i) => (i.leadId ? [i.leadId] : [])))];
  const open = (item: TodayItem) => {
    if (item.leadId) setOpenLead(item.leadId);
    else if (item.contactId) navigate(`contacts/${item.contactId}`);
    else if (item.kind === 'launch' && item.campaignId) navigate(`campaigns/${item.campaignId}`);
    else navigate('calendar');
  };
  const closeLog = () => {
    setLogging(false);
    if (logFromRoute) navigate('today');
  };

  return (
    <div className="page today-page">
      <header className="page-header">
        <div>
          <h1>Today</h1>
          {data && <p className="sales-muted">{format.date(data.date)}</p>}
        </div>
        <div className="toolbar">
          <Choice label="Show" value={hat} options={HATS} onValue={chooseHat} />
          <button
            type="button"
            className="button primary"
            onClick={() => setLogging(true)}
            title="Log activity (a)"
            aria-keyshortcuts="a"
          >
            Log activity <kbd className="kbd-on-accent">a</kbd>
          </button>
        </div>
      </header>
      {data && all.length === 0 ? (
        <EmptyState
          title="Nothing due"
          action={
            <button type="button" className="button primary" onClick={() => setLogging(true)}>
              Log an activity
            </button>
          }
        >
          <p>
            Follow-ups you schedule and marketing tasks that come due — content to publish, campaigns to
            launch — gather here: overdue first, then today, then the week ahead.
          </p>
          <p>
            Schedule the next step whenever you log a call, or put leads into a{' '}
            <a href="#/cadences">cadence</a>.
          </p>
        </EmptyState>
      ) : (
        <div ref={list} className="today-sections">
          {data && (
            <>
              <Bucket
                id="overdue"
                title="Overdue"
                count={data.counts.overdue}
                items={data.overdue}
                onOpen={open}
              />
              <Bucket
                id="today"
                title="Due today"
                count={data.counts.today}
                items={data.today}
                onOpen={open}
              />
              <Bucket
                id="upcoming"
                title={`Upcoming · until ${format.date(data.horizon)}`}
                count={data.counts.upcoming}
                items={data.upcoming}
                onOpen={open}
              />
            </>
          )}
        </div>
      )}
      <LeadPanel
        id={openLead}
        sequence={leadIds}
        onNavigate={setOpenLead}
        onClose={() => setOpenLead(null)}
        onOpenContact={(id) => navigate(`contacts/${id}`)}
      />
      <SidePanel title="Log activity" open={logging || logFromRoute} onClose={closeLog}>
        {(logging || logFromRoute) && (
          <ActivityForm
            autoFocus
            onCancel={closeLog}
            onLogged={(result) => {
              closeLog();
              toast.show(
                result.next
                  ? `Logged. Next: “${result.next.subject}”.`
                  : `Logged “${result.activity.subject}”.`,
              );
            }}
          />
        )}
      </SidePanel>
    </div>
  );
}

function Bucket({
  id,
  title,
  count,
  items,
  onOpen,
}: {
  id: string;
  title: string;
  count: number;
  items: TodayItem[];
  onOpen(item: TodayItem): void;
}) {
  const empty = {
    overdue: 'Nothing overdue.',
    today: 'Nothing else due today.',
    upcoming: 'Nothing planned for the coming week.',
  }[id];
  return (
    <section className={`today-bucket today-${id}`} aria-labelledby={`today-${id}-heading`}>
      <h2 id={`today-${id}-heading`}>
        {id === 'overdue' && count > 0 && <span aria-hidden="true">⚠ </span>}
        {title} <span className="today-count">{count}</span>
      </h2>
      {items.length === 0 ? (
        <p className="sales-muted">{empty}</p>
      ) : (
        <ul className="today-list">
          {items.map((item) => (
            <TodayRow key={`${item.kind}-${item.id}`} item={item} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {count > items.length && <p className="sales-muted">and {count - items.length} more</p>}
    </section>
  );
}
