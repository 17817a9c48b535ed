import { useEffect, useMemo, useState } from 'react';
import { ToggleGroup } from 'radix-ui';
import type { ContentItem } from '@shared/api/content';
import { addDays, daysBetween } from '@shared/domain/dates';
import { addMonths, inRange, monthGridRange, weekRange } from '@shared/domain/periods';
import type { Channel } from '@shared/domain/utm';
import { client } from '../../lib/client';
import { useClock } from '../../lib/clock';
import { navigate } from '../../lib/router';
import { usePeriod } from '../../lib/period';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { useToast } from '../../ui/toast';
import { CHANNEL_OPTIONS } from '../campaigns/channels';
import { asApiError } from '../../lib/form-errors';
import { useCreateRequests } from '../campaigns/useCreateRequests';
import { CalendarGrid } from './CalendarGrid';
import { ContentPanel, type ContentEditing } from './ContentForm';
import '../campaigns/campaigns.css';
import './calendar.css';
import { ExportCsvButton } from '../exports/ExportCsvButton';

type View = 'month' | 'week';
/** A drop shown at once, until the refetched item (with a newer updatedAt) replaces it. */
type Moved = { id: string; date: string; basedOn: string };

const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The content calendar: every campaign's items by month or week, filtered, dragged between days.
 * `#/calendar/<id>` (a palette hit) opens that item's panel on its month.
 */
export function CalendarPage({ params }: { params: string[] }) {
  const { settings, format } = useWorkspace();
  const { today } = useClock();
  const toast = useToast();
  const { period } = usePeriod();
  // The calendar opens on the active period (today when the period holds it, else its first day; the week
  // view for a week) and moves on its own from there until the top bar's period changes again.
  const periodKey = `${period.kind}:${period.range.startDate}:${period.range.endDate}`;
  const [nav, setNav] = useState<{ key: string; view: View; anchor: string } | null>(null);
  const current =
    nav?.key === periodKey
      ? nav
      : {
          key: periodKey,
          view: (period.kind === 'week' ? 'week' : 'month') as View,
          anchor: inRange(today, period.range) ? today : period.range.startDate,
        };
  const { view, anchor } = current;
  const setView = (next: View) => setNav({ ...current, view: next });
  const setAnchor = (next: string | ((a: string) => string)) =>
    setNav({ ...current, anchor: typeof next === 'function' ? next(current.anchor) : next });
  const [channel, setChannel] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [editing, setEditing] = useState<ContentEditing>(null);
  const [moved, setMoved] = useState<Moved[]>([]);
  const newItem = (date = today) => setEditing({ defaults: { scheduledDate: date } });
  const linkedId = params[0] ?? null;
  useEffect(() => {
    if (!linkedId) return;
    let live = true;
    client
      .call('content.get', { id: linkedId })
      .then((item) => {
        if (!live) return;
        if (item.scheduledDate) setNav({ key: periodKey, view: 'month', anchor: item.scheduledDate });
        setEditing({ item });
      })
      .catch((e: unknown) => live && toast.show(asApiError(e).message, { tone: 'error' }))
      // The address goes back to the calendar: closing the panel does not open it again.
      .finally(() => live && navigate('calendar'));
    return () => {
      live = false;
    };
  }, [linkedId, periodKey, toast]);
  useCreateRequests(
    { 'new-content': () => newItem() },
    { run: () => newItem(), description: 'New content item', scope: 'Calendar' },
  );

  const range =
    view === 'month' ? monthGridRange(anchor, settings.weekStart) : weekRange(anchor, settings.weekStart);
  const content = useQuery('content.range', {
    from: range.startDate,
    to: range.endDate,
    channel: (channel || undefined) as Channel | undefined,
    campaignId: campaignId || undefined,
    includeUnscheduled: true,
  });
  const campaigns = useQuery('campaigns.list', {});

  const fmt = useMemo(() => {
    const day = new Intl.DateTimeFormat(format.names, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const weekday = new Intl.DateTimeFormat(format.names, { weekday: 'short', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(format.names, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const short = new Intl.DateTimeFormat(format.names, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    return { day, weekday, month, short };
  }, [format.names]);

  const days = Array.from({ length: daysBetween(range.startDate, range.endDate) + 1 }, (_, i) =>
    addDays(range.startDate, i),
  );
  const title =
    view === 'month'
      ? fmt.month.format(utc(anchor))
      : fmt.short.formatRange(utc(range.startDate), utc(range.endDate));
  const step = (direction: -1 | 1) =>
    setAnchor((a) => (view === 'month' ? addMonths(a, direction) : addDays(a, 7 * direction)));

  const placed = (item: ContentItem): ContentItem => {
    const move = moved.find((m) => m.id === item.id && m.basedOn === item.updatedAt);
    return move ? { ...item, scheduledDate: move.date } : item;
  };
  const all = [...(content.data?.items ?? []), ...(content.data?.unscheduled ?? [])].map(placed);
  const inView = all.filter(
    (i) => i.scheduledDate && i.scheduledDate >= range.startDate && i.scheduledDate <= range.endDate,
  );
  const undated = all.filter((i) => !i.scheduledDate);

  const move = (item: ContentItem, date: string) => {
    const from = item.scheduledDate;
    setMoved((all) => [
      ...all.filter((m) => m.id !== item.id),
      { id: item.id, date, basedOn: item.updatedAt },
    ]);
    client
      .call('content.reschedule', { id: item.id, date })
      .then(() =>
        toast.show(`Moved “${item.title}” to ${fmt.day.format(utc(date))}.`, {
          action: {
            label: 'Undo',
            run: () =>
              void (from
                ? client.call('content.reschedule', { id: item.id, date: from })
                : client.call('content.update', { id: item.id, patch: { scheduledDate: null } })),
          },
        }),
      )
      .catch((e: unknown) => {
        setMoved((all) => all.filter((m) => m.id !== item.id));
        toast.show(asApiError(e).message, { tone: 'error' });
      });
  };

  const weekdayLabels = days.slice(0, 7).map((d) => fmt.weekday.format(utc(d)));
  const campaignOptions = campaigns.data ?? [];
  const empty = content.data && all.length === 0 && !channel && !campaignId;

  return (
    <div className="page calendar-page">
      <header className="page-header">
        <h1>Calendar</h1>
        <div className="toolbar">
          <select aria-label="Filter by channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">All channels</option>
            {CHANNEL_OPTIONS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <select
            aria-label="Filter by campaign"
            value={campaignId}
            onChange={(e) => setCampaignId(e.target.value)}
          >
            <option value="">All campaigns</option>
            {campaignOptions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <ExportCsvButton
            selection={{
              kind: 'content',
              filter: {
                ...(channel ? { channel: channel as Channel } : {}),
                ...(campaignId ? { campaignId } : {}),
              },
            }}
          />
          <button
            type="button"
            className="button primary"
            onClick={() => newItem()}
            title="New content item (n)"
          >
            New content item
          </button>
        </div>
      </header>
      <div className="calendar-nav">
        <div className="toolbar">
          <button
            type="button"
            className="icon-button"
            aria-label={view === 'month' ? 'Previous month' : 'Previous week'}
            onClick={() => step(-1)}
          >
            ‹
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={view === 'month' ? 'Next month' : 'Next week'}
            onClick={() => step(1)}
          >
            ›
          </button>
          <button type="button" className="button" onClick={() => setAnchor(today)}>
            Today
          </button>
          <h2 className="calendar-title" aria-live="polite">
            {title}
          </h2>
        </div>
        <ToggleGroup.Root
          type="single"
          className="segmented"
          aria-label="Calendar view"
          value={view}
          onValueChange={(value) => value && setView(value as View)}
        >
          <ToggleGroup.Item value="month" className="seg-option">
            Month
          </ToggleGroup.Item>
          <ToggleGroup.Item value="week" className="seg-option">
            Week
          </ToggleGroup.Item>
        </ToggleGroup.Root>
      </div>
      {empty && (
        <p className="calendar-hint">
          Plan posts, newsletters and events here across all your campaigns. Add one with “New content item”
          or double-click a day; drag it to another day to reschedule. Items due today also show under{' '}
          <a href="#/today">Today</a>.
        </p>
      )}
      <CalendarGrid
        days={days}
        month={view === 'month' ? anchor.slice(0, 7) : undefined}
        today={today}
        items={inView}
        unscheduled={undated}
        dayLabel={(date) => fmt.day.format(utc(date))}
        weekdayLabels={weekdayLabels}
        onOpen={(item) => setEditing({ item })}
        onNew={newItem}
        onMove={move}
      />
      <ContentPanel editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
