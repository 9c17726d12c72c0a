// The caller's billing profile, one per user: created and replaced on the
// billing host, read there (`profile`) and on the regional API
// (`billing_profile`), the same document both ways.
import type { Handlers } from '@scalingo-openapi/server';
import type { Doc } from '../store/documents.js';
import { objectId } from '../store/values.js';
import { type Context, notFound, type Principal } from './context.js';
import { familyHandlers, refuse, userParent } from './family.js';

const FIELDS = [
  'name',
  'email',
  'company',
  'address_line1',
  'address_line2',
  'address_city',
  'address_zip',
  'address_state',
  'address_country',
  'vat_number',
  'invoice_additional_info',
] as const;

const conflict = { status: 409, body: { error: 'This account already has a billing profile: replace it instead' } };

export function billingProfileHandlers(ctx: Context) {
  const profileOf = (userId: string) => ctx.billingProfiles.list(userId)[0];
  const fields = (input: Record<string, unknown>) =>
    Object.fromEntries(FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));
  const family = familyHandlers<Doc>(ctx, {
    resource: 'profile',
    plural: 'profiles',
    idParam: 'profile_id',
    store: ctx.billingProfiles,
    parent: userParent,
    create(input, parent) {
      if (profileOf(parent.id)) return refuse(conflict);
      return {
        id: objectId(),
        email: parent.user.email,
        company: '',
        address_line2: '',
        address_state: null,
        vat_number: '',
        invoice_additional_info: '',
        ...fields(input),
        credit: 0,
        // The sandbox keeps no card or mandate: the profile names none.
        payment_method: null,
        stripe_payment_method: null,
        paypal_payment_method: null,
        flags: [],
      } satisfies Doc;
    },
    // PUT sends the whole profile: what it leaves out takes the defaults again.
    update: (doc, input) => ({ ...doc, address_line2: '', address_state: null, ...fields(input) }),
  });
  const retrieve = (key: string) => (request: { auth: Principal }) => {
    const profile = profileOf(request.auth.user.id);
    return profile ? { status: 200, body: { [key]: profile } } : notFound('profile');
  };
  return {
    billingProfiles: {
      create: family.create,
      replace: family.replace,
      retrieve: retrieve('profile'),
    } as unknown as Handlers<Principal>['billingProfiles'],
    /** `GET /account/billing/profile`, the regional read of the same profile. */
    regional: { retrieve: retrieve('billing_profile') } as never,
  };
}
