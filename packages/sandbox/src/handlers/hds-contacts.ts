// The health data contact of an application: the first PUT creates it (a
// name and an email are needed then), later ones change the fields they send.
import type { AppsHandlers } from '@scalingo-openapi/server';
import { id, isoDate } from '../store/values.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';

const BLANK = {
  org_type: 'company',
  phone_number: '',
  company: '',
  address_line1: '',
  address_line2: '',
  address_city: '',
  address_zip: '',
  address_country: '',
  notes: '',
};

/** What an `edit_hds_contact` event carries: the contact, its country only as an ISO code. */
function eventData(contact: Record<string, unknown>) {
  const { id: _id, org_type: _type, updated_at: _at, up_to_date: _fresh, address_country, ...fields } = contact;
  return { ...fields, ...(/^[A-Z]{2}$/.test(String(address_country)) ? { address_country } : {}) };
}

export function hdsContactHandlers(ctx: Context): NonNullable<AppsHandlers<Principal>['hdsContact']> {
  return {
    replace({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const existing = ctx.hdsContacts.list(app.id)[0];
      const contact = { ...BLANK, ...existing, ...body.hds_contact, id: existing?.id ?? id('hc') };
      for (const field of ['name', 'email'] as const) if (!contact[field]) return invalid(field, "can't be blank");
      const saved = { ...contact, updated_at: isoDate(), up_to_date: true };
      transaction(ctx, () => {
        ctx.hdsContacts.put(app.id, saved);
        ctx.events.append({ app, user: auth.user, type: 'edit_hds_contact', typeData: eventData(saved) });
      });
      return { status: 200, body: { hds_contact: saved as never } };
    },
  };
}
