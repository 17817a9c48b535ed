import { and, asc, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Contact,
  ContactCreate,
  ContactListInput,
  ContactPage,
  ContactPatch,
} from '@shared/api/contacts';
import { fail } from '@shared/contract/result';
import { companies, contacts } from '../db/schema';
import type { Ctx } from '../context';
import { ftsQuery, matchingIds } from '../search/fts';
import { phoneKey } from '@shared/domain/phone';
import { workspaceCallingCode } from '../settings/calling-code';
import { companyKey, emailKey } from './keys';
import { writeTransaction } from '../db/transaction';
import { softDelete, softRestore } from '../deletion/dependents';
import type { DependentsChoice } from '@shared/api/deletion';

type CreateInput = z.output<typeof ContactCreate>;
type PatchInput = z.output<typeof ContactPatch>;
type ListInput = z.output<typeof ContactListInput>;

const displayName = sql<string>`coalesce(nullif(trim(${contacts.firstName} || ' ' || ${contacts.lastName}), ''), ${contacts.email}, '')`;

const contactColumns = {
  id: contacts.id,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  displayName,
  email: contacts.email,
  phone: contacts.phone,
  companyId: contacts.companyId,
  companyName: companies.name,
  title: contacts.title,
  city: contacts.city,
  region: contacts.region,
  country: contacts.country,
  lifecycle: contacts.lifecycle,
  notes: contacts.notes,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
};

type Row = { [K in keyof typeof contactColumns]: unknown };
const toContact = (row: Row): Contact => row as Contact;

function selectContacts(ctx: Ctx) {
  return ctx.db
    .select(contactColumns)
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId));
}

export function getContact(ctx: Ctx, id: string, includeDeleted = false): Contact {
  const where = includeDeleted ? eq(contacts.id, id) : and(eq(contacts.id, id), isNull(contacts.deletedAt));
  const row = selectContacts(ctx).where(where).get();
  if (!row) return fail('not_found', 'That contact does not exist or was deleted.');
  return toContact(row);
}

const sortColumns = {
  name: [sql`lower(${contacts.lastName})`, sql`lower(${contacts.firstName})`],
  email: [contacts.emailKey],
  company: [sql`lower(${companies.name})`],
  createdAt: [contacts.createdAt],
  lifecycle: [contacts.lifecycle],
} as const;

/** `column IN (ids of this kind matching the FTS query)`, with the query bound as a parameter. */
function matches(column: SQL | typeof contacts.id, kind: 'contact' | 'company', match: string): SQL {
  const [before, after] = matchingIds(kind).split('?');
  return sql`${column} IN (${sql.raw(before ?? '')}${match}${sql.raw(after ?? '')})`;
}

type ContactFilter = Omit<ListInput, 'offset' | 'limit'>;

/** The list's WHERE over `contacts` (left-joined to `companies`): the CSV export selects the same rows. */
export function contactWhere(input: ContactFilter): SQL | undefined {
  const filters: SQL[] = [isNull(contacts.deletedAt)];
  if (input.lifecycle) filters.push(eq(contacts.lifecycle, input.lifecycle));
  if (input.companyId) filters.push(eq(contacts.companyId, input.companyId));
  if (input.search) {
    // Full-text and prefix-matched, like the global search: "bak" finds Baker, "pemaq" the Pemaquid contacts.
    const match = ftsQuery(input.search);
    const found = match
      ? or(matches(contacts.id, 'contact', match), matches(sql`${contacts.companyId}`, 'company', match))
      : sql`0`;
    if (found) filters.push(found);
  }
  return and(...filters);
}

/** The list's order, ties broken by id so pages and exports are stable. */
export function contactOrder(input: ContactFilter): SQL[] {
  const direction = input.direction === 'desc' ? desc : asc;
  return [...sortColumns[input.sort].map((c) => direction(c)), direction(contacts.id)];
}

export function listContacts(ctx: Ctx, input: ListInput): ContactPage {
  const where = contactWhere(input);
  const order = contactOrder(input);
  const rows = selectContacts(ctx)
    .where(where)
    .orderBy(...order)
    .limit(input.limit)
    .offset(input.offset)
    .all();
  const total =
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(where)
      .get()?.n ?? 0;
  return { total, rows: rows.map(toContact) };
}

/** Finds the company by name (ignoring case and legal suffixes) or creates it. */
export function companyIdFor(ctx: Ctx, name: string | undefined): string | null {
  const trimmed = name?.trim();
  if (!trimmed) return null;
  const key = companyKey(trimmed);
  const existing = ctx.db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.nameKey, key), isNull(companies.deletedAt)))
    .get();
  if (existing) return existing.id;
  const now = ctx.nowIso();
  const created = ctx.db
    .insert(companies)
    .values({ name: trimmed, nameKey: key, createdAt: now, updatedAt: now })
    .returning({ id: companies.id })
    .get();
  return created.id;
}

function contactValues(input: PatchInput, callingCode: string) {
  const values: Partial<typeof contacts.$inferInsert> = {};
  if (input.firstName !== undefined) values.firstName = input.firstName;
  if (input.lastName !== undefined) values.lastName = input.lastName;
  if (input.email !== undefined) {
    values.email = input.email || null;
    values.emailKey = emailKey(input.email);
  }
  if (input.phone !== undefined) {
    values.phone = input.phone || null;
    values.phoneKey = phoneKey(input.phone, callingCode);
  }
  for (const key of ['title', 'city', 'region', 'country', 'notes', 'lifecycle'] as const) {
    const value = input[key];
    if (value !== undefined) values[key] = value;
  }
  return values;
}

export function createContact(ctx: Ctx, input: CreateInput): Contact {
  const now = ctx.nowIso();
  const id = writeTransaction(ctx.sqlite, () => {
    const companyId = companyIdFor(ctx, input.companyName);
    return ctx.db
      .insert(contacts)
      .values({
        ...contactValues(input, workspaceCallingCode(ctx)),
        companyId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: contacts.id })
      .get().id;
  });
  return getContact(ctx, id);
}

export function updateContact(ctx: Ctx, id: string, patch: PatchInput): Contact {
  const current = getContact(ctx, id);
  const merged = {
    firstName: patch.firstName ?? current.firstName,
    lastName: patch.lastName ?? current.lastName,
    email: patch.email ?? current.email ?? '',
  };
  if (!merged.firstName.trim() && !merged.lastName.trim() && !merged.email.trim()) {
    fail('validation', 'A contact needs a name or an e-mail address.', [
      { field: 'firstName', message: 'enter a name or an e-mail address' },
    ]);
  }
  writeTransaction(ctx.sqlite, () => {
    const values = contactValues(patch, workspaceCallingCode(ctx));
    if (patch.companyName !== undefined) values.companyId = companyIdFor(ctx, patch.companyName);
    ctx.db
      .update(contacts)
      .set({ ...values, updatedAt: ctx.nowIso() })
      .where(eq(contacts.id, id))
      .run();
  });
  return getContact(ctx, id);
}

/**
 * Soft delete. Follow-ups that belong to the contact alone (no lead) go with it, stamped with the same
 * instant, so restore brings back exactly those. Leads keep their link and stay visible.
 */
/**
 * Its own activities and touches go to the Trash with it; its leads too, or stay without a contact, as
 * `dependents` says (refused unsaid when it has leads); orders and payments stay, without the contact.
 */
export function deleteContact(ctx: Ctx, id: string, dependents?: DependentsChoice): { id: string } {
  getContact(ctx, id);
  softDelete(ctx, 'contact', id, dependents);
  return { id };
}

export function restoreContact(ctx: Ctx, id: string): Contact {
  getContact(ctx, id, true);
  softRestore(ctx, 'contact', id);
  return getContact(ctx, id);
}
