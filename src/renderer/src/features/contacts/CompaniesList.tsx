import type { CompanyListInput } from '@shared/api/companies';
import { useWorkspace } from '../../lib/settings';
import { useSort } from '../../ui/VirtualTable';
import { useQuery } from '../../lib/useQuery';

type Sort = NonNullable<CompanyListInput['sort']>;
const COLUMNS: { sort: Sort; label: string }[] = [
  { sort: 'name', label: 'Company' },
  { sort: 'contacts', label: 'People' },
  { sort: 'createdAt', label: 'Added' },
];
const LIMIT = 300;

/** Companies, sortable; a company opens in its panel with its people, leads and timeline. */
export function CompaniesList({ search, onOpen }: { search: string; onOpen(id: string): void }) {
  const { format } = useWorkspace();
  const { sort, direction, sortBy } = useSort<Sort>('name', 'asc', (column) =>
    column === 'name' ? 'asc' : 'desc',
  );
  const companies = useQuery('companies.list', {
    ...(search.trim() ? { search: search.trim() } : {}),
    sort,
    direction,
    limit: LIMIT,
  });
  const rows = companies.data?.rows ?? [];
  return (
    <div className="companies">
      <table className="sales-table" aria-label="Companies">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.sort}
                scope="col"
                aria-sort={sort === c.sort ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                <button type="button" onClick={() => sortBy(c.sort)}>
                  {c.label}
                  {sort === c.sort && <span aria-hidden="true">{direction === 'asc' ? ' ↑' : ' ↓'}</span>}
                </button>
              </th>
            ))}
            <th scope="col">Open leads</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td>
                <button type="button" className="button-link sales-link" onClick={() => onOpen(c.id)}>
                  {c.name}
                </button>
                {c.domain && <span className="sales-muted"> · {c.domain}</span>}
              </td>
              <td className="num">{format.number(c.contactCount)}</td>
              <td>{format.date(c.createdAt)}</td>
              <td className="num">{format.number(c.openLeadCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {companies.data && (
        <p className="sales-muted">
          {companies.data.total === 0 && search.trim()
            ? `No companies match “${search.trim()}”.`
            : companies.data.total === 0
              ? 'No companies yet: a company is added when you give a contact a company name.'
              : companies.data.total > rows.length
                ? `Showing ${format.number(rows.length)} of ${format.number(companies.data.total)} companies — search to narrow them down.`
                : format.count(companies.data.total, 'company', 'companies')}
        </p>
      )}
    </div>
  );
}
