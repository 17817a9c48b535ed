import { useCallback, useRef, useState } from 'react';
import { client } from '../../lib/client';
import { navigate } from '../../lib/router';
import { useQuery } from '../../lib/useQuery';
import { useToast } from '../../ui/toast';
import { History } from './History';
import { JobView } from './JobView';
import { MappingScreen } from './MappingScreen';
import { StartPanel } from './StartPanel';
import { useFileChoice, type Chosen } from './useFileChoice';
import '../campaigns/campaigns.css';
import './imports.css';

/**
 * Imports: choose a file, confirm how it is read, watch it import, and undo it later. Routes: `#/imports`
 * (start, mapping and history), `#/imports/<job id>` one import's progress and result.
 */
export function ImportsPage({ params }: { params: string[] }) {
  const jobId = params[0];
  const toast = useToast();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const openInput = useCallback(() => inputRef.current?.click(), []);
  const choice = useFileChoice(setChosen, openInput);
  const history = useQuery('imports.list', { limit: 50 });
  const jobs = history.data?.rows ?? [];

  const changeSheet = (sheet: string) => {
    if (!chosen) return;
    client
      .call('imports.inspect', { path: chosen.inspection.path, sheet })
      .then((inspection) => setChosen({ ...chosen, inspection }))
      .catch((error: unknown) =>
        toast.show(error instanceof Error ? error.message : String(error), { tone: 'error' }),
      );
  };

  return (
    <div className="page imports-page">
      <header className="page-header">
        <h1>Imports</h1>
      </header>
      {jobId ? (
        <JobView key={jobId} id={jobId} onImportAnother={() => navigate('imports')} />
      ) : chosen ? (
        <MappingScreen
          key={`${chosen.inspection.path}:${chosen.inspection.sheet ?? ''}`}
          inspection={chosen.inspection}
          sourcePath={chosen.sourcePath}
          onSheet={changeSheet}
          onCancel={() => setChosen(null)}
          onStarted={(job) => {
            setChosen(null);
            navigate(`imports/${job.id}`);
          }}
        />
      ) : (
        <>
          <StartPanel
            reading={choice.reading}
            rejection={choice.rejection}
            compact={jobs.length > 0}
            onChoose={() => void choice.choose()}
            onFile={choice.take}
            onDismiss={choice.clear}
            inputRef={inputRef}
          />
          <History jobs={jobs} total={history.data?.total ?? 0} />
        </>
      )}
    </div>
  );
}
