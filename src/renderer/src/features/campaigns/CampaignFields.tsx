import { trackingCodeProblem } from '@shared/domain/utm';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { useWorkspace } from '../../lib/settings';
import { planPeriod } from '../plans/planPeriod';
import { useQuery } from '../../lib/useQuery';
import type { CampaignDraft, DraftField } from './campaignDraft';
import { CHANNEL_OPTIONS } from './channels';
import { CAMPAIGN_STATUSES, OBJECTIVES } from './choices';

interface Props {
  draft: CampaignDraft;
  issue(field: DraftField): string | undefined;
  onValue(field: DraftField, value: string): void;
  /** Editing an existing campaign: each field is saved when the user leaves it (selects at once). */
  onCommit?(field: DraftField, value: string): void;
  autoFocus?: boolean;
}

/** The campaign's fields, laid out once for the "New campaign" form and for the campaign page. */
export function CampaignFields({ draft, issue, onValue, onCommit, autoFocus }: Props) {
  const { settings } = useWorkspace();
  const plans = useQuery('plans.list', {});
  const planOptions = [
    { value: '', label: 'No plan' },
    ...(plans.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${planPeriod(p, settings)})` })),
  ];
  const text = (field: DraftField, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field
      label={label}
      value={draft[field]}
      onValue={(v) => onValue(field, v)}
      onBlur={() => onCommit?.(field, draft[field])}
      onKeyDown={(e) => {
        if (onCommit && e.key === 'Enter') onCommit(field, draft[field]);
      }}
      error={issue(field)}
      {...extra}
    />
  );
  const select = (field: DraftField, label: string, options: readonly { value: string; label: string }[]) => (
    <SelectField
      label={label}
      value={draft[field]}
      options={options}
      error={issue(field)}
      onValue={(v) => {
        onValue(field, v);
        onCommit?.(field, v);
      }}
    />
  );
  const money = { inputMode: 'decimal' as const };
  const codeHint = draft.trackingCode.trim() ? trackingCodeProblem(draft.trackingCode.trim()) : null;

  return (
    <>
      {text('name', 'Name', { required: true, autoFocus })}
      <div className="form-row">
        {select('channel', 'Channel', CHANNEL_OPTIONS)}
        {select('objective', 'Objective', OBJECTIVES)}
      </div>
      <div className="form-row">
        {select('status', 'Status', CAMPAIGN_STATUSES)}
        {select('planId', 'Plan', planOptions)}
      </div>
      <div className="form-row">
        {text('startDate', 'Start date', { type: 'date' })}
        {text('endDate', 'End date', { type: 'date' })}
      </div>
      <div className="form-row">
        {text('budgetMinor', `Budget (${settings.currency})`, money)}
        {text('targetRevenueMinor', `Revenue target (${settings.currency})`, money)}
      </div>
      <div className="form-row">
        {text('targetLeads', 'Leads target', { inputMode: 'numeric' })}
        {text('trackingCode', 'Tracking code', {
          spellCheck: false,
          autoCapitalize: 'off',
          hint: codeHint ?? 'Its utm_campaign: lowercase, no spaces. Left empty, it is made from the name.',
        })}
      </div>
      <TextAreaField
        label="Key message"
        value={draft.keyMessage}
        onValue={(v) => onValue('keyMessage', v)}
        onBlur={() => onCommit?.('keyMessage', draft.keyMessage)}
        error={issue('keyMessage')}
        hint="The one thing this campaign should say."
      />
      {text('landingUrl', 'Landing page', { type: 'url', placeholder: 'https://…' })}
    </>
  );
}
