import { DropdownMenu } from 'radix-ui';
import { client } from '../../lib/client';
import { useClock } from '../../lib/clock';
import { useWorkspace } from '../../lib/settings';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/useUndo';
import { deleteEntry, snoozeEntry } from '../undo/entries';
import { quickDays } from './due-dates';

/** When a follow-up is due, in words; overdue is red with an icon and the word, never colour alone. */
export function DueMark({ dueDate, overdue }: { dueDate: string | null; overdue: boolean }) {
  const { today } = useClock();
  const { format } = useWorkspace();
  if (!dueDate) return <span className="sales-muted">No due date</span>;
  if (overdue) {
    return (
      <span className="sales-overdue">
        <span aria-hidden="true">⚠ </span>Overdue · {format.date(dueDate)}
      </span>
    );
  }
  if (dueDate === today) return <span className="sales-due-today">Due today</span>;
  return <span className="sales-muted">Due {format.date(dueDate)}</span>;
}

/** Snooze by 1 day, 3 days or to next week (Monday); undoable when the due time before is known. */
export function SnoozeMenu({
  activity,
}: {
  activity: { id: string; subject: string; dueAt?: string | null };
}) {
  const { today } = useClock();
  const { format } = useWorkspace();
  const toast = useToast();
  const history = useUndo();
  const snooze = (label: string, input: { days: number } | { until: string }) =>
    client
      .call('activities.snooze', { id: activity.id, ...input })
      .then((a) => {
        const when = a.dueDate ? format.date(a.dueDate) : label;
        const message = `Snoozed “${activity.subject}” to ${when}.`;
        if (activity.dueAt === undefined) return toast.show(message);
        history.record(snoozeEntry(activity.dueAt, a, when), message);
      })
      .catch((e: unknown) => toast.show(e instanceof Error ? e.message : String(e), { tone: 'error' }));
  const [tomorrow, inThree, nextWeek] = quickDays(today);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="button sales-small" aria-label={`Snooze ${activity.subject}`}>
        Snooze ▾
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
          <DropdownMenu.Item className="menu-item" onSelect={() => void snooze('tomorrow', { days: 1 })}>
            1 day <span className="sales-muted">{tomorrow && format.date(tomorrow.date)}</span>
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" onSelect={() => void snooze('in 3 days', { days: 3 })}>
            3 days <span className="sales-muted">{inThree && format.date(inThree.date)}</span>
          </DropdownMenu.Item>
          {nextWeek && (
            <DropdownMenu.Item
              className="menu-item"
              onSelect={() => void snooze('next week', { until: nextWeek.date })}
            >
              Next week <span className="sales-muted">{format.date(nextWeek.date)}</span>
            </DropdownMenu.Item>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** Soft delete with an Undo in the toast. */
export function useDeleteActivity() {
  const toast = useToast();
  const history = useUndo();
  return (activity: { id: string; subject: string }) =>
    void client
      .call('activities.delete', { id: activity.id })
      .then(() =>
        history.record(
          deleteEntry(
            `“${activity.subject}”`,
            () => client.call('activities.restore', { id: activity.id }),
            () => client.call('activities.delete', { id: activity.id }),
          ),
          `Deleted “${activity.subject}”.`,
        ),
      )
      .catch((e: unknown) => toast.show(e instanceof Error ? e.message : String(e), { tone: 'error' }));
}
