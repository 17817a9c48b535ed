import { useState, type FormEvent } from 'react';
import type { SettingsUpdate } from '@shared/api/settings';
import { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { Field, SelectField } from '../../ui/Field';
import { useToast } from '../../ui/toast';
import { BackupsSection } from './BackupsSection';
import { FormatPreview } from './FormatPreview';
import { TrashSection } from './TrashSection';
import { CURRENCIES, LOCALES, MONTHS, WEEK_STARTS } from './choices';

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
  const [draft, setDraft] = useState({
    businessName: settings.businessName,
    currency: settings.currency,
    locale: settings.locale,
    fiscalYearStartMonth: String(settings.fiscalYearStartMonth),
    weekStart: String(settings.weekStart),
  });
  const [error, setError] = useState<ApiError | null>(null);
  const set = (field: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const update: SettingsUpdate = {
      businessName: draft.businessName,
      currency: draft.currency,
      locale: draft.locale,
      fiscalYearStartMonth: Number(draft.fiscalYearStartMonth),
      weekStart: draft.weekStart === '0' ? 0 : 1,
    };
    client
      .call('settings.update', update)
      .then(() => {
        setError(null);
        toast.show('Settings saved.');
      })
      .catch((e: unknown) =>
        setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', message: String(e) })),
      );
  };

  return (
    <form className="form narrow" onSubmit={submit} noValidate aria-label="Workspace settings">
      <Field
        label="Business name"
        required
        value={draft.businessName}
        onValue={set('businessName')}
        error={error?.issueFor('businessName')}
      />
      <div className="form-row">
        <SelectField
          label="Currency"
          value={draft.currency}
          options={CURRENCIES}
          onValue={set('currency')}
          error={error?.issueFor('currency')}
        />
        <SelectField
          label="Number and date format"
          value={draft.locale}
          options={LOCALES}
          onValue={set('locale')}
          error={error?.issueFor('locale')}
        />
      </div>
      <div className="form-row">
        <SelectField
          label="Fiscal year starts in"
          value={draft.fiscalYearStartMonth}
          options={MONTHS}
          onValue={set('fiscalYearStartMonth')}
        />
        <SelectField
          label="Weeks start on"
          value={draft.weekStart}
          options={WEEK_STARTS}
          onValue={set('weekStart')}
        />
      </div>
      <FormatPreview locale={draft.locale} currency={draft.currency} />
      <div className="form-actions">
        <button type="submit" className="button primary">
          Save settings
        </button>
      </div>
    </form>
  );
}
