import { useState, type FormEvent } from 'react';
import type { Campaign } from '@shared/api/campaigns';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { SidePanel } from '../../ui/SidePanel';
import { CampaignFields } from './CampaignFields';
import { createInput, draftOf, type CampaignDraft } from './campaignDraft';
import { asApiError, fieldIssue } from '../../lib/form-errors';

interface Props {
  open: boolean;
  planId?: string | undefined;
  onClose(): void;
  onCreated(campaign: Campaign): void;
}

/** "New campaign" in a side panel; nothing is saved until every field is acceptable. */
export function NewCampaignPanel({ open, planId, onClose, onCreated }: Props) {
  return (
    <SidePanel title="New campaign" open={open} onClose={onClose}>
      {open && <NewCampaignForm planId={planId} onCreated={onCreated} />}
    </SidePanel>
  );
}

function NewCampaignForm({
  planId,
  onCreated,
}: {
  planId?: string | undefined;
  onCreated(c: Campaign): void;
}) {
  const { settings } = useWorkspace();
  const [draft, setDraft] = useState<CampaignDraft>(() =>
    draftOf(undefined, settings, { planId: planId ?? '' }),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = createInput(draft, settings);
    if ('error' in built) return setError(built.error);
    setSaving(true);
    client
      .call('campaigns.create', built.input)
      .then((created) => {
        setError(null);
        onCreated(created);
      })
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setSaving(false));
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="New campaign">
      <CampaignFields
        draft={draft}
        issue={(field) => fieldIssue(error, field)}
        onValue={(field, value) => setDraft((d) => ({ ...d, [field]: value }))}
        autoFocus
      />
      {error && error.issues.length === 0 && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={saving}>
          Create campaign
        </button>
      </div>
    </form>
  );
}
