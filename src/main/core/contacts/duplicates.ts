import type { DuplicateMatch } from '@shared/api/contacts';
import type { Ctx } from '../context';
import { all } from '../db/prepared';
import { getContact } from './service';
import { phoneKey } from '@shared/domain/phone';
import { workspaceCallingCode } from '../settings/calling-code';
import { emailKey } from './keys';
import type { contacts } from '../db/schema';
import type { Row } from '../db/typed';

/**
 * Contacts that look like the same person: the same normalised e-mail (case and spaces ignored) or the same
 * phone number in any notation. E-mail matches are listed first.
 */
export function findDuplicates(
  ctx: Ctx,
  input: {
    email?: string | null | undefined;
    phone?: string | null | undefined;
    excludeId?: string | undefined;
  },
): DuplicateMatch[] {
  const ek = emailKey(input.email);
  const pk = phoneKey(input.phone, workspaceCallingCode(ctx));
  if (!ek && !pk) return [];
  const rows = all<Row<typeof contacts, 'id'> & { byEmail: number; byPhone: number }>(
    ctx.sqlite,
    `SELECT id, email_key IS ? AS byEmail, phone_key IS ? AS byPhone FROM contacts
     WHERE deleted_at IS NULL AND id IS NOT ? AND (email_key = ? OR phone_key = ?)
     ORDER BY byEmail DESC, created_at LIMIT 20`,
    ek,
    pk,
    input.excludeId ?? null,
    ek,
    pk,
  );
  return rows.map((r) => ({
    contact: getContact(ctx, r.id),
    matchedOn: [
      ...(r.byEmail && ek ? (['email'] as const) : []),
      ...(r.byPhone && pk ? (['phone'] as const) : []),
    ],
  }));
}
