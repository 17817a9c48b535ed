import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { KeyboardEvent } from 'react';
import type { Lead } from '@shared/api/leads';
import { useClock } from '../../lib/clock';
import { useWorkspace } from '../../lib/settings';
import { ACTIVITY_ICONS, activityLabel } from '../leads/activity-types';
import { cardDrop } from './boardModel';

interface Props {
  lead: Lead;
  onOpen(): void;
  onKey(event: KeyboardEvent<HTMLElement>): void;
}

/** A lead on the board: value, contact, next follow-up, and a red "Overdue" mark with an icon when it is late. */
export function BoardCard({ lead, onOpen, onKey }: Props) {
  const { format } = useWorkspace();
  const { today } = useClock();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: lead.id });
  const { setNodeRef: setDropRef, isOver } = useDroppable({ id: cardDrop(lead.id) });
  const next = lead.nextActivity;
  const who = [lead.contactName, lead.companyName].filter(Boolean).join(' · ');
  return (
    <div ref={setDropRef} className={`board-slot${isOver && !isDragging ? ' is-over' : ''}`}>
      <div
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        data-card-id={lead.id}
        className={`board-card${isDragging ? ' is-dragging' : ''}${next?.overdue ? ' is-overdue' : ''}`}
        onClick={onOpen}
        onKeyDown={(e) => {
          listeners?.onKeyDown?.(e);
          if (!e.defaultPrevented && !isDragging) onKey(e);
        }}
      >
        {/* The name comes from the text the card shows; hidden commas and words only make it read well. */}
        <div className="board-card-title">
          {lead.title}
          <span className="visually-hidden">,</span>
        </div>
        {who && (
          <div className="board-card-who">
            {who}
            <span className="visually-hidden">,</span>
          </div>
        )}
        <div className="board-card-meta">
          <span className="money">{format.money(lead.valueMinor)}</span>
          <span className="visually-hidden">,</span>
          {lead.rating !== null && (
            <span className="board-card-rating" title={`Rated ${lead.rating} of 5`}>
              <span aria-hidden="true">★</span> <span className="visually-hidden">rated </span>
              {lead.rating}
              <span className="visually-hidden"> of 5,</span>
            </span>
          )}
        </div>
        <div className={`board-card-next${next?.overdue ? ' sales-overdue' : ''}`}>
          {next ? (
            <>
              <span aria-hidden="true">{next.overdue ? '⚠' : ACTIVITY_ICONS[next.type]} </span>
              {next.overdue
                ? 'Overdue · '
                : next.dueDate === today
                  ? 'Today · '
                  : `${format.date(next.dueDate)} · `}
              <span title={activityLabel(next.type)}>{next.subject}</span>
            </>
          ) : (
            <span className="sales-muted">
              <span aria-hidden="true">○ </span>No follow-up planned
            </span>
          )}
        </div>
      </div>
    </div>
  );
}
