import { uuidv7 } from '../db/ids';
import type { z } from 'zod';
import type {
  Company,
  CompanyCreate,
  CompanyDetail,
  CompanyListInput,
  CompanyPatch,
} from '@shared/api/companies';
import { fail } from '@shared/contract/result';
import { ordersFor, timelineFor } from '../activities/timeline';
import { companyKey } from '../contacts/keys';
import { listContacts } from '../contacts/service';
import type { Ctx } from '../context';
import { all, get, run } from '../db/prepared';
import type { companies } from '../db/schema';
import type { Count, Row } from '../db/typed';
import { listLeads } from '../leads/list';
import { ftsQuery, matchingIds } from '../search/fts';
import { softDelete, softRestore } from '../deletion/dependents';

type ListInput = z.output<typeof CompanyListInput>;
type CreateInput = z.output<typeof CompanyCreate>;
type PatchInput = z.output<typeof CompanyPatch>;

const SELECT = `SELECT co.id, co.name, co.domain, co.phone, co.website, co.notes,
  (SELECT count(*) FROM contacts c WHERE c.company_id = co.id AND c.deleted_at IS NULL) AS contactCount,
  (SELECT count(*) FROM leads l JOIN pipeline_stages s ON s.id = l.stage_id
     WHERE l.company_id = co.id AND l.deleted_at IS NULL AND s.outcome = 'open') AS openLeadCount,
  co.created_at AS createdAt, co.updated_at AS updatedAt
FROM companies co`;
/** The row SELECT returns: the table's columns and two counts, the API's `Company` shape. */
type CompanyRow = Row<
  typeof companies,
  'id' | 'name' | 'domain' | 'phone' | 'website' | 'notes' | 'createdAt' | 'updatedAt'
> & { contactCount: number; openLeadCount: number };

export function getCompany(ctx: Ctx, id: string, includeDeleted = false): Company {
  const row = get<CompanyRow>(
    ctx.sqlite,
    `${SELECT} WHERE co.id = ?${includeDeleted ? '' : ' AND co.deleted_at IS NULL'}`,
    id,
  );
  if (!row) return fail('not_found', 'That company does not exist or was deleted.');
  return row;
}

const SORTS: Record<ListInput['sort'], string> = {
  name: 'co.name_key',
  createdAt: 'co.created_at',
  contacts: '(SELECT count(*) FROM contacts c WHERE c.company_id = co.id AND c.deleted_at IS NULL)',
};

export function listCompanies(ctx: Ctx, input: ListInput) {
  const where = ['co.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (input.search) {
    const match = ftsQuery(input.search);
    where.push(match ? `co.id IN (${matchingIds('company')})` : '0');
    if (match) params.push(match);
  }
  const clause = where.join(' AND ');
  const dir = input.direction === 'desc' ? 'DESC' : 'ASC';
  const rows = all<CompanyRow>(
    ctx.sqlite,
    `${SELECT} WHERE ${clause} ORDER BY ${SORTS[input.sort]} ${dir}, co.id ${dir} LIMIT ? OFFSET ?`,
    ...params,
    input.limit,
    input.offset,
  );
  const total =
    get<Count>(ctx.sqlite, `SELECT count(*) AS n FROM companies co WHERE ${clause}`, ...params)?.n ?? 0;
  return { total, rows };
}

/** Company names are unique ignoring case, punctuation and legal suffixes, as imports match them that way. */
function requireUniqueName(ctx: Ctx, name: string, exceptId: string | null): string {
  const key = companyKey(name);
  const other = get<Row<typeof companies, 'name'>>(
    ctx.sqlite,
    'SELECT name FROM companies WHERE name_key = ? AND deleted_at IS NULL AND id IS NOT ?',
    key,
    exceptId,
  );
  if (other) {
    fail('conflict', `"${other.name}" already exists.`, [
      { field: 'name', message: `"${other.name}" already exists` },
    ]);
  }
  return key;
}

const blankToNull = (v: string | undefined) => (v ? v : null);

export function createCompany(ctx: Ctx, input: CreateInput): Company {
  const key = requireUniqueName(ctx, input.name, null);
  const id = uuidv7();
  const now = ctx.nowIso();
  run(
    ctx.sqlite,
    `INSERT INTO companies (id, name, name_key, domain, phone, website, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    id,
    input.name,
    key,
    blankToNull(input.domain),
    blankToNull(input.phone),
    blankToNull(input.website),
    input.notes ?? '',
    now,
    now,
  );
  return getCompany(ctx, id);
}

export function updateCompany(ctx: Ctx, id: string, patch: PatchInput): Company {
  const current = getCompany(ctx, id);
  const name = patch.name ?? current.name;
  const key = patch.name !== undefined ? requireUniqueName(ctx, patch.name, id) : companyKey(current.name);
  const pick = (value: string | undefined, fallback: string | null) =>
    value === undefined ? fallback : blankToNull(value);
  run(
    ctx.sqlite,
    `UPDATE companies SET name = ?, name_key = ?, domain = ?, phone = ?, website = ?, notes = ?, updated_at = ? WHERE id = ?`,
    name,
    key,
    pick(patch.domain, current.domain),
    pick(patch.phone, current.phone),
    pick(patch.website, current.website),
    patch.notes ?? current.notes,
    ctx.nowIso(),
    id,
  );
  return getCompany(ctx, id);
}

/** Soft delete: its contacts and leads stay without the company; restore links them again. */
export function deleteCompany(ctx: Ctx, id: string): { id: string } {
  getCompany(ctx, id);
  softDelete(ctx, 'company', id);
  return { id };
}

export function restoreCompany(ctx: Ctx, id: string): Company {
  getCompany(ctx, id, true);
  softRestore(ctx, 'company', id);
  return getCompany(ctx, id);
}

export function companyDetail(ctx: Ctx, id: string): z.infer<typeof CompanyDetail> {
  const company = getCompany(ctx, id);
  const contacts = listContacts(ctx, {
    companyId: id,
    sort: 'name',
    direction: 'asc',
    offset: 0,
    limit: 500,
  }).rows;
  const contactIds = contacts.map((c) => c.id);
  const leads = listLeads(ctx, {
    companyId: id,
    sort: 'createdAt',
    direction: 'desc',
    offset: 0,
    limit: 200,
  }).rows;
  const leadIds = leads.map((l) => l.id);
  return {
    company,
    contacts,
    leads,
    orders: ordersFor(ctx, { contactIds, leadIds }),
    timeline: timelineFor(ctx, { contactIds, leadIds }),
  };
}
