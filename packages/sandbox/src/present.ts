// How stored rows look on the wire: the spec's schemas, filled in.

import { userRef } from './handlers/context.js';
import type { AppRow } from './store/apps.js';
import type { CollaboratorRow } from './store/collaborators.js';
import type { FormationRow } from './store/containers.js';
import type { UserRow } from './store/users.js';
import type { VariableRow } from './store/variables.js';

const REGION = 'osc-fr1';

export function presentApp(
  app: AppRow,
  owner: UserRow,
  status = app.doc.status,
  project?: { id: string; name: string },
) {
  return {
    id: app.id,
    name: app.name,
    created_at: app.created_at,
    updated_at: app.doc.updated_at,
    status: status as 'new',
    git_url: `git@ssh.${REGION}.scalingo.com:${app.name}.git`,
    url: `https://${app.name}.${REGION}.scalingo.io`,
    base_url: `https://${app.name}.${REGION}.scalingo.io`,
    owner: userRef(owner),
    ...(project ? { project } : {}),
    links: { deployments_stream: `wss://deployments.${REGION}.scalingo.com/apps/${app.name}` },
    force_https: app.doc.force_https,
    sticky_session: app.doc.sticky_session,
    router_logs: app.doc.router_logs,
    stack_id: app.doc.stack_id,
    last_deployed_at: app.doc.last_deployed_at,
    last_deployed_by: app.doc.last_deployed_by,
    last_deployment_id: app.doc.last_deployment_id,
    ...(app.doc.git_source ? { git_source: app.doc.git_source } : {}),
  };
}

export function presentVariable(row: VariableRow) {
  return { id: row.id, name: row.name, value: row.value };
}

export function presentCollaborator(row: CollaboratorRow, app: AppRow, user: UserRow | undefined, origin: string) {
  return {
    id: row.id,
    email: row.email,
    user_id: row.user_id,
    username: user?.username ?? row.email.split('@')[0]!,
    tfa_status: null,
    status: row.status,
    is_limited: row.is_limited === 1,
    invitation_link: `${origin}/v1/apps/collaboration?token=${row.token}`,
    app_id: app.id,
    app_name: app.name,
  };
}

export function presentFormation(row: FormationRow) {
  return { id: row.id, name: row.name, amount: row.amount, size: row.size as 'M' };
}

export function presentUser(user: UserRow) {
  return {
    id: user.id,
    uuid: user.id,
    email: user.email,
    username: user.username,
    fullname: user.username,
    created_at: user.created_at,
    tos_accepted: true,
    email_newsletter: false,
    flags: {},
    limits: {},
  };
}
