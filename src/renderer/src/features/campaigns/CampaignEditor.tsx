import { useMemo, useState } from 'react';
import type { Campaign } from '@shared/api/campaigns';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { CampaignFields } from './CampaignFields';
import { draftOf, fieldPatch, type CampaignDraft, type DraftField } from './campaignDraft';
import { asApiError } from '../../lib/form-errors';

type Errors = Partial<Record<DraftField, string>>;

/**
 * The campaign's fields on its page, saved one at a time as the user leaves each field. A field the core
 * refuses keeps what was typed, with the reason next to it, and nothing is saved.
 */
export function CampaignEditor({ campaign }: { campaign: Campaign }) {
  const { settings } = useWorkspace();
  const saved = useMemo(() => draftOf(campaign, settings), [campaign, settings]);
  const [draft, setDraft] = useState<CampaignDraft>(saved);
  const [dirty, setDirty] = useState<ReadonlySet<DraftField>>(new Set());
  const [seen, setSeen] = useState(saved);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<'saving' | 'saved' | null>(null);

  // Fields the user is not editing follow the database (another window, an undo, an import).
  if (seen !== saved) {
    setSeen(saved);
    setDraft((d) => {
      const next = { ...saved };
      for (const field of dirty) next[field] = d[field];
      return next;
    });
  }

  const settle = (field: DraftField, error?: string) => {
    setErrors((all) => ({ ...all, [field]: error }));
    if (error) return;
    setDirty((all) => new Set([...all].filter((f) => f !== field)));
  };

  const commit = (field: DraftField, value: string) => {
    const next = { ...draft, [field]: value };
    const result = fieldPatch(field, next, saved, settings);
    if (result === null) return settle(field);
    if ('error' in result) return settle(field, result.error.issues[0]?.message ?? result.error.message);
    setStatus('saving');
    client
      .call('campaigns.update', { id: campaign.id, patch: result.patch })
      .then(() => {
        settle(field);
        setStatus('saved');
      })
      .catch((e: unknown) => {
        const error = asApiError(e);
        const found: Errors = {};
        for (const issue of error.issues)
          found[issue.field.replace(/^patch\./, '') as DraftField] = issue.message;
        found[field] ??= error.issues[0]?.message ?? error.message;
        setErrors((all) => ({ ...all, ...found }));
        setStatus(null);
      });
  };

  return (
    <div className="form campaign-editor" aria-label="Campaign details" role="group">
      <CampaignFields
        draft={draft}
        issue={(field) => errors[field]}
        onValue={(field, value) => {
          setDraft((d) => ({ ...d, [field]: value }));
          setDirty((all) => new Set(all).add(field));
        }}
        onCommit={commit}
      />
      <p className="field-hint" aria-live="polite">
        {status === 'saving'
          ? 'Saving…'
          : status === 'saved'
            ? 'All changes saved.'
            : 'Changes are saved as you leave each field.'}
      </p>
    </div>
  );
}
