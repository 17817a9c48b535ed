import type { ImportJob } from '@shared/api/imports';
import { useWorkspace } from '../../lib/settings';
import { RECORDS } from './status';
import { SpendOverlaps } from './SpendOverlaps';

/** What the import did, counted in records of its kind (541 Shopify rows are 337 orders). */
export function JobSummary({ job }: { job: ImportJob }) {
  const { format } = useWorkspace();
  const noun = RECORDS[job.kind];
  const tiles = [
    { label: `New ${noun.many}`, value: job.inserted, detail: 'added' },
    { label: 'Updated', value: job.updated, detail: 'had something new' },
    { label: 'Unchanged', value: job.unchanged, detail: 'found again, nothing new' },
    { label: 'Skipped', value: job.skipped, detail: 'left out on purpose' },
    {
      label: 'Errors',
      value: job.errorCount,
      detail: job.errorCount > 0 ? 'rows left out, listed below' : 'none',
    },
  ];
  return (
    <section aria-label="Result" className="job-summary">
      <div className="tiles">
        {tiles.map((t) => (
          <div key={t.label} className={`tile${t.label === 'Errors' && t.value > 0 ? ' tile-errors' : ''}`}>
            <p className="tile-label">{t.label}</p>
            <p className="tile-value num">{format.number(t.value)}</p>
            <p className="tile-detail">{t.detail}</p>
          </div>
        ))}
      </div>
      {job.newCampaigns.length > 0 && (
        <div className="new-campaigns">
          <h3 className="subheading">
            {job.newCampaigns.length === 1
              ? 'A new draft campaign'
              : `${format.number(job.newCampaigns.length)} new draft campaigns`}{' '}
            for tracking codes Tandem did not know
          </h3>
          <ul aria-label="New campaigns">
            {job.newCampaigns.map((c) => (
              <li key={c.id}>
                <a href={`#/campaigns/${c.id}`}>{c.name}</a> <code>{c.trackingCode}</code>
              </li>
            ))}
          </ul>
          <p className="field-hint">
            Give them a budget and dates, or put them in a plan, on their campaign pages.
          </p>
        </div>
      )}
      {job.spendOverlaps.length > 0 && <SpendOverlaps overlaps={job.spendOverlaps} />}
    </section>
  );
}
