import {
  closestCenter,
  pointerWithin,
  type Announcements,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type KeyboardSensorOptions,
} from '@dnd-kit/core';
import { addDays } from '@shared/domain/dates';

/** Droppable ids are calendar days (`2026-10-22`); draggable ids are content item ids. */

/** Under the pointer when there is one; otherwise (keyboard) the day whose centre is nearest. */
export const dayCollision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : closestCenter(args);
};

const STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** Arrow keys move a dragged item by a day (left/right) or a week (up/down), from cell to cell. */
export const dayKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = STEPS[event.code];
  const { over, active, droppableRects, collisionRect } = context;
  if (step === undefined || !collisionRect) return undefined;
  event.preventDefault();
  const from = over ? String(over.id) : (active?.data.current as { date?: string | null } | undefined)?.date;
  const days = [...droppableRects.keys()].map(String).sort();
  const target = from ? addDays(from, step) : step > 0 ? days[0] : days.at(-1);
  const rect = target ? droppableRects.get(target) : undefined;
  if (!rect) return undefined;
  return {
    x: rect.left + rect.width / 2 - collisionRect.width / 2,
    y: rect.top + rect.height / 2 - collisionRect.height / 2,
  };
};

export const keyboardOptions: KeyboardSensorOptions = {
  coordinateGetter: dayKeyboardCoordinates,
  // Enter opens the item for editing, so only Space picks it up.
  keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
};

export const screenReaderInstructions = {
  draggable:
    'To move this content item to another day, press Space, then the arrow keys: left and right move it a day, up and down a week. Press Space again to drop it there, or Escape to cancel. Press Enter to edit it.',
};

/** Spoken updates while dragging, in words: the item's title and the day under it. */
export function announcements(
  titleOf: (id: string) => string,
  dayOf: (date: string) => string,
): Announcements {
  const day = (id: string | number | undefined) => (id === undefined ? 'no day' : dayOf(String(id)));
  return {
    onDragStart: ({ active }) => `Picked up ${titleOf(String(active.id))}.`,
    onDragOver: ({ active, over }) => `${titleOf(String(active.id))} is over ${day(over?.id)}.`,
    onDragEnd: ({ active, over }) =>
      over
        ? `${titleOf(String(active.id))} moved to ${day(over.id)}.`
        : `${titleOf(String(active.id))} was not moved.`,
    onDragCancel: ({ active }) =>
      `Moving ${titleOf(String(active.id))} was cancelled; it stays where it was.`,
  };
}
