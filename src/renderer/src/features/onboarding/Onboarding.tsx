import { useMemo, useState } from 'react';
import type { SettingsUpdate } from '@shared/api/settings';
import { ApiError } from '@shared/contract/result';
import { createFormatter } from '@shared/domain/format';
import { closestLocale, dateOrderOf, localeDefaults, type DateOrder } from '@shared/domain/locale-defaults';
import { client } from '../../lib/client';
import { LOCALE_TAGS } from '../settings/choices';
import { WorkspaceFields, workspaceSettings, type WorkspaceDraft } from '../settings/WorkspaceFields';

const ORDER_WORDS: Record<DateOrder, string> = {
  dmy: 'day, month, year',
  mdy: 'month, day, year',
  ymd: 'year, month, day',
};

/** What the first start suggests: from the system's language (the browser's, or the OS's in the app). */
function suggested(language: string): WorkspaceDraft {
  const d = localeDefaults(language);
  return {
    businessName: '',
    currency: d.currency,
    locale: closestLocale(language, LOCALE_TAGS),
    weekStart: String(d.weekStart),
    fiscalYearStartMonth: '1',
  };
}

/**
 * First start: who the business is and how it writes money and dates (suggested from the system's
 * language), then a realistic demo business to explore or a clean workspace for real data.
 */
export function Onboarding() {
  const [draft, setDraft] = useState(() => suggested(navigator.language));
  const [busy, setBusy] = useState<'demo' | 'empty' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const preview = useMemo(() => {
    const format = createFormatter(draft.locale, draft.currency);
    return `Money shows like ${format.money(123456)}; dates like ${format.date('2026-03-31')} (${ORDER_WORDS[dateOrderOf(draft.locale)]}).`;
  }, [draft.locale, draft.currency]);

  const choose = (mode: 'demo' | 'empty') => {
    // The demo business keeps its own name and currency.
    const { businessName, currency, ...formats } = workspaceSettings(draft);
    const settings: SettingsUpdate = mode === 'empty' ? { businessName, currency, ...formats } : formats;
    setBusy(mode);
    client
      .call('workspace.setup', { mode, settings })
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) })),
      )
      .finally(() => setBusy(null));
  };
  // An error the fields show next to themselves is not repeated below the choices.
  const fieldError = (['businessName', 'currency', 'locale'] as const).some((f) =>
    error?.issueFor(`settings.${f}`),
  );
  const otherError = error && !fieldError ? error.message : null;

  return (
    <main className="onboarding">
      <h1>Welcome to Tandem</h1>
      <p className="lead">
        One place for both hats: plan your marketing, run campaigns, follow up every lead, and see what pays
        off. Everything stays in a file on this computer.
      </p>
      <form className="form" aria-label="Your business" onSubmit={(e) => e.preventDefault()} noValidate>
        <h2>Your business</h2>
        <WorkspaceFields
          draft={draft}
          onField={(field, value) => setDraft((d) => ({ ...d, [field]: value }))}
          issueFor={(field) => error?.issueFor(`settings.${field}`)}
          autoFocus
        />
        <p className="field-hint" aria-live="polite" data-testid="format-preview">
          {preview} All of it can be changed later in Settings.
        </p>
      </form>
      <h2>How do you want to start?</h2>
      <div className="choices">
        <button type="button" className="choice" onClick={() => choose('empty')} disabled={busy !== null}>
          <strong>Start with an empty workspace</strong>
          <span>Add your own contacts or import them from the tools you use today.</span>
        </button>
        <button type="button" className="choice" onClick={() => choose('demo')} disabled={busy !== null}>
          <strong>Explore the demo business</strong>
          <span>
            A coffee roaster with nine months of campaigns, leads in every stage, follow-ups due and orders.
            It keeps its own name and US dollars; the format, week and fiscal year above apply.
          </span>
        </button>
      </div>
      {otherError && (
        <p className="field-error" role="alert">
          {otherError}
        </p>
      )}
    </main>
  );
}
