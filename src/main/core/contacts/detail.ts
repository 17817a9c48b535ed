import type { ContactDetail } from '@shared/api/contacts';
import { activitiesFor } from '../activities/queries';
import { ordersFor, timelineFor } from '../activities/timeline';
import type { Ctx } from '../context';
import { listLeads } from '../leads/list';
import { getContact } from './service';

/** A contact's page: the person, their leads, follow-ups, orders and one timeline of all of it. */
export function contactDetail(ctx: Ctx, id: string): ContactDetail {
  const contact = getContact(ctx, id);
  const leads = listLeads(ctx, {
    contactId: id,
    sort: 'createdAt',
    direction: 'desc',
    offset: 0,
    limit: 100,
  }).rows;
  return {
    contact,
    leads,
    activities: activitiesFor(ctx, 'contact_id', id),
    orders: ordersFor(ctx, { contactIds: [id] }),
    timeline: timelineFor(ctx, { contactIds: [id] }),
  };
}
