import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Board as BoardData } from '@shared/api/leads';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/useUndo';
import { leadMoveEntry } from '../undo/entries';
import { asApiError } from '../../lib/form-errors';
import { BoardCard } from './BoardCard';
import { useOverflowSides } from './overflowCue';
import { CloseDialog } from './CloseDialog';
import { closingAsks, type Closing } from '../leads/CloseForm';
import {
  applyMove,
  boardCollision,
  keyboardOptions,
  locate,
  parseDrop,
  resetKeyboardAim,
  screenReaderInstructions,
  stageDrop,
  type Column,
} from './boardModel';

interface Props {
  board: BoardData;
  onOpen(id: string): void;
  onShowStage(stageId: string): void;
}

type Move = { id: string; stageId: string; beforeId: string | null };

/** The pipeline as columns; cards move by drag, by dnd-kit's keyboard sensor, or with [ ] and Alt+arrows. */
export function Board({ board, onOpen, onShowStage }: Props) {
  const { format } = useWorkspace();
  const toast = useToast();
  const history = useUndo();
  // Moves show at once; the board from the core takes over once every move is recorded and it has reloaded.
  const [local, setLocal] = useState<{ columns: Column[]; pending: number; until: BoardData | null } | null>(
    null,
  );
  const showLocal = local !== null && (local.pending > 0 || local.until === board);
  const columns = showLocal ? local.columns : board.columns;
  const latest = useRef(board);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [closing, setClosing] = useState<(Move & { outcome: 'won' | 'lost' }) | null>(null);
  const [spoken, setSpoken] = useState('');
  const focusAfter = useRef<string | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const hidden = useOverflowSides(boardRef, columns.length);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, keyboardOptions),
  );
  const cardOf = (id: string) => columns.flatMap((c) => c.cards).find((l) => l.id === id);
  const titleOf = (id: string) => cardOf(id)?.title ?? 'the lead';
  const stageOf = (id: string) => columns.find((c) => c.stage.id === id)?.stage.name ?? 'no stage';

  // A card moved by keyboard keeps the focus in its new column, before the next key arrives.
  useLayoutEffect(() => {
    latest.current = board;
    const aim = focusAfter.current;
    if (!aim) return;
    const card = document.querySelector<HTMLElement>(`[data-card-id="${aim}"]`);
    const focused = document.activeElement;
    if (card && focused !== card && (focused === null || focused === document.body)) card.focus();
    // A card moved to a column off screen (Won, Lost) is brought into view with the focus.
    if (card && document.activeElement === card) card.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  // The pointer takes over from the keyboard: a click elsewhere is not undone by a late reload.
  useEffect(() => {
    const release = () => {
      focusAfter.current = null;
    };
    document.addEventListener('pointerdown', release, true);
    return () => document.removeEventListener('pointerdown', release, true);
  }, []);
  const keepFocus = (id: string) => {
    focusAfter.current = id;
  };

  const move = (m: Move, close?: Closing) => {
    const column = columns.find((c) => c.stage.id === m.stageId);
    if (!column) return;
    const outcome = column.stage.outcome;
    const card = cardOf(m.id);
    // Lost needs a reason unless the lead is lost already; leaving the open stages settles its follow-ups.
    const asks =
      outcome !== 'open' &&
      outcome !== card?.outcome &&
      (outcome === 'lost' || (card?.outcome === 'open' && closingAsks(outcome, card.openFollowUps)));
    if (asks && !close) return setClosing({ ...m, outcome });
    const from = locate(columns, m.id);
    const next = applyMove(columns, m.id, m.stageId, m.beforeId);
    setLocal({ columns: next, pending: (showLocal ? local.pending : 0) + 1, until: null });
    const to = locate(next, m.id);
    const place = to ? `, position ${to.row + 1} of ${next[to.col]?.cards.length ?? 1}` : '';
    const moved = from && columns[from.col]?.stage.id !== m.stageId;
    setSpoken(
      `${moved ? 'Moved' : 'Reordered'} “${titleOf(m.id)}” ${moved ? `to ${column.stage.name}` : `in ${column.stage.name}`}${place}.`,
    );
    // One move after the other, in the order they were made.
    queue.current = queue.current
      .then(() =>
        client.call('leads.move', {
          id: m.id,
          stageId: m.stageId,
          beforeId: m.beforeId,
          ...(close?.lostReason ? { lostReason: close.lostReason } : {}),
          ...(close ? { followUps: close.followUps } : {}),
        }),
      )
      .then(
        (after) => {
          if (card) history.record(leadMoveEntry(card, after, close?.followUps));
          setLocal(
            (l) => l && { ...l, pending: l.pending - 1, until: l.pending === 1 ? latest.current : null },
          );
        },
        (e: unknown) => {
          setLocal(null);
          toast.show(asApiError(e).message, { tone: 'error' });
        },
      );
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    const target = over ? parseDrop(over.id) : null;
    const id = String(active.id);
    if (!target || target.id === id) return;
    if (target.kind === 'stage') return move({ id, stageId: target.id, beforeId: null });
    const at = locate(columns, target.id);
    const stage = at ? columns[at.col]?.stage.id : undefined;
    if (stage) move({ id, stageId: stage, beforeId: target.id });
  };

  const onCardKey = (id: string) => (e: KeyboardEvent<HTMLElement>) => {
    const at = locate(columns, id);
    if (!at) return;
    const { col, row } = at;
    const modified = e.altKey || e.ctrlKey || e.metaKey;
    const focus = (c: number, r: number): boolean => {
      const cards = columns[c]?.cards ?? [];
      const target = cards[Math.max(0, Math.min(r, cards.length - 1))];
      if (!target) return false;
      document.querySelector<HTMLElement>(`[data-card-id="${target.id}"]`)?.focus();
      return true;
    };
    const focusColumn = (by: 1 | -1): boolean => {
      for (let c = col + by; c >= 0 && c < columns.length; c += by) {
        const count = columns[c]?.cards.length ?? 0;
        if (count > 0) return focus(c, by > 0 ? 0 : count - 1);
      }
      return false;
    };
    const stageBy = (by: 1 | -1) => {
      const target = columns[col + by];
      if (!target) return setSpoken(`“${titleOf(id)}” is already in the ${by > 0 ? 'last' : 'first'} stage.`);
      keepFocus(id);
      move({ id, stageId: target.stage.id, beforeId: null });
    };
    const reorder = (by: 1 | -1) => {
      const column = columns[col];
      const cards = column?.cards ?? [];
      if (!column || row + by < 0 || row + by >= cards.length) return;
      keepFocus(id);
      const before = by < 0 ? cards[row - 1] : cards[row + 2];
      move({ id, stageId: column.stage.id, beforeId: before?.id ?? null });
    };
    const plain: Record<string, () => unknown> = {
      Enter: () => onOpen(id),
      ']': () => stageBy(1),
      '[': () => stageBy(-1),
      ArrowRight: () => focus(col + 1, row),
      ArrowLeft: () => focus(col - 1, row),
      ArrowDown: () => focus(col, row + 1),
      ArrowUp: () => focus(col, row - 1),
      j: () => (row + 1 < (columns[col]?.cards.length ?? 0) ? focus(col, row + 1) : focusColumn(1)),
      k: () => (row > 0 ? focus(col, row - 1) : focusColumn(-1)),
    };
    const withModifier: Record<string, () => unknown> = {
      ArrowRight: () => stageBy(1),
      ArrowLeft: () => stageBy(-1),
      ArrowDown: () => reorder(1),
      ArrowUp: () => reorder(-1),
    };
    const action = (modified ? withModifier : plain)[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollision}
      onDragStart={({ active }) => {
        resetKeyboardAim();
        setActiveId(String(active.id));
      }}
      onDragCancel={() => setActiveId(null)}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions,
        announcements: {
          onDragStart: ({ active }) => `Picked up “${titleOf(String(active.id))}”.`,
          onDragOver: ({ active, over }) =>
            `“${titleOf(String(active.id))}” is over ${over ? stageOf(overStage(columns, over.id)) : 'no stage'}.`,
          onDragEnd: ({ active, over }) =>
            over
              ? `Dropped “${titleOf(String(active.id))}” in ${stageOf(overStage(columns, over.id))}.`
              : `“${titleOf(String(active.id))}” was not moved.`,
          onDragCancel: ({ active }) => `Moving “${titleOf(String(active.id))}” was cancelled.`,
        },
      }}
    >
      <div className={`board-frame${hidden.left ? ' hides-left' : ''}${hidden.right ? ' hides-right' : ''}`}>
        <div ref={boardRef} className="board" role="list" aria-label="Pipeline board">
          {columns.map((column) => (
            <BoardColumn key={column.stage.id} column={column} format={format} onShowStage={onShowStage}>
              {column.cards.map((lead) => (
                <BoardCard
                  key={lead.id}
                  lead={lead}
                  onOpen={() => onOpen(lead.id)}
                  onKey={onCardKey(lead.id)}
                />
              ))}
            </BoardColumn>
          ))}
        </div>
        {hidden.left && (
          <button
            type="button"
            className="board-cue board-cue-left"
            tabIndex={-1}
            aria-hidden="true"
            onClick={() => boardRef.current?.scrollBy({ left: -260, behavior: 'smooth' })}
          >
            ← More stages
          </button>
        )}
        {hidden.right && (
          <button
            type="button"
            className="board-cue board-cue-right"
            tabIndex={-1}
            aria-hidden="true"
            onClick={() => boardRef.current?.scrollBy({ left: 260, behavior: 'smooth' })}
          >
            More stages →
          </button>
        )}
      </div>
      <DragOverlay dropAnimation={null}>
        {activeId ? <div className="board-card is-overlay">{titleOf(activeId)}</div> : null}
      </DragOverlay>
      <p className="visually-hidden" aria-live="assertive" role="status">
        {spoken}
      </p>
      <CloseDialog
        title={closing ? titleOf(closing.id) : ''}
        outcome={closing?.outcome ?? 'lost'}
        openFollowUps={closing ? (cardOf(closing.id)?.openFollowUps ?? 0) : 0}
        open={closing !== null}
        onCancel={() => setClosing(null)}
        onConfirm={(close) => {
          if (closing) move(closing, close);
          setClosing(null);
        }}
      />
    </DndContext>
  );
}

function overStage(columns: Column[], overId: string | number): string {
  const target = parseDrop(overId);
  if (!target) return '';
  if (target.kind === 'stage') return target.id;
  const at = locate(columns, target.id);
  return at ? (columns[at.col]?.stage.id ?? '') : '';
}

function BoardColumn({
  column,
  format,
  onShowStage,
  children,
}: {
  column: Column;
  format: { money(n: number): string };
  onShowStage(id: string): void;
  children: ReactNode;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: stageDrop(column.stage.id) });
  const { stage } = column;
  return (
    <section
      ref={setNodeRef}
      role="listitem"
      aria-label={`${stage.name}: ${column.count} ${column.count === 1 ? 'lead' : 'leads'}, ${format.money(column.totalValueMinor)}`}
      className={`board-column board-${stage.outcome}${isOver ? ' is-over' : ''}`}
    >
      <header className="board-column-head">
        <h2>
          {stage.outcome === 'won' && <span aria-hidden="true">✓ </span>}
          {stage.outcome === 'lost' && <span aria-hidden="true">✕ </span>}
          {stage.name}
        </h2>
        <span className="board-count" aria-hidden="true">
          {column.count}
        </span>
        <div className="board-total">
          <span className="money" aria-hidden="true">
            {format.money(column.totalValueMinor)}
          </span>
          <span className="sales-muted"> · {stage.probability} %</span>
        </div>
      </header>
      <div className="board-cards">
        {children}
        {column.count === 0 && <p className="board-empty">Drop a lead here</p>}
        {column.hasMore && (
          <button type="button" className="button-link" onClick={() => onShowStage(stage.id)}>
            {column.count - column.cards.length} more in the table →
          </button>
        )}
      </div>
    </section>
  );
}
