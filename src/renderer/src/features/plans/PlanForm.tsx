import { useState, type FormEvent } from 'react';
import type { Plan } from '@shared/api/plans';
import type { ApiError, FieldIssue } from '@shared/contract/result';
import { planPeriodText } from '@shared/domain/active-period';
import { periodRange, type PeriodKind } from '@shared/domain/periods';
import { client } from '../../lib/client';
import { usePeriod } from '../../lib/period';
import { useWorkspace } from '../../lib/settings';
import { Field, SelectField } from '../../ui/Field';
import { countInputText, moneyInputText, parseCountInput, parseMoneyInput } from '@shared/domain/money-input';
import { asApiError, fieldIssue, localError } from '../../lib/form-errors';

const KINDS = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
  { value: 'custom', label: 'Custom dates' },
] as const;

const GOALS = [
  { key: 'revenueMinor', label: 'Revenue goal', money: true },
  { key: 'leads', label: 'Leads goal', money: false },
  { key: 'qualifiedLeads', label: 'Qualified leads goal', money: false },
  { key: 'budgetMinor', label: 'Marketing budget', money: true },
] as const;
type GoalKey = (typeof GOALS)[number]['key'];

/** New plan, or the plan's name, period and goals; one save, errors next to their fields. */
export function PlanForm({ plan, onSaved }: { plan?: Plan; onSaved(plan: Plan): void }) {
  const { settings, format } = useWorkspace();
  const { period } = usePeriod();
  const fy = settings.fiscalYearStartMonth;
  const [draft, setDraft] = useState(() => ({
    name: plan?.name ?? `Marketing plan ${period.label}`,
    // A plan has no week kind: a week becomes a custom plan period with the same days.
    periodKind: (plan?.periodKind ?? (period.kind === 'week' ? 'custom' : period.kind)) as PeriodKind,
    startDate: plan?.startDate ?? period.range.startDate,
    endDate: plan?.endDate ?? period.range.endDate,
    revenueMinor: moneyInputText(plan?.goals.revenueMinor, settings.locale, settings.currency),
    leads: countInputText(plan?.goals.leads),
    qualifiedLeads: countInputText(plan?.goals.qualifiedLeads),
    budgetMinor: moneyInputText(plan?.goals.budgetMinor, settings.locale, settings.currency),
  }));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const custom = draft.periodKind === 'custom';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const issues: FieldIssue[] = [];
    const goals: Partial<Record<GoalKey, number | null>> = {};
    for (const goal of GOALS) {
      const parsed = goal.money
        ? parseMoneyInput(draft[goal.key], settings.locale, settings.currency)
        : parseCountInput(draft[goal.key], settings.locale);
      if (parsed.ok) goals[goal.key] = parsed.value;
      else issues.push({ field: `goals.${goal.key}`, message: parsed.message });
    }
    if (issues.length > 0) return setError(localError(issues));
    const fields = {
      name: draft.name,
      periodKind: draft.periodKind,
      startDate: draft.startDate,
      ...(custom ? { endDate: draft.endDate } : {}),
      goals,
    };
    setSaving(true);
    const request = plan
      ? client.call('plans.update', { id: plan.id, patch: fields })
      : client.call('plans.create', fields);
    request
      .then((saved) => {
        setError(null);
        onSaved(saved);
      })
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setSaving(false));
  };

  const issue = (field: string) => fieldIssue(error, field);
  const preview = (() => {
    if (custom || !draft.startDate) return null;
    try {
      const range = periodRange(draft.periodKind as Exclude<PeriodKind, 'custom'>, draft.startDate, fy);
      return `${planPeriodText(draft.periodKind, range, fy, settings.locale)}: ${format.date(range.startDate)} – ${format.date(range.endDate)}`;
    } catch {
      return null;
    }
  })();

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={plan ? 'Edit plan' : 'New plan'}>
      <Field label="Name" value={draft.name} onValue={set('name')} error={issue('name')} required autoFocus />
      <div className="form-row">
        <SelectField
          label="Period"
          value={draft.periodKind}
          options={KINDS}
          onValue={set('periodKind')}
          error={issue('periodKind')}
        />
        <Field
          label={custom ? 'Start date' : 'Any day in the period'}
          type="date"
          value={draft.startDate}
          onValue={set('startDate')}
          error={issue('startDate')}
          hint={preview}
        />
      </div>
      {custom && (
        <Field
          label="End date"
          type="date"
          value={draft.endDate}
          onValue={set('endDate')}
          error={issue('endDate')}
        />
      )}
      <fieldset className="fieldset">
        <legend>Goals for the period</legend>
        <p className="field-hint">
          Leave a goal empty if you do not want to track it. Money in {settings.currency}.
        </p>
        <div className="form-row">
          {GOALS.map((goal) => (
            <Field
              key={goal.key}
              label={goal.label}
              inputMode={goal.money ? 'decimal' : 'numeric'}
              value={draft[goal.key]}
              onValue={set(goal.key)}
              error={issue(`goals.${goal.key}`)}
            />
          ))}
        </div>
      </fieldset>
      {error && error.issues.length === 0 && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          {plan ? 'Save changes' : 'Create plan'}
        </button>
      </div>
    </form>
  );
}
