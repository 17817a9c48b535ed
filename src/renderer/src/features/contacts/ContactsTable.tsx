import { useEffect } from 'react';
import type { Contact, ContactListInput } from '@shared/api/contacts';
import { useWorkspace } from '../../lib/settings';
import { usePagedRows } from '../../lib/usePagedRows';
import { SortHeaders, useSort, useVirtualRows, type HeadColumn } from '../../ui/VirtualTable';

type Sort = NonNullable<ContactListInput['sort']>;
const COLUMNS: HeadColumn<Sort>[] = [
  { sort: 'name', label: 'Name' },
  { sort: 'email', label: 'E-mail' },
  { sort: 'company', label: 'Company' },
  { sort: 'lifecycle', label: 'Lifecycle' },
  { sort: 'createdAt', label: 'Added' },
];

interface Props {
  search: string;
  onOpen(contact: Contact): void;
  /** The loaded order, for j/k in the open panel. */
  onSequence(ids: string[]): void;
  onTotal(total: number | null): void;
}

/** Contacts as a virtualized, sortable table paged from the core; j/k or arrows move, Enter opens. */
export function ContactsTable({ search, onOpen, onSequence, onTotal }: Props) {
  const { format } = useWorkspace();
  const sortState = useSort<Sort>('name', 'asc', () => 'asc');
  const { sort, direction } = sortState;
  const { total, rowAt, ensure, loadedIds } = usePagedRows('contacts.list', {
    search: search || undefined,
    sort,
    direction,
  });
  const { scroller, items, height, rowProps } = useVirtualRows<Contact>({ total, ensure, onOpen });
  useEffect(() => onTotal(total), [total, onTotal]);
  const ids = loadedIds();
  const idsKey = ids.join(',');
  useEffect(() => onSequence(idsKey ? idsKey.split(',') : []), [idsKey, onSequence]);

  return (
    <div className="table" role="table" aria-label="Contacts" aria-rowcount={(total ?? 0) + 1}>
      <div className="table-head" role="row">
        <SortHeaders columns={COLUMNS} state={sortState} />
      </div>
      <div ref={scroller} className="table-body" role="rowgroup">
        <div style={{ height, position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div key={item.key} className="table-row" {...rowProps(item, row)}>
                <div role="cell">{row?.displayName ?? ''}</div>
                <div role="cell">{row?.email ?? ''}</div>
                <div role="cell">{row?.companyName ?? ''}</div>
                <div role="cell">{row?.lifecycle ?? ''}</div>
                <div role="cell">{row ? format.date(row.createdAt) : ''}</div>
              </div>
            );
          })}
        </div>
        {total === 0 && search && (
          <p className="table-empty" role="status">
            No contacts match “{search}”. Check the spelling, or search by e-mail, phone or company.
          </p>
        )}
      </div>
      <p className="table-foot">{total === null ? '' : format.count(total, 'contact', 'contacts')}</p>
    </div>
  );
}
