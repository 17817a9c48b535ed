import { useState } from 'react';
import { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';

/** First start: a realistic demo business to explore, or a clean workspace for real data. */
export function Onboarding() {
  const [busy, setBusy] = useState<'demo' | 'empty' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = (mode: 'demo' | 'empty') => {
    setBusy(mode);
    client
      .call('workspace.setup', { mode })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)))
      .finally(() => setBusy(null));
  };
  return (
    <main className="onboarding">
      <h1>Welcome to Tandem</h1>
      <p className="lead">
        One place for both hats: plan your marketing, run campaigns, follow up every lead, and see what pays
        off. Everything stays in a file on this computer.
      </p>
      <div className="choices">
        <button type="button" className="choice" onClick={() => choose('demo')} disabled={busy !== null}>
          <strong>Explore the demo business</strong>
          <span>
            A coffee roaster with nine months of campaigns, leads in every stage, follow-ups due and orders.
          </span>
        </button>
        <button type="button" className="choice" onClick={() => choose('empty')} disabled={busy !== null}>
          <strong>Start with an empty workspace</strong>
          <span>Add your own contacts or import them from the tools you use today.</span>
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
