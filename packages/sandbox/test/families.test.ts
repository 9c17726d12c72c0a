// Every stateful resource family, one table row each, driven over HTTP by two
// users: create → list → retrieve → update (PATCH, PUT) → delete → 404, and
// the second user neither sees nor touches the first one's documents. The
// last test prints how many of the spec's families keep state.
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { loadSpec, operations } from '@scalingo-openapi/test-support/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bearerFor, send } from './support/inject.js';

let sandbox: Sandbox;
const bearer: Record<'ines' | 'oscar' | 'noor', string> = { ines: '', oscar: '', noor: '' };
const APP = 'ines-families';

type Who = keyof typeof bearer;
/** Creating an API token takes the login and password instead of a token. */
const ACCOUNT_PATHS = /^\/v1\/tokens$/;

/** Database API tokens, each issued for one database addon of its user. */
const databaseToken: Record<Who, string> = { ines: '', oscar: '', noor: '' };

async function call(who: Who, method: string, url: string, body?: unknown) {
  const authorization =
    method === 'POST' && ACCOUNT_PATHS.test(url)
      ? `Basic ${btoa(`${who}:${who}-password`)}`
      : `Bearer ${url.startsWith('/api/') ? databaseToken[who] : bearer[who]}`;
  return send(sandbox, authorization, method, url, body);
}

interface Row {
  family: string;
  /** The collection; documents are `${collection}/${id}` unless `item` says otherwise. */
  collection: string;
  item?: (id: string, doc: Record<string, unknown>) => string;
  root: string;
  plural: string;
  create: () => unknown | Promise<unknown>;
  createStatus?: number;
  /** PATCH and PUT bodies, with a field the change must show (checked on the answer's document). */
  update?: { body: unknown; expect?: Record<string, unknown> };
  replace?: { body: unknown; expect?: Record<string, unknown> };
  retrieve?: false;
  delete?: false | ((id: string, doc: Record<string, unknown>) => string);
  /**
   * Whose documents: the first user's (isolation by user), their application's or project's (another user
   * gets 404 on it), or their database's (a token issued for another database gets 401).
   */
  scope: 'user' | 'app' | 'database';
  /** The field that identifies a document, `id` unless said otherwise. */
  key?: string;
  /** One document per parent, read at the collection's own path (no list). */
  single?: true;
}

const app = (path: string) => `/v1/apps/${APP}${path}`;
const PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDaJp0mBzrjvXOdl8yE0QbBaXvLNTOZ6yKx7T4n4qCrT ines@laptop';

const rows: Row[] = [
  {
    family: 'apps',
    scope: 'user',
    collection: '/v1/apps',
    root: 'app',
    plural: 'apps',
    create: () => ({ app: { name: 'ines-second' } }),
    update: { body: { app: { force_https: true } }, expect: { force_https: true } },
    delete: (_id, doc) => `/v1/apps/${doc.name}?current_name=${doc.name}`,
  },
  {
    family: 'apps.variables',
    scope: 'app',
    collection: app('/variables'),
    root: 'variable',
    plural: 'variables',
    retrieve: false,
    create: () => ({ variable: { name: 'POOL_SIZE', value: '5' } }),
    update: { body: { variable: { value: '8' } }, expect: { value: '8' } },
  },
  {
    family: 'apps.domains',
    scope: 'app',
    collection: app('/domains'),
    root: 'domain',
    plural: 'domains',
    create: () => ({ domain: { name: 'shop.ines.example.org' } }),
    update: { body: { domain: { canonical: true } }, expect: { canonical: true } },
  },
  {
    family: 'apps.collaborators',
    scope: 'app',
    collection: app('/collaborators'),
    root: 'collaborator',
    plural: 'collaborators',
    retrieve: false,
    create: () => ({ collaborator: { email: 'someone@example.org', is_limited: true } }),
    update: { body: { collaborator: { is_limited: false } }, expect: { is_limited: false } },
  },
  {
    family: 'apps.addons',
    scope: 'app',
    collection: app('/addons'),
    root: 'addon',
    plural: 'addons',
    create: async () => {
      const { body } = await call('ines', 'GET', '/v1/addon_providers');
      const provider = body.addon_providers.find((p: { plans: Array<{ price?: number }> }) => p.plans.length > 1);
      return { addon: { addon_provider_id: provider.id, plan_id: provider.plans[0].id } };
    },
  },
  {
    family: 'apps.deployments',
    scope: 'app',
    collection: app('/deployments'),
    root: 'deployment',
    plural: 'deployments',
    createStatus: 201,
    create: () => ({ deployment: { git_ref: 'v1.0.0', source_url: 'https://example.org/ines.tar.gz' } }),
    delete: false,
  },
  {
    family: 'tokens',
    scope: 'user',
    collection: '/v1/tokens',
    root: 'token',
    plural: 'tokens',
    retrieve: false,
    create: () => ({ token: { name: 'ci' } }),
  },
  {
    family: 'keys',
    scope: 'user',
    collection: '/v1/keys',
    root: 'key',
    plural: 'keys',
    create: () => ({ key: { name: 'laptop', content: PUBLIC_KEY } }),
  },
  {
    family: 'apps.notifiers',
    scope: 'app',
    collection: app('/notifiers'),
    root: 'notifier',
    plural: 'notifiers',
    create: () => ({
      notifier: {
        platform_id: '60a3c9f5f2b4d50001e7a402',
        name: 'Deploy hook',
        type_data: { webhook_url: 'https://hooks.example.org/ines' },
      },
    }),
    update: { body: { notifier: { active: false } }, expect: { active: false } },
  },
  {
    family: 'apps.alerts',
    scope: 'app',
    collection: app('/alerts'),
    root: 'alert',
    plural: 'alerts',
    create: () => ({ alert: { container_type: 'web', metric: 'cpu', limit: 0.8 } }),
    update: { body: { alert: { limit: 0.9 } }, expect: { limit: 0.9 } },
    replace: { body: { alert: { metric: 'memory', limit: 0.7 } }, expect: { metric: 'memory', limit: 0.7 } },
  },
  {
    family: 'apps.autoscalers',
    scope: 'app',
    collection: app('/autoscalers'),
    root: 'autoscaler',
    plural: 'autoscalers',
    create: () => ({
      autoscaler: { container_type: 'web', min_containers: 1, max_containers: 3, metric: 'cpu', target: 0.7 },
    }),
    update: { body: { autoscaler: { max_containers: 5 } }, expect: { max_containers: 5 } },
    replace: { body: { autoscaler: { disabled: true } }, expect: { disabled: true } },
  },
  {
    family: 'apps.logDrains',
    scope: 'app',
    collection: app('/log_drains'),
    root: 'drain',
    plural: 'drains',
    key: 'url',
    retrieve: false,
    create: () => ({ drain: { type: 'syslog', token: 'secret', host: 'logs.example.org', port: '6514' } }),
    delete: (url) => `${app('/log_drains')}?url=${encodeURIComponent(url)}`,
  },
  {
    family: 'apps.addons.logDrains',
    scope: 'app',
    get collection() {
      return app(`/addons/${addonId}/log_drains`);
    },
    root: 'drain',
    plural: 'drains',
    key: 'url',
    retrieve: false,
    create: () => ({ drain: { type: 'datadog', token: 'dd-key', drain_region: 'eu-west-2' } }),
    delete: (url) => `${app(`/addons/${addonId}/log_drains`)}?url=${encodeURIComponent(url)}`,
  },
  {
    family: 'scmIntegrations',
    scope: 'user',
    collection: '/v1/scm_integrations',
    root: 'scm_integration',
    plural: 'scm_integrations',
    create: () => ({
      scm_integration: { scm_type: 'github-enterprise', url: 'https://github.ines.example.org', access_token: 'ghp-1' },
    }),
  },
  {
    family: 'apps.scmRepoLink',
    scope: 'app',
    single: true,
    collection: app('/scm_repo_link'),
    root: 'scm_repo_link',
    plural: 'scm_repo_link',
    create: () => ({
      scm_repo_link: { source: 'https://gitlab.ines.example.org/ines/shop', auth_integration_uuid: integrationId },
    }),
    update: {
      body: { scm_repo_link: { branch: 'release', auto_deploy_enabled: true } },
      expect: { branch: 'release' },
    },
  },
  {
    family: 'apps.childApps',
    scope: 'app',
    collection: app('/child_apps'),
    root: 'app',
    plural: 'child_apps',
    retrieve: false,
    create: () => ({ app: { name: 'ines-families-pr7' } }),
    delete: (_id, doc) => `/v1/apps/${doc.name}?current_name=${doc.name}`,
  },
  {
    family: 'projects',
    scope: 'user',
    collection: '/v1/projects',
    root: 'project',
    plural: 'projects',
    create: () => ({ project: { name: 'side-projects' } }),
    update: { body: { project: { name: 'side-projects-2024' } }, expect: { name: 'side-projects-2024' } },
  },
  {
    family: 'projects.transferInvitations',
    // Only the project's owner lists its invitations (and the invitee reads theirs): another user gets 404.
    scope: 'app',
    get collection() {
      return `/v1/projects/${handoverId}/transfer_invitations`;
    },
    root: 'transfer_invitation',
    plural: 'transfer_invitations',
    create: () => ({ transfer_invitation: { invited_user_id: noorId } }),
    delete: false,
  },
  {
    family: 'databases',
    scope: 'user',
    collection: '/v1/databases',
    root: 'database',
    plural: 'databases',
    create: () => ({ database: { name: 'ines-orders-pg', technology: 'postgresql-ng', plan: postgresqlNgPlan } }),
    delete: false,
  },
  {
    family: 'databases.netPeerings',
    scope: 'app',
    get collection() {
      return `/v1/databases/${databaseId}/net_peerings`;
    },
    root: 'net_peering',
    plural: 'net_peerings',
    create: () => ({ outscale_net_peering_id: 'pcx-4e7a19c2' }),
  },
  {
    family: 'db.users',
    scope: 'database',
    get collection() {
      return `/api/databases/${addonId}/users`;
    },
    root: 'database_user',
    plural: 'database-users',
    key: 'name',
    retrieve: false,
    create: () => ({ database_user: { name: 'reporting', read_only: true } }),
    update: {
      body: { database_user: { password: 'Qv7'.repeat(8), password_confirmation: 'Qv7'.repeat(8) } },
      expect: { name: 'reporting' },
    },
  },
  {
    family: 'db.backups',
    scope: 'database',
    get collection() {
      return `/api/databases/${addonId}/backups`;
    },
    item: (id) => `/api/backups/${id}`,
    root: 'database_backup',
    plural: 'database_backups',
    createStatus: 201,
    create: () => undefined,
    delete: false,
  },
  {
    family: 'db.firewallRules',
    scope: 'database',
    get collection() {
      return `/api/databases/${addonId}/firewall_rules`;
    },
    root: 'rule',
    plural: 'rules',
    retrieve: false,
    create: () => ({ type: 'custom_range', cidr: '198.51.100.0/24', label: 'ines office' }),
  },
];

/**
 * How each stateful family is shown isolated from another user: by its row of the table, or by
 * the sources and users tests below. Declared, not collected as the tests pass, so that the
 * figures test counts the same whatever order the tests run in (a failing row fails on its own).
 */
const BY_SCOPE: Record<Row['scope'], string> = {
  user: 'by user',
  app: 'by application or project',
  database: 'by database token',
};
const isolation = new Map<string, string>([
  ...rows.map((row): [string, string] => [row.family, BY_SCOPE[row.scope]]),
  ['sources', 'by URL token'],
  ['users', 'by user'],
]);
const stateful = new Set(isolation.keys());
let addonId = '';
let integrationId = '';
let handoverId = '';
let noorId = '';
let postgresqlNgPlan = '';
let databaseId = '';

beforeAll(async () => {
  sandbox = await createSandbox({
    user: { username: 'ines', paymentMethod: true },
    users: [
      { username: 'oscar', token: 'tk-us-oscar', paymentMethod: true },
      { username: 'noor', token: 'tk-us-noor', paymentMethod: true },
    ],
  });
  for (const [who, token] of [
    ['ines', sandbox.token],
    ['oscar', 'tk-us-oscar'],
    ['noor', 'tk-us-noor'],
  ] as const)
    bearer[who] = await bearerFor(sandbox, token);
  expect((await call('ines', 'POST', '/v1/apps', { app: { name: APP } })).status).toBe(201);
  const { body } = await call('ines', 'GET', '/v1/addon_providers');
  const provider = body.addon_providers.find((p: { plans: Array<{ price?: number }> }) => p.plans.length > 0);
  const addon = await call('ines', 'POST', app('/addons'), {
    addon: { addon_provider_id: provider.id, plan_id: provider.plans[0].id },
  });
  addonId = addon.body.addon.id;
  databaseToken.ines = (await call('ines', 'POST', app(`/addons/${addonId}/token`))).body.addon.token;
  // oscar's token is one issued for a database of his own.
  await call('oscar', 'POST', '/v1/apps', { app: { name: 'oscar-families' } });
  const theirs = await call('oscar', 'POST', '/v1/apps/oscar-families/addons', {
    addon: { addon_provider_id: provider.id, plan_id: provider.plans[0].id },
  });
  databaseToken.oscar = (
    await call('oscar', 'POST', `/v1/apps/oscar-families/addons/${theirs.body.addon.id}/token`)
  ).body.addon.token;
  const integration = await call('ines', 'POST', '/v1/scm_integrations', {
    scm_integration: {
      scm_type: 'gitlab-self-hosted',
      url: 'https://gitlab.ines.example.org',
      access_token: 'glpat-1',
    },
  });
  integrationId = integration.body.scm_integration.id;

  // A project of ines whose one application noor collaborates on: noor may take it over.
  handoverId = (await call('ines', 'POST', '/v1/projects', { project: { name: 'handover' } })).body.project.id;
  await call('ines', 'POST', '/v1/apps', { app: { name: 'ines-handover', project_id: handoverId } });
  const invited = await call('ines', 'POST', '/v1/apps/ines-handover/collaborators', {
    collaborator: { email: 'noor@example.org' },
  });
  const token = new URL(invited.body.collaborator.invitation_link).searchParams.get('token');
  expect((await call('noor', 'GET', `/v1/apps/collaboration?token=${token}`)).status).toBe(200);
  noorId = (await call('noor', 'GET', '/v1/users/self')).body.user.id;
  postgresqlNgPlan = (await call('ines', 'GET', '/v1/addon_providers')).body.addon_providers.find(
    (p: { id: string }) => p.id === 'postgresql-ng',
  )?.plans[0].name;
  databaseId = (
    await call('ines', 'POST', '/v1/databases', {
      database: { name: 'ines-peered-pg', technology: 'postgresql-ng', plan: postgresqlNgPlan },
    })
  ).body.database?.id;
});
afterAll(async () => {
  await sandbox?.close();
});

describe.each(rows)('$family', (row) => {
  const idOf = (doc: Record<string, unknown>) => String(doc[row.key ?? 'id']);
  test('create → list → retrieve → update → delete → 404, and another user sees none of it', async () => {
    const created = await call('ines', 'POST', row.collection, await row.create());
    expect(created.status, JSON.stringify(created.body)).toBe(row.createStatus ?? 201);
    const doc = created.body[row.root] as Record<string, unknown>;
    const id = idOf(doc);
    const item = row.single ? row.collection : (row.item?.(id, doc) ?? `${row.collection}/${id}`);
    const ids = (body: Record<string, unknown>) =>
      row.single
        ? [idOf(body[row.root] as Record<string, unknown>)]
        : (body[row.plural] as Array<Record<string, unknown>>).map(idOf);

    const listed = await call('ines', 'GET', row.collection);
    expect(listed.status).toBe(200);
    expect(ids(listed.body)).toContain(id);
    if (row.retrieve !== false) {
      const retrieved = await call('ines', 'GET', item);
      expect(retrieved.status).toBe(200);
      expect(idOf(retrieved.body[row.root])).toBe(id);
    }

    for (const [method, change] of [
      ['PATCH', row.update],
      ['PUT', row.replace],
    ] as const) {
      if (!change) continue;
      const changed = await call('ines', method, item, change.body);
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body[row.root]).toMatchObject(change.expect ?? {});
      if (row.retrieve !== false)
        expect((await call('ines', 'GET', item)).body[row.root]).toMatchObject(change.expect ?? {});
    }

    // Isolation: the other user gets 404 on the application, or does not find the document among theirs.
    // A path naming the database refuses another database's token (401); one naming only the document finds none (404).
    const refused = (url: string) => (row.scope === 'database' && url.startsWith('/api/databases/') ? 401 : 404);
    const theirs = await call('oscar', 'GET', row.collection);
    if (row.scope === 'user') expect(ids(theirs.body)).not.toContain(id);
    else expect(theirs.status).toBe(refused(row.collection));
    if (row.retrieve !== false) expect((await call('oscar', 'GET', item)).status).toBe(refused(item));
    if (row.update) expect((await call('oscar', 'PATCH', item, row.update.body)).status).toBe(refused(item));
    if (row.delete !== false) {
      const removal = row.delete?.(id, doc) ?? item;
      expect((await call('oscar', 'DELETE', removal)).status).toBe(refused(removal));
      expect((await call('ines', 'DELETE', removal)).status).toBe(204);
      expect((await call('ines', 'DELETE', removal)).status).toBe(404);
      if (row.retrieve !== false) expect((await call('ines', 'GET', item)).status).toBe(404);
      if (!row.single) expect(ids((await call('ines', 'GET', row.collection)).body)).not.toContain(id);
    }
  });
});

test('sources: an archive put at the upload URL is read back from the download URL, by that URL only', async () => {
  const created = await call('ines', 'POST', '/v1/sources');
  expect(created.status).toBe(201);
  const { upload_url, download_url } = created.body.source;
  const local = (url: string) => new URL(url).pathname + new URL(url).search;
  const archive = Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]);
  const raw = (method: 'GET' | 'PUT', url: string, payload?: Buffer) =>
    sandbox.app.inject({
      method,
      url,
      ...(payload ? { payload, headers: { 'content-type': 'application/x-gzip' } } : {}),
    });
  expect((await raw('GET', local(download_url))).statusCode).toBe(404);
  expect((await raw('PUT', local(upload_url), archive)).statusCode).toBe(200);
  const downloaded = await raw('GET', local(download_url));
  expect(downloaded.statusCode).toBe(200);
  expect(downloaded.headers['content-type']).toBe('application/x-gzip');
  expect(downloaded.rawPayload).toEqual(archive);
  // Each URL does its own job only; another source's ID with this token finds nothing.
  expect((await raw('GET', local(upload_url))).statusCode).toBe(404);
  expect((await raw('PUT', local(download_url), archive)).statusCode).toBe(404);
  const other = (await call('oscar', 'POST', '/v1/sources')).body.source.download_url;
  const mixed = `${new URL(other).pathname}${new URL(download_url).search}`;
  expect((await raw('GET', mixed)).statusCode).toBe(404);
  // The download URL is what a deployment is made from.
  const deployment = await call('ines', 'POST', app('/deployments'), {
    deployment: { git_ref: 'main', source_url: download_url },
  });
  expect(deployment.status).toBe(201);
});

test('users: sign up, sign in, change the account, close it; another user touches none of it', async () => {
  const as = (authorization: string, method: string, url: string, body?: unknown) =>
    send(sandbox, authorization, method, url, body);
  const signUp = { user: { email: 'zoe@example.org', password: 'correct-horse' } };
  expect((await as('', 'POST', '/v1/users', signUp)).status).toBe(201);
  expect((await as('', 'POST', '/v1/users', signUp)).body).toEqual({ errors: { email: ['has already been taken'] } });
  const login = `Basic ${btoa('zoe@example.org:correct-horse')}`;
  const token = (await as(login, 'POST', '/v1/tokens', { token: { name: 'laptop' } })).body.token.token;
  const zoe = `Basic ${btoa(`:${token}`)}`;
  const self = (await as(zoe, 'GET', '/v1/users/self')).body.user;
  expect(self).toMatchObject({ email: 'zoe@example.org', username: 'zoe' });

  const changed = await as(zoe, 'PATCH', `/v1/users/${self.id}`, { user: { username: 'zoe-martin' } });
  expect(changed.status).toBe(200);
  expect(changed.body.user).toMatchObject({ username: 'zoe-martin', email: 'zoe@example.org' });
  const replaced = await as(zoe, 'PUT', `/v1/users/${self.id}`, { user: { email: 'zoe.martin@example.org' } });
  expect(replaced.body.user).toMatchObject({ username: 'zoe-martin', email: 'zoe.martin@example.org' });
  expect((await as(zoe, 'GET', '/v1/users/self')).body.user.email).toBe('zoe.martin@example.org');
  expect((await as(zoe, 'PATCH', `/v1/users/${self.id}`, { user: { username: 'oscar' } })).status).toBe(422);
  // Another user can neither see nor change the account.
  expect((await call('oscar', 'PATCH', `/v1/users/${self.id}`, { user: { username: 'taken-over' } })).status).toBe(404);
  expect((await call('oscar', 'GET', '/v1/users/self')).body.user.username).toBe('oscar');

  expect((await as(zoe, 'POST', '/v1/apps', { app: { name: 'zoe-first-app' } })).status).toBe(201);
  expect((await as(zoe, 'DELETE', '/v1/users')).status).toBe(204);
  expect((await as(zoe, 'GET', '/v1/users/self')).status).toBe(401);
  // Her applications went with the account: the name is free again.
  expect((await call('ines', 'POST', '/v1/apps', { app: { name: 'zoe-first-app' } })).status).toBe(201);
  expect((await as('', 'POST', '/v1/users', { user: { email: 'zoe.martin@example.org', password: 'x' } })).status).toBe(
    201,
  );
});

/** Lists that are fixed data (catalogues), not state a user creates. */
const CATALOGUES = new Set([
  'addonProviders',
  'addonCategories',
  'eventCategories',
  'eventTypes',
  'features.containerSizes',
  'features.stacks',
  'features.metrics',
  'regions',
  'notificationPlatforms',
]);

test('figures: families of the spec that keep state', async () => {
  const spec = await loadSpec();
  const created = new Set<string>();
  const listed = new Set<string>();
  for (const entry of operations(spec)) {
    const id = String(entry.operation.operationId);
    const family = id.slice(0, id.lastIndexOf('.'));
    if (CATALOGUES.has(family) || id.startsWith('provider.')) continue;
    if (id.endsWith('.create')) created.add(family);
    else if (id.endsWith('.list')) listed.add(family);
  }
  for (const family of created) listed.delete(family);
  const missing = [...created].filter((f) => !stateful.has(f)).sort();
  const kinds = new Map<string, number>();
  for (const kind of isolation.values()) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  const isolated = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
  console.log(
    `stateful families (with a create in the spec): ${[...created].filter((f) => stateful.has(f)).length} / ${created.size}` +
      `, each isolated from another user (${isolated})` +
      (missing.length ? ` — not yet: ${missing.join(', ')}` : '') +
      `\nlist-only families (views of that state, or of the outside world): ${[...listed].sort().join(', ')}`,
  );
  expect([...stateful].every((f) => created.has(f) || listed.has(f))).toBe(true);
});
