import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useMemo, useState } from 'react';
import type { ContentItem } from '@shared/api/content';
import { channelLabel } from '../campaigns/channels';
import { CONTENT_STATUSES, labelOf } from '../campaigns/choices';
import { announcements, dayCollision, keyboardOptions, screenReaderInstructions } from './calendarDnd';

const STATUS_MARK: Record<string, string> = { idea: '○', draft: '◐', scheduled: '◷', published: '✓' };

interface Props {
  days: string[];
  /** `YYYY-MM` in the month view, to quieten the days of the neighbouring months. */
  month?: string;
  today: string;
  items: ContentItem[];
  unscheduled: ContentItem[];
  dayLabel(date: string): string;
  weekdayLabels: string[];
  onOpen(item: ContentItem): void;
  onNew(date: string): void;
  onMove(item: ContentItem, date: string): void;
}

function describe(item: ContentItem): string {
  const campaign = item.campaignName ? `, ${item.campaignName}` : '';
  return `${item.title} — ${labelOf(CONTENT_STATUSES, item.status)}, ${channelLabel(item.channel)}${campaign}`;
}

function Chip({
  item,
  detailed,
  onOpen,
}: {
  item: ContentItem;
  detailed: boolean;
  onOpen(item: ContentItem): void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: item.id,
    data: { date: item.scheduledDate },
  });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      title={describe(item)}
      className={`chip chip-${item.status}${isDragging ? ' chip-dragging' : ''}`}
      {...listeners}
      onClick={() => onOpen(item)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen(item);
        else listeners?.onKeyDown?.(event);
      }}
    >
      <span className="chip-mark" aria-hidden="true">
        {STATUS_MARK[item.status]}
      </span>
      <span className="chip-title">{item.title}</span>
      {/* The name is the text shown; what a compact chip leaves out is read, not shown. */}
      <span className="visually-hidden"> — </span>
      {detailed ? (
        <span className="chip-meta">
          {labelOf(CONTENT_STATUSES, item.status)} · {channelLabel(item.channel)}
          {item.campaignName && ` · ${item.campaignName}`}
        </span>
      ) : (
        <span className="visually-hidden">{describe(item).slice(item.title.length + 3)}</span>
      )}
    </div>
  );
}

function Day(props: {
  date: string;
  label: string;
  outside: boolean;
  isToday: boolean;
  detailed: boolean;
  items: ContentItem[];
  onOpen(item: ContentItem): void;
  onNew(date: string): void;
}) {
  const { date, label, items } = props;
  const { setNodeRef, isOver } = useDroppable({ id: date });
  const classes = ['day', props.outside && 'day-outside', props.isToday && 'day-today', isOver && 'day-over']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={setNodeRef}
      className={classes}
      role="group"
      aria-label={label}
      onDoubleClick={(e) => !(e.target as HTMLElement).closest('.chip, button') && props.onNew(date)}
    >
      <div className="day-head">
        <span className="day-number" aria-hidden="true">
          {Number(date.slice(8))}
        </span>
        {props.isToday && <span className="today-mark">Today</span>}
        <button
          type="button"
          className="day-add"
          tabIndex={-1}
          aria-label={`New content item on ${label}`}
          onClick={() => props.onNew(date)}
        >
          +
        </button>
      </div>
      <div className="day-items">
        {items.map((item) => (
          <Chip key={item.id} item={item} detailed={props.detailed} onOpen={props.onOpen} />
        ))}
      </div>
    </div>
  );
}

/** The month or week grid and the undated ideas, with items dragged between days by pointer or keyboard. */
export function CalendarGrid({
  days,
  month,
  today,
  items,
  unscheduled,
  dayLabel,
  weekdayLabels,
  onOpen,
  onNew,
  onMove,
}: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, keyboardOptions),
  );
  const [dragging, setDragging] = useState<ContentItem | null>(null);
  const all = useMemo(() => [...items, ...unscheduled], [items, unscheduled]);
  const byDay = useMemo(() => {
    const map = new Map<string, ContentItem[]>();
    for (const item of items)
      if (item.scheduledDate) map.set(item.scheduledDate, [...(map.get(item.scheduledDate) ?? []), item]);
    return map;
  }, [items]);
  const titleOf = (id: string) => all.find((i) => i.id === id)?.title ?? 'the item';
  const detailed = !month;

  const end = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const item = all.find((i) => i.id === active.id);
    if (item && over && over.id !== item.scheduledDate) onMove(item, String(over.id));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={dayCollision}
      accessibility={{ announcements: announcements(titleOf, dayLabel), screenReaderInstructions }}
      onDragStart={({ active }) => setDragging(all.find((i) => i.id === active.id) ?? null)}
      onDragCancel={() => setDragging(null)}
      onDragEnd={end}
    >
      <div className="calendar-body">
        <div className={`calendar-grid${detailed ? ' week' : ''}`}>
          {weekdayLabels.map((w) => (
            <div key={w} className="weekday" aria-hidden="true">
              {w}
            </div>
          ))}
          {days.map((date) => (
            <Day
              key={date}
              date={date}
              label={dayLabel(date)}
              outside={month !== undefined && !date.startsWith(month)}
              isToday={date === today}
              detailed={detailed}
              items={byDay.get(date) ?? []}
              onOpen={onOpen}
              onNew={onNew}
            />
          ))}
        </div>
        <aside className="unscheduled" aria-labelledby="unscheduled-heading">
          <h2 id="unscheduled-heading">Ideas without a date</h2>
          {unscheduled.length === 0 ? (
            <p className="muted small">Items without a date wait here; drag one onto a day to schedule it.</p>
          ) : (
            <div className="day-items">
              {unscheduled.map((item) => (
                <Chip key={item.id} item={item} detailed onOpen={onOpen} />
              ))}
            </div>
          )}
        </aside>
      </div>
      <DragOverlay dropAnimation={null}>
        {dragging && (
          <div className={`chip chip-${dragging.status} chip-overlay`}>
            <span className="chip-mark" aria-hidden="true">
              {STATUS_MARK[dragging.status]}
            </span>
            <span className="chip-title">{dragging.title}</span>
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
