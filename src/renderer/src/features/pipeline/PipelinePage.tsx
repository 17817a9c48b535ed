import { Tabs } from 'radix-ui';
import { useCallback, useEffect, useState } from 'react';
import { onCreateRequest } from '../../app/commands';
import { navigate } from '../../lib/router';
import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { EmptyState } from '../../ui/EmptyState';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import { EnrollForm } from '../cadences/EnrollForm';
import { LeadForm } from '../leads/LeadForm';
import { LeadPanel } from '../leads/LeadPanel';
import { useListEntry } from '../leads/useListEntry';
import { Board } from './Board';
import { ExportCsvButton } from '../exports/ExportCsvButton';
import { LeadFilters, type Filter } from './LeadFilters';
import { LeadsTable } from './LeadsTable';
import { StageEditor } from './StageEditor';
import './pipeline.css';

type View = 'board' | 'table';
const VIEW_KEY = 'tandem.pipeline.view';

/** Leads as a board (one column per stage) or a table, with the lead's panel over either (`#/pipeline/<id>`). */
export function PipelinePage({ params }: { params: string[] }) {
  const { format } = useWorkspace();
  const toast = useToast();
  const [view, setView] = useState<View>(() =>
    localStorage.getItem(VIEW_KEY) === 'table' ? 'table' : 'board',
  );
  const [filter, setFilter] = useState<Filter>({});
  const [creating, setCreating] = useState(false);
  const [editingStages, setEditingStages] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [enrolling, setEnrolling] = useState(false);
  const [tableIds, setTableIds] = useState<string[]>([]);
  const { stageId: _stage, outcome: _outcome, ...boardFilter } = filter;
  const board = useQuery('leads.board', boardFilter);
  // `#/pipeline/new` opens the new-lead form (the "+ New" menu, the palette and the l key go there).
  const creatingFromRoute = params[0] === 'new';
  const openId = params[0] && !creatingFromRoute ? params[0] : null;
  const closeNew = () => {
    setCreating(false);
    if (creatingFromRoute) navigate('pipeline');
  };

  useEffect(() => onCreateRequest((id) => id === 'new-lead' && setCreating(true)), []);
  useListEntry(
    view === 'board' ? '.board [data-card-id]' : '.leads-table [role="row"][data-index]',
    'Pipeline',
  );
  const changeView = (next: string) => {
    const v = next === 'table' ? 'table' : 'board';
    setView(v);
    localStorage.setItem(VIEW_KEY, v);
  };
  const open = useCallback((id: string) => navigate(`pipeline/${id}`), []);
  const sequence =
    view === 'board' ? (board.data?.columns.flatMap((c) => c.cards.map((l) => l.id)) ?? []) : tableIds;
  const totalLeads = board.data?.columns.reduce((n, c) => n + c.count, 0);
  const empty = totalLeads === 0 && Object.keys(boardFilter).length === 0;

  return (
    <div className="page pipeline-page">
      <header className="page-header">
        <div>
          <h1>Pipeline</h1>
          {board.data && (
            <p className="sales-muted pipeline-sum">
              Open pipeline <strong className="money">{format.money(board.data.pipelineValueMinor)}</strong> ·
              weighted <span className="money">{format.money(board.data.weightedPipelineValueMinor)}</span>
            </p>
          )}
        </div>
        <div className="toolbar">
          <ExportCsvButton selection={{ kind: 'leads', filter }} />
          <button type="button" className="button" onClick={() => setEditingStages(true)}>
            Stages
          </button>
          <button
            type="button"
            className="button primary"
            onClick={() => setCreating(true)}
            title="New lead (l)"
            aria-keyshortcuts="l"
          >
            New lead <kbd className="kbd-on-accent">l</kbd>
          </button>
        </div>
      </header>
      {empty ? (
        <EmptyState
          title="No leads yet"
          action={
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              Add your first lead
            </button>
          }
        >
          <p>
            A lead is a deal you are working on: who it is with, what it is worth, where it came from and what
            happens next.
          </p>
          <p>
            Leads in Pipedrive or HubSpot? Bring them in under <a href="#/imports">Imports</a>.
          </p>
        </EmptyState>
      ) : (
        <Tabs.Root value={view} onValueChange={changeView} className="pipeline-tabs">
          <div className="pipeline-bar">
            <Tabs.List aria-label="Pipeline view" className="sales-tabs">
              <Tabs.Trigger value="board">Board</Tabs.Trigger>
              <Tabs.Trigger value="table">Table</Tabs.Trigger>
            </Tabs.List>
            <LeadFilters filter={filter} onFilter={setFilter} table={view === 'table'} />
          </div>
          <Tabs.Content value="board" className="pipeline-content">
            {board.data && (
              <Board
                board={board.data}
                onOpen={open}
                onShowStage={(stageId) => (setFilter({ ...filter, stageId }), changeView('table'))}
              />
            )}
          </Tabs.Content>
          <Tabs.Content value="table" className="pipeline-content">
            {selected.size > 0 && (
              <div className="bulk-bar" role="region" aria-label="Selected leads">
                <span>{selected.size} selected</span>
                <button
                  type="button"
                  className="button primary sales-small"
                  onClick={() => setEnrolling(true)}
                >
                  Enrol in cadence
                </button>
                <button type="button" className="button-link" onClick={() => setSelected(new Set())}>
                  Clear selection
                </button>
              </div>
            )}
            {view === 'table' && (
              <LeadsTable
                filter={filter}
                selected={selected}
                onSelect={setSelected}
                onOpen={open}
                onSequence={setTableIds}
              />
            )}
          </Tabs.Content>
        </Tabs.Root>
      )}
      <LeadPanel id={openId} sequence={sequence} onNavigate={open} onClose={() => navigate('pipeline')} />
      <SidePanel title="New lead" open={creating || creatingFromRoute} onClose={closeNew}>
        {(creating || creatingFromRoute) && (
          <LeadForm
            onCancel={closeNew}
            onSaved={(lead) => {
              closeNew();
              toast.show(`Created “${lead.title}” in ${lead.stageName}.`, {
                action: { label: 'Open', run: () => open(lead.id) },
              });
            }}
          />
        )}
      </SidePanel>
      <SidePanel title="Pipeline stages" open={editingStages} onClose={() => setEditingStages(false)}>
        {editingStages && <StageEditor />}
      </SidePanel>
      <SidePanel
        title={`Enrol ${selected.size} ${selected.size === 1 ? 'lead' : 'leads'} in a cadence`}
        open={enrolling}
        onClose={() => setEnrolling(false)}
      >
        {enrolling && (
          <EnrollForm
            leadIds={[...selected]}
            onCancel={() => setEnrolling(false)}
            onDone={() => {
              setEnrolling(false);
              setSelected(new Set());
            }}
          />
        )}
      </SidePanel>
    </div>
  );
}
