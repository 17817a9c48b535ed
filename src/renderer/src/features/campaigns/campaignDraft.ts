import type { Campaign, CampaignCreate, CampaignPatch } from '@shared/api/campaigns';
import type { ApiError, FieldIssue } from '@shared/contract/result';
import {
  moneyInputText,
  countInputText,
  parseCountInput,
  parseMoneyInput,
  type InputResult,
} from '@shared/domain/money-input';
import { localError } from '../../lib/form-errors';

/** What the campaign form edits: every field as typed text, keyed like the API's fields. */
export interface CampaignDraft {
  name: string;
  planId: string;
  channel: string;
  objective: string;
  status: string;
  startDate: string;
  endDate: string;
  budgetMinor: string;
  targetLeads: string;
  targetRevenueMinor: string;
  keyMessage: string;
  trackingCode: string;
  landingUrl: string;
}
export type DraftField = keyof CampaignDraft;

interface Locale {
  locale: string;
  currency: string;
}

export function draftOf(
  c: Campaign | undefined,
  ws: Locale,
  defaults: Partial<CampaignDraft> = {},
): CampaignDraft {
  return {
    name: c?.name ?? '',
    planId: c?.planId ?? '',
    channel: c?.channel ?? 'social',
    objective: c?.objective ?? 'leads',
    status: c?.status ?? 'planned',
    startDate: c?.startDate ?? '',
    endDate: c?.endDate ?? '',
    budgetMinor: moneyInputText(c?.budgetMinor, ws.locale, ws.currency),
    targetLeads: countInputText(c?.targetLeads),
    targetRevenueMinor: moneyInputText(c?.targetRevenueMinor, ws.locale, ws.currency),
    keyMessage: c?.keyMessage ?? '',
    trackingCode: c?.trackingCode ?? '',
    landingUrl: c?.landingUrl ?? '',
    ...defaults,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/** One field's value as the API takes it, or the reason the text is not a value. */
export function apiValue(
  field: DraftField,
  draft: CampaignDraft,
  ws: Locale,
): InputResult | { ok: true; value: unknown } {
  const text = draft[field];
  switch (field) {
    case 'budgetMinor': {
      const parsed = parseMoneyInput(text, ws.locale, ws.currency);
      return parsed.ok && parsed.value === null ? { ok: true, value: 0 } : parsed;
    }
    case 'targetRevenueMinor':
      return parseMoneyInput(text, ws.locale, ws.currency);
    case 'targetLeads':
      return parseCountInput(text, ws.locale);
    case 'planId':
    case 'startDate':
    case 'endDate':
      return { ok: true, value: orNull(text) };
    default:
      return { ok: true, value: text };
  }
}

/** The whole draft for `campaigns.create`; a blank tracking code is left to the core to make up. */
export function createInput(
  draft: CampaignDraft,
  ws: Locale,
): { input: CampaignCreate } | { error: ApiError } {
  const issues: FieldIssue[] = [];
  const input: Record<string, unknown> = {};
  for (const field of Object.keys(draft) as DraftField[]) {
    if (field === 'trackingCode' && draft.trackingCode.trim() === '') continue;
    const result = apiValue(field, draft, ws);
    if (!result.ok) issues.push({ field, message: result.message });
    else if (typeof result.value === 'number' && result.value < 0)
      issues.push({ field, message: 'must not be negative' });
    else input[field] = result.value;
  }
  // Checked here too (the core checks again) so every problem shows at once, not one save at a time.
  if (draft.startDate && draft.endDate && draft.endDate < draft.startDate) {
    issues.push({
      field: 'endDate',
      message: 'the end date is before the start date',
    });
  }
  return issues.length > 0 ? { error: localError(issues) } : { input: input as CampaignCreate };
}

/** A one-field patch for saving as you go, or null when the field did not change. */
export function fieldPatch(
  field: DraftField,
  draft: CampaignDraft,
  saved: CampaignDraft,
  ws: Locale,
): { patch: CampaignPatch } | { error: ApiError } | null {
  if (draft[field] === saved[field]) return null;
  const result = apiValue(field, draft, ws);
  if (!result.ok) return { error: localError([{ field, message: result.message }]) };
  return { patch: { [field]: result.value } as CampaignPatch };
}
