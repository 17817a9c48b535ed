import { useState } from 'react';
import type { Activity } from '@shared/api/activities';
import { useWorkspace } from '../../lib/settings';
import { useUndo } from '../../ui/useUndo';
import { CompleteForm } from './CompleteForm';
import { DueMark, SnoozeMenu, useDeleteActivity } from './FollowUp';
import { ACTIVITY_ICONS, activityLabel } from './activity-types';

/** Open follow-ups with their actions: done with an outcome, schedule next, snooze, delete (with undo). */
export function FollowUps({ activities, empty }: { activities: Activity[]; empty: string }) {
  const history = useUndo();
  const remove = useDeleteActivity();
  const [completing, setCompleting] = useState<{ id: string; next: boolean } | null>(null);
  const open = activities.filter((a) => a.status === 'open');
  if (open.length === 0) return <p className="sales-muted">{empty}</p>;
  return (
    <ul className="sales-list" aria-label="Open follow-ups">
      {open.map((a) => (
        <li key={a.id} className={`sales-item${a.overdue ? ' is-overdue' : ''}`}>
          <div className="sales-item-main">
            <span className="sales-type" title={activityLabel(a.type)}>
              <span aria-hidden="true">{ACTIVITY_ICONS[a.type]} </span>
              {activityLabel(a.type)}
            </span>
            <span className="sales-subject">{a.subject}</span>
            {a.cadenceStepId && <span className="sales-tag">Cadence step</span>}
            <DueMark dueDate={a.dueDate} overdue={a.overdue} />
          </div>
          <div className="sales-item-actions">
            <button
              type="button"
              className="button sales-small"
              onClick={() => setCompleting({ id: a.id, next: false })}
              aria-label={`Done: ${a.subject}`}
            >
              ✓ Done
            </button>
            <button
              type="button"
              className="button sales-small"
              onClick={() => setCompleting({ id: a.id, next: true })}
              aria-label={`Done and schedule next: ${a.subject}`}
            >
              Schedule next
            </button>
            <SnoozeMenu activity={a} />
            <button
              type="button"
              className="icon-button"
              onClick={() => remove(a)}
              aria-label={`Delete ${a.subject}`}
              title="Delete"
            >
              ×
            </button>
          </div>
          {completing?.id === a.id && (
            <CompleteForm
              activity={a}
              scheduleNext={completing.next}
              onCancel={() => setCompleting(null)}
              onDone={(result, undo) => {
                setCompleting(null);
                history.record(
                  undo,
                  result.next ? `Done. Next: “${result.next.subject}”.` : `Done: “${a.subject}”.`,
                );
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** What happened, newest first: done activities with their outcome and notes. */
export function ActivityHistory({ activities }: { activities: Activity[] }) {
  const { format } = useWorkspace();
  const remove = useDeleteActivity();
  const done = activities
    .filter((a) => a.status === 'done')
    .sort((x, y) => (y.doneAt ?? '').localeCompare(x.doneAt ?? ''));
  if (done.length === 0) return <p className="sales-muted">Nothing logged yet.</p>;
  return (
    <ol className="sales-timeline" aria-label="Activity history">
      {done.map((a) => (
        <li key={a.id}>
          <div className="sales-item-main">
            <span className="sales-type">
              <span aria-hidden="true">{ACTIVITY_ICONS[a.type]} </span>
              {activityLabel(a.type)}
            </span>
            <span className="sales-subject">{a.subject}</span>
            <time className="sales-muted" dateTime={a.doneAt ?? undefined}>
              {a.doneAt ? format.dateTime(a.doneAt) : ''}
            </time>
            <button
              type="button"
              className="icon-button sales-hover"
              onClick={() => remove(a)}
              aria-label={`Delete ${a.subject}`}
              title="Delete"
            >
              ×
            </button>
          </div>
          {a.outcome && <p className="sales-note">Outcome: {a.outcome}</p>}
          {a.notes && <p className="sales-note">{a.notes}</p>}
        </li>
      ))}
    </ol>
  );
}
