import { useState, type FormEvent } from 'react';
import type { ContentItem, ContentPatch } from '@shared/api/content';
import type { ApiError } from '@shared/contract/result';
import { client } from '../../lib/client';
import { useQuery } from '../../lib/useQuery';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { SidePanel } from '../../ui/SidePanel';
import { useToast } from '../../ui/toast';
import { useUndo } from '../../ui/useUndo';
import { deleteEntry } from '../undo/entries';
import { CHANNEL_OPTIONS } from '../campaigns/channels';
import { CONTENT_STATUSES } from '../campaigns/choices';
import { asApiError, fieldIssue } from '../../lib/form-errors';
import { useDeleteWithImpact } from '../../ui/DeleteDialog';

export interface ContentDefaults {
  campaignId?: string;
  scheduledDate?: string;
}

/** What a content panel shows: an item to edit, a new one with defaults, or nothing. */
export type ContentEditing = { item: ContentItem } | { defaults: ContentDefaults } | null;

/** Create or edit a content item in a side panel over the calendar or the campaign page. */
export function ContentPanel({ editing, onClose }: { editing: ContentEditing; onClose(): void }) {
  const toast = useToast();
  const history = useUndo();
  const [requestDelete, deleteDialog] = useDeleteWithImpact();
  const item = editing && 'item' in editing ? editing.item : undefined;
  const remove = (target: ContentItem) =>
    requestDelete({
      kind: 'content',
      id: target.id,
      name: target.title,
      run: () =>
        client.call('content.delete', { id: target.id }).then(() => {
          onClose();
          history.record(
            deleteEntry(
              `“${target.title}”`,
              () => client.call('content.restore', { id: target.id }),
              () => client.call('content.delete', { id: target.id }),
            ),
            `Deleted “${target.title}”.`,
          );
        }),
    });
  return (
    <SidePanel title={item ? item.title : 'New content item'} open={editing !== null} onClose={onClose}>
      {editing && (
        <ContentForm
          key={item?.id ?? 'new'}
          item={item}
          defaults={'defaults' in editing ? editing.defaults : {}}
          onSaved={(saved) => {
            onClose();
            toast.show(`Saved “${saved.title}”.`);
          }}
          onDelete={item ? () => remove(item) : undefined}
        />
      )}
      {deleteDialog}
    </SidePanel>
  );
}

function ContentForm({
  item,
  defaults,
  onSaved,
  onDelete,
}: {
  item?: ContentItem;
  defaults: ContentDefaults;
  onSaved(c: ContentItem): void;
  onDelete?(): void;
}) {
  const campaigns = useQuery('campaigns.list', {});
  const [draft, setDraft] = useState({
    title: item?.title ?? '',
    campaignId: item?.campaignId ?? defaults.campaignId ?? '',
    channel: item?.channel ?? '',
    status: item?.status ?? (defaults.scheduledDate ? 'scheduled' : 'idea'),
    scheduledDate: item?.scheduledDate ?? defaults.scheduledDate ?? '',
    link: item?.link ?? '',
    notes: item?.notes ?? '',
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      title: draft.title,
      campaignId: draft.campaignId || null,
      status: draft.status as ContentItem['status'],
      scheduledDate: draft.scheduledDate || null,
      link: draft.link.trim(),
      notes: draft.notes,
      ...(draft.channel ? { channel: draft.channel as NonNullable<ContentPatch['channel']> } : {}),
    };
    setSaving(true);
    const request = item
      ? client.call('content.update', { id: item.id, patch: fields })
      : client.call('content.create', fields);
    request
      .then((saved) => {
        setError(null);
        onSaved(saved);
      })
      .catch((e: unknown) => setError(asApiError(e)))
      .finally(() => setSaving(false));
  };

  const issue = (field: string) => fieldIssue(error, field);
  const campaignOptions = [
    { value: '', label: 'No campaign' },
    ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })),
  ];
  const channelOptions = [
    { value: '', label: draft.campaignId ? 'Same as the campaign' : 'Choose a channel' },
    ...CHANNEL_OPTIONS,
  ];
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={item ? 'Edit content item' : 'New content item'}
    >
      <Field
        label="Title"
        value={draft.title}
        onValue={set('title')}
        error={issue('title')}
        required
        autoFocus
      />
      <div className="form-row">
        <SelectField
          label="Campaign"
          value={draft.campaignId}
          options={campaignOptions}
          onValue={set('campaignId')}
          error={issue('campaignId')}
        />
        <SelectField
          label="Channel"
          value={draft.channel}
          options={channelOptions}
          onValue={set('channel')}
          error={issue('channel')}
        />
      </div>
      <div className="form-row">
        <SelectField
          label="Status"
          value={draft.status}
          options={CONTENT_STATUSES}
          onValue={set('status')}
          error={issue('status')}
        />
        <Field
          label="Date"
          type="date"
          value={draft.scheduledDate}
          onValue={set('scheduledDate')}
          error={issue('scheduledDate')}
        />
      </div>
      <Field
        label="Link"
        type="url"
        placeholder="https://…"
        value={draft.link}
        onValue={set('link')}
        error={issue('link')}
        hint="The post, e-mail or page once it is out."
      />
      <TextAreaField label="Notes" value={draft.notes} onValue={set('notes')} error={issue('notes')} />
      {item?.taggedUrl && (
        <p className="field-hint">
          Tracking link: <code>{item.taggedUrl}</code>
        </p>
      )}
      {error && error.issues.length === 0 && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="form-actions">
        {onDelete && (
          <button type="button" className="button danger" onClick={onDelete}>
            Delete
          </button>
        )}
        <button type="submit" className="button primary" disabled={saving}>
          {item ? 'Save changes' : 'Create content item'}
        </button>
      </div>
    </form>
  );
}
