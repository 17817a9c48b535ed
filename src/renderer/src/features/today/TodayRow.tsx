import { useState } from 'react';
import type { TodayItem } from '@shared/api/today';
import { client } from '../../lib/client';
import { useClock } from '../../lib/clock';
import { asApiError } from '../../lib/form-errors';
import { useWorkspace } from '../../lib/settings';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/useUndo';
import { campaignLaunchedEntry, contentDoneEntry } from '../undo/entries';
import { CompleteForm } from '../leads/CompleteForm';
import { SnoozeMenu } from '../leads/FollowUp';
import { ACTIVITY_ICONS, activityLabel } from '../leads/activity-types';
import { channelName } from '../leads/lead-channels';

/** Due today: the time is enough (in the workspace's locale, the computer's time zone). */
const timeOf = (instant: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(new Date(instant));

const KIND_LABEL: Record<TodayItem['kind'], string> = { activity: '', content: 'Content', launch: 'Launch' };

/** One thing to do: a follow-up with done / schedule next / snooze, or a marketing task linking to its screen. */
export function TodayRow({ item, onOpen }: { item: TodayItem; onOpen(item: TodayItem): void }) {
  const { format, settings } = useWorkspace();
  const { today } = useClock();
  const history = useUndo();
  const toast = useToast();
  const [completing, setCompleting] = useState<'done' | 'next' | null>(null);
  const late = item.daysLate;
  const typeLabel = item.kind === 'activity' ? activityLabel(item.type) : KIND_LABEL[item.kind];
  const subtitle =
    item.kind === 'activity'
      ? item.subtitle
      : [channelName(item.type), item.subtitle].filter(Boolean).join(' · ');
  return (
    <li
      className={`today-row${late > 0 ? ' is-overdue' : ''}`}
      aria-label={`${item.title}${late > 0 ? `, overdue by ${late} ${late === 1 ? 'day' : 'days'}` : ''}`}
    >
      <div className="today-main">
        <span className={`today-hat today-hat-${item.hat}`}>
          {item.hat === 'sales' ? 'Sales' : 'Marketing'}
        </span>
        <span className="sales-type">
          <span aria-hidden="true">
            {item.kind === 'activity' ? ACTIVITY_ICONS[item.type] : item.kind === 'launch' ? '⚑' : '✎'}{' '}
          </span>
          {typeLabel}
        </span>
        <button type="button" className="today-title" data-today-row onClick={() => onOpen(item)}>
          {item.title}
        </button>
        <span className="sales-muted today-subtitle">{subtitle}</span>
        <span className="today-due">
          {late > 0 ? (
            <span className="sales-overdue">
              <span aria-hidden="true">⚠ </span>
              {late === 1 ? '1 day late' : `${late} days late`}
            </span>
          ) : item.dueAt && item.dueAt.slice(11, 16) !== '00:00' ? (
            <span className="sales-muted">
              {item.dueDate === today ? timeOf(item.dueAt, settings.locale) : format.dateTime(item.dueAt)}
            </span>
          ) : (
            <span className="sales-muted">
              {item.dueDate === today ? 'Today' : format.date(item.dueDate)}
            </span>
          )}
        </span>
        <span className="today-actions">
          {item.kind === 'activity' ? (
            <>
              <button
                type="button"
                className="button sales-small"
                onClick={() => setCompleting('done')}
                aria-label={`Done: ${item.title}`}
              >
                ✓ Done
              </button>
              <button
                type="button"
                className="button sales-small"
                onClick={() => setCompleting('next')}
                aria-label={`Done and schedule next: ${item.title}`}
              >
                Schedule next
              </button>
              <SnoozeMenu activity={{ id: item.id, subject: item.title, dueAt: item.dueAt }} />
            </>
          ) : item.kind === 'content' ? (
            <>
              <button
                type="button"
                className="button sales-small"
                title="Marks the content item published"
                onClick={() => {
                  void client
                    .call('content.get', { id: item.id })
                    .then(async (before) => {
                      const after = await client.call('content.update', {
                        id: item.id,
                        patch: { status: 'published' },
                      });
                      history.record(contentDoneEntry(before, after), `Published: “${item.title}”.`);
                    })
                    .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
                }}
                aria-label={`Done: ${item.title}`}
              >
                ✓ Done
              </button>
              <a className="button sales-small" href={`#/calendar/${item.id}`}>
                Open calendar
              </a>
            </>
          ) : (
            <>
              <button
                type="button"
                className="button sales-small"
                title="Marks the campaign active"
                onClick={() => {
                  void client
                    .call('campaigns.get', { id: item.id })
                    .then(async (before) => {
                      const after = await client.call('campaigns.update', {
                        id: item.id,
                        patch: { status: 'active' },
                      });
                      history.record(campaignLaunchedEntry(before, after), `Launched: “${after.name}”.`);
                    })
                    .catch((e: unknown) => toast.show(asApiError(e).message, { tone: 'error' }));
                }}
                aria-label={`Launched: ${item.title}`}
              >
                ✓ Launched
              </button>
              <a className="button sales-small" href={`#/campaigns/${item.id}`}>
                Open campaign
              </a>
            </>
          )}
        </span>
      </div>
      {completing && (
        <CompleteForm
          activity={{ id: item.id, subject: item.title }}
          scheduleNext={completing === 'next'}
          onCancel={() => setCompleting(null)}
          onDone={(result, undo) => {
            setCompleting(null);
            history.record(
              undo,
              result.next
                ? `Done. Next: “${result.next.subject}” on ${format.date(result.next.dueDate ?? '')}.`
                : `Done: “${item.title}”.`,
            );
          }}
        />
      )}
    </li>
  );
}
