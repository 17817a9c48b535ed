import { useState } from 'react';
import type { ContentItem } from '@shared/api/content';
import { useWorkspace } from '../../lib/settings';
import { ContentPanel, type ContentEditing } from '../calendar/ContentForm';
import { channelLabel } from './channels';
import { CONTENT_STATUSES, labelOf } from './choices';

/** The campaign's content items; each opens in a side panel, and "New content item" is tied to it. */
export function CampaignContent({ campaignId, items }: { campaignId: string; items: ContentItem[] }) {
  const { format } = useWorkspace();
  const [editing, setEditing] = useState<ContentEditing>(null);
  return (
    <section className="card" aria-labelledby="content-heading">
      <div className="card-header">
        <h2 id="content-heading">Content</h2>
        <button type="button" className="button" onClick={() => setEditing({ defaults: { campaignId } })}>
          New content item
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted">
          Posts, e-mails and events that carry this campaign. Plan them here or on the{' '}
          <a href="#/calendar">calendar</a>.
        </p>
      ) : (
        <table className="data-table" aria-label="Content items">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Title</th>
              <th scope="col">Channel</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  {item.scheduledDate ? (
                    format.date(item.scheduledDate)
                  ) : (
                    <span className="muted">No date</span>
                  )}
                </td>
                <td>
                  <button type="button" className="link-button" onClick={() => setEditing({ item })}>
                    {item.title}
                  </button>
                </td>
                <td>{channelLabel(item.channel)}</td>
                <td>
                  <span className={`status status-${item.status}`}>
                    {labelOf(CONTENT_STATUSES, item.status)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ContentPanel editing={editing} onClose={() => setEditing(null)} />
    </section>
  );
}
