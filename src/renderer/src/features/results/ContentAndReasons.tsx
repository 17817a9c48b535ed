import type { Dashboard } from '@shared/api/results';
import { useWorkspace } from '../../lib/settings';

type ContentRow = Dashboard['content'][number];

/** Which posts brought the buyers (where utm_content is known), and why deals were lost. */
export function ContentAndReasons({
  data,
  onOpenContent,
}: {
  data: Dashboard;
  onOpenContent(row: ContentRow): void;
}) {
  const { format } = useWorkspace();
  return (
    <section className="card" aria-labelledby="content-title">
      <h2 id="content-title">
        Content <span className="model-note">· {data.modelLabel}</span>
      </h2>
      {data.content.length === 0 ? (
        <p className="muted">
          No lead or sale names a content item yet. Links built for a content item carry its utm_content, so
          the post that brought a buyer shows here.
        </p>
      ) : (
        <table className="data-table compact" aria-label="Content results">
          <thead>
            <tr>
              <th scope="col">Content</th>
              <th scope="col" className="num">
                Leads
              </th>
              <th scope="col" className="num">
                Revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {data.content.map((row) => (
              <tr key={row.contentId}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onOpenContent(row)}>
                    {row.title}
                  </button>
                  {row.campaignName && <span className="muted"> · {row.campaignName}</span>}
                </th>
                <td className="num">{format.number(row.leads)}</td>
                <td className="money">{format.money(row.revenueMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 className="subhead">Lost reasons</h3>
      {data.lostReasons.length === 0 ? (
        <p className="muted">No deal was lost in this period.</p>
      ) : (
        <ul className="reason-list">
          {data.lostReasons.map((r) => (
            <li key={r.reason}>
              <span>{r.reason}</span> <span className="money">{format.number(r.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
