// Lists of the authentication API that are the platform's, not the caller's:
// the role names, from the spec's example (as the addon catalogue is).
import { examples, type UsersHandlers } from '@scalingo-openapi/server';
import type { Principal } from './context.js';

export function userCatalogueHandlers(): Pick<UsersHandlers<Principal>, 'roles'> {
  const body = examples['users.roles.list']?.['200']?.body as { roles?: string[] } | undefined;
  return { roles: { list: () => ({ status: 200, body: { roles: body?.roles ?? [] } }) } };
}
