import type { TimelineEntry } from '@shared/api/activities';
import { useWorkspace } from '../../lib/settings';

const ICON: Record<TimelineEntry['kind'], string> = { activity: '✎', lead: '◆', stage: '→', order: '▣' };

/** A record's history, newest first: activities, leads created, stage changes and orders. */
export function Timeline({
  entries,
  onOpenLead,
}: {
  entries: TimelineEntry[];
  onOpenLead?(id: string): void;
}) {
  const { format } = useWorkspace();
  if (entries.length === 0)
    return (
      <p className="sales-muted">
        No history yet: calls, e-mails, leads and orders appear here as they happen.
      </p>
    );
  return (
    <ol className="sales-timeline" aria-label="Timeline">
      {entries.map((e) => (
        <li key={`${e.kind}-${e.id}`} className={`timeline-${e.kind}`}>
          <div className="sales-item-main">
            <span className="timeline-icon" aria-hidden="true">
              {ICON[e.kind]}
            </span>
            {e.leadId && onOpenLead ? (
              <button
                type="button"
                className="button-link sales-link sales-subject"
                onClick={() => onOpenLead(e.leadId ?? '')}
              >
                {e.title}
              </button>
            ) : (
              <span className="sales-subject">{e.title}</span>
            )}
            {e.kind === 'activity' && e.status === 'open' && <span className="sales-tag">Planned</span>}
            <time className="sales-muted" dateTime={e.at}>
              {e.at.length > 10 ? format.dateTime(e.at) : format.date(e.at)}
            </time>
          </div>
          {e.detail && <p className="sales-note">{e.detail}</p>}
        </li>
      ))}
    </ol>
  );
}
