import type { SettingsUpdate } from '@shared/api/settings';
import { Field, SelectField } from '../../ui/Field';
import { CURRENCIES, LOCALES, MONTHS, WEEK_STARTS } from './choices';

/** The workspace's own settings as a form holds them (select values are strings). */
export interface WorkspaceDraft {
  businessName: string;
  currency: string;
  locale: string;
  weekStart: string;
  fiscalYearStartMonth: string;
}

/** The draft's settings as `settings.update` and `workspace.setup` take them. */
export function workspaceSettings(
  draft: WorkspaceDraft,
): Required<
  Pick<SettingsUpdate, 'businessName' | 'currency' | 'locale' | 'weekStart' | 'fiscalYearStartMonth'>
> {
  return {
    businessName: draft.businessName,
    currency: draft.currency,
    locale: draft.locale,
    weekStart: draft.weekStart === '0' ? 0 : 1,
    fiscalYearStartMonth: Number(draft.fiscalYearStartMonth),
  };
}

interface Props {
  draft: WorkspaceDraft;
  onField(field: keyof WorkspaceDraft, value: string): void;
  /** The error the core gave for a field, if any. */
  issueFor(field: keyof WorkspaceDraft): string | undefined;
  autoFocus?: boolean;
}

/**
 * Business name, currency, number and date format, week start and fiscal year: asked the same way at
 * first start and in Settings.
 */
export function WorkspaceFields({ draft, onField, issueFor, autoFocus }: Props) {
  const set = (field: keyof WorkspaceDraft) => (value: string) => onField(field, value);
  // A currency the list does not name (suggested from the system, or saved before) is offered as well.
  const currencies = CURRENCIES.some((c) => c.value === draft.currency)
    ? CURRENCIES
    : [...CURRENCIES, { value: draft.currency, label: draft.currency }];
  return (
    <>
      <Field
        label="Business name"
        required
        value={draft.businessName}
        onValue={set('businessName')}
        error={issueFor('businessName')}
        maxLength={120}
        autoFocus={autoFocus}
      />
      <div className="form-row">
        <SelectField
          label="Currency"
          value={draft.currency}
          options={currencies}
          onValue={set('currency')}
          error={issueFor('currency')}
        />
        <SelectField
          label="Number and date format"
          value={draft.locale}
          options={LOCALES}
          onValue={set('locale')}
          error={issueFor('locale')}
          hint="Its country is also that of phone numbers written without a calling code."
        />
      </div>
      <div className="form-row">
        <SelectField
          label="Weeks start on"
          value={draft.weekStart}
          options={WEEK_STARTS}
          onValue={set('weekStart')}
        />
        <SelectField
          label="Fiscal year starts in"
          value={draft.fiscalYearStartMonth}
          options={MONTHS}
          onValue={set('fiscalYearStartMonth')}
        />
      </div>
    </>
  );
}
