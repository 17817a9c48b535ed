import { useState, type FormEvent } from 'react';
import type { CurrencyPreview } from '@shared/api/settings';
import { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/useUndo';
import { CurrencyDialog } from './CurrencyDialog';
import { currencyChangeEntry } from './currencyUndo';
import { BackupsSection } from './BackupsSection';
import { FormatPreview } from './FormatPreview';
import { TrashSection } from './TrashSection';
import { WorkspaceFields, workspaceSettings, type WorkspaceDraft } from './WorkspaceFields';

export function SettingsPage() {
  const { settings } = useWorkspace();
  return (
    <div className="page">
      <header className="page-header">
        <h1>Settings</h1>
      </header>
      {/* Keyed by the saved settings: after a restore the form shows the restored ones. */}
      <SettingsForm key={JSON.stringify(settings)} />
      <TrashSection />
      <BackupsSection />
    </div>
  );
}

function SettingsForm() {
  const { settings } = useWorkspace();
  const toast = useToast();
  const [draft, setDraft] = useState<WorkspaceDraft>({
    businessName: settings.businessName,
    currency: settings.currency,
    locale: settings.locale,
    fiscalYearStartMonth: String(settings.fiscalYearStartMonth),
    weekStart: String(settings.weekStart),
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState<CurrencyPreview | null>(null);
  const history = useUndo();
  const failed = (e: unknown) =>
    setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) }));

  const save = () => {
    const from = settings.currency;
    client
      .call('settings.update', workspaceSettings(draft))
      .then((saved) => {
        setError(null);
        if (saved.currency === from) return toast.show('Settings saved.');
        history.record(
          currencyChangeEntry(from, saved.currency),
          `Settings saved. The currency is ${saved.currency} now; amounts kept their numbers.`,
        );
      })
      .catch(failed);
  };

  // A currency change that would relabel money asks first; a locale change never touches amounts.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const to = draft.currency.trim().toUpperCase();
    if (to === settings.currency) return save();
    client
      .call('settings.currencyPreview', { currency: to })
      .then((preview) => (preview.relabels ? setAsking(preview) : save()))
      .catch(failed);
  };

  const switchBack = (from: string, to: string) =>
    client
      .call('settings.switchCurrency', { expect: from, currency: to })
      .then(() =>
        history.record(
          currencyChangeEntry(from, to),
          `The currency is ${to} again; amounts kept their numbers.`,
        ),
      )
      .catch(failed);

  return (
    <form className="form narrow" onSubmit={submit} noValidate aria-label="Workspace settings">
      <WorkspaceFields
        draft={draft}
        onField={(field, value) => setDraft((d) => ({ ...d, [field]: value }))}
        issueFor={(field) => error?.issueFor(field)}
      />
      {settings.previousCurrency && settings.previousCurrency !== settings.currency && (
        <p className="field-hint" role="note">
          Changed from {settings.previousCurrency}; amounts kept their numbers.{' '}
          <button
            type="button"
            className="button-link"
            onClick={() => void switchBack(settings.currency, settings.previousCurrency ?? '')}
          >
            Switch back to {settings.previousCurrency}
          </button>
        </p>
      )}
      <FormatPreview locale={draft.locale} currency={draft.currency} />
      <div className="form-actions">
        <button type="submit" className="button primary">
          Save settings
        </button>
      </div>
      <CurrencyDialog
        preview={asking}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          setAsking(null);
          save();
        }}
      />
    </form>
  );
}
