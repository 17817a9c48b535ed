import {
  closestCenter,
  pointerWithin,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
  type KeyboardSensorOptions,
} from '@dnd-kit/core';
import type { Board, Lead } from '@shared/api/leads';

/** Droppable ids: `stage:<id>` for a column (drop last), `card:<id>` for a card (drop before it). */
export const stageDrop = (id: string) => `stage:${id}`;
export const cardDrop = (id: string) => `card:${id}`;
export const parseDrop = (id: string | number): { kind: 'stage' | 'card'; id: string } | null => {
  const [kind, rest] = String(id).split(/:(.*)/s);
  return (kind === 'stage' || kind === 'card') && rest ? { kind, id: rest } : null;
};

export type Column = Board['columns'][number];

/** The board with one card moved, shown at once while the core records the move. */
export function applyMove(
  columns: Column[],
  leadId: string,
  stageId: string,
  beforeId: string | null,
): Column[] {
  const card = columns.flatMap((c) => c.cards).find((l) => l.id === leadId);
  if (!card) return columns;
  return columns.map((column) => {
    let cards = column.cards.filter((l) => l.id !== leadId);
    const had = cards.length !== column.cards.length;
    let { count, totalValueMinor } = column;
    if (had) {
      count -= 1;
      totalValueMinor -= card.valueMinor;
    }
    if (column.stage.id === stageId) {
      const moved: Lead = { ...card, stageId, stageName: column.stage.name, outcome: column.stage.outcome };
      const at = beforeId ? cards.findIndex((l) => l.id === beforeId) : -1;
      cards = at < 0 ? [...cards, moved] : [...cards.slice(0, at), moved, ...cards.slice(at)];
      count += 1;
      totalValueMinor += card.valueMinor;
    }
    return { ...column, cards, count, totalValueMinor };
  });
}

/** Where a card is: its column index and its place in that column. */
export function locate(columns: Column[], leadId: string): { col: number; row: number } | null {
  for (let col = 0; col < columns.length; col++) {
    const row = columns[col]?.cards.findIndex((l) => l.id === leadId) ?? -1;
    if (row >= 0) return { col, row };
  }
  return null;
}

/** Under the pointer, cards before columns (drop before that card); by keyboard, the nearest column. */
export const boardCollision: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const hits = pointerWithin(args);
    const cards = hits.filter((h) => parseDrop(h.id)?.kind === 'card');
    return cards.length > 0 ? cards : hits;
  }
  return closestCenter({
    ...args,
    droppableContainers: args.droppableContainers.filter((c) => parseDrop(c.id)?.kind === 'stage'),
  });
};

/**
 * The column the last arrow key aimed at: quick presses arrive before dnd-kit has worked out what the card
 * is over, so each press starts from where the previous one went.
 */
let aimed: { active: string; column: string } | null = null;
export const resetKeyboardAim = () => {
  aimed = null;
};

/** Arrow keys carry a picked-up card from column to column. */
const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  const { over, droppableRects, collisionRect, droppableContainers, active } = context;
  if (!step || !collisionRect) return undefined;
  event.preventDefault();
  const columns = droppableContainers
    .getEnabled()
    .filter((c) => parseDrop(c.id)?.kind === 'stage')
    .map((c) => ({ id: c.id, rect: droppableRects.get(c.id) }))
    .filter((c): c is { id: string; rect: NonNullable<typeof c.rect> } => Boolean(c.rect))
    .sort((a, b) => a.rect.left - b.rect.left);
  const activeId = String(active?.id ?? '');
  const fromId = aimed?.active === activeId ? aimed.column : over?.id;
  const current = columns.findIndex((c) => c.id === fromId);
  const from =
    current >= 0
      ? current
      : columns.findIndex(
          (c) => c.rect.left <= collisionRect.left && collisionRect.left < c.rect.left + c.rect.width,
        );
  const target = columns[Math.max(0, Math.min(columns.length - 1, from + step))];
  if (!target) return undefined;
  aimed = { active: activeId, column: String(target.id) };
  return { x: target.rect.left + target.rect.width / 2 - collisionRect.width / 2, y: target.rect.top + 48 };
};

export const keyboardOptions: KeyboardSensorOptions = {
  coordinateGetter: columnCoordinates,
  // Enter opens the lead, so only Space picks a card up.
  keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
};

export const screenReaderInstructions = {
  draggable:
    'Press ] or Alt+Right arrow to move this lead to the next stage, [ or Alt+Left arrow to the previous one, Alt+Up or Down to reorder it. Or press Space to pick it up, Left and Right arrows to choose a stage, and Space to drop it. Enter opens the lead.',
};
