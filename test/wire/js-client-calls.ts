// Every method of the official JavaScript client (`scalingo` 0.14.6), called
// the way its users call it, in an order where what a call creates exists for
// the calls after it. `ids` carries what the target answered (an ID, a name)
// so that a stateful target sees real references; a stateless mock accepts the
// defaults. Methods that stream or open sockets are listed apart with why.

import { totpCode } from '@scalingo-openapi/sandbox';
import type { Client } from 'scalingo';

export interface Ids {
  app: string;
  [key: string]: string;
}

export interface JsCall {
  /** `Class.method`, as the client names it. */
  name: string;
  call(client: Client, ids: Ids): Promise<unknown>;
  /** Keeps what later calls refer to. */
  // biome-ignore lint/suspicious/noExplicitAny: the client's results, read loosely
  keep?(result: any, ids: Ids): void;
  /** What the caller reads from the result, when the method wraps it (undefined there = root key not found). */
  // biome-ignore lint/suspicious/noExplicitAny: the client's results, read loosely
  unpacked?(result: any): unknown;
}

export const JS_CLIENT_SKIPPED: Record<string, string> = {
  'Apps.deploymentListener': 'opens a WebSocket on the deployments stream (streams.yaml), not a request/answer call',
  'Logs.listenerFor': 'opens a WebSocket on the logs host (streams.yaml), not a request/answer call',
};

// A token ID of the shape the spec gives it (a UUID), for a call that runs before Tokens.create.
const tokenId = '7c2e9a41-5b3d-4f86-9e10-2d4a6b8c0f35';

const id = (key: string) => (result: { id?: string } | undefined, ids: Ids) => {
  if (result?.id) ids[key] = result.id;
};

export const JS_CLIENT_CALLS: JsCall[] = [
  // Catalogues and account
  { name: 'Regions.all', call: (c) => c.Regions.all() },
  { name: 'Users.self', call: (c) => c.Users.self() },
  { name: 'Users.roles', call: (c) => c.Users.roles() },
  {
    name: 'Users.updateAccount',
    call: (c) => c.Users.updateAccount({ fullname: 'Camille Martin', company: 'Boulangerie Martin' }),
  },
  { name: 'Stacks.list', call: (c) => c.Stacks.list() },
  { name: 'Metrics.types', call: (c) => c.Metrics.types() },
  { name: 'Containers.availableSizes', call: (c) => c.Containers.availableSizes() },
  { name: 'Addons.listCategories', call: (c) => c.Addons.listCategories() },
  { name: 'Addons.listProviders', call: (c) => c.Addons.listProviders() },
  {
    name: 'Addons.listProviders(authenticated, dedicated)',
    call: (c) => c.Addons.listProviders('ac-5f0c6a1d2e3f4a0012b3c4d5', true, true),
  },
  { name: 'Events.listEventTypes', call: (c) => c.Events.listEventTypes() },
  { name: 'Events.listEventCategories', call: (c) => c.Events.listEventCategories() },
  { name: 'NotificationPlatforms.list', call: (c) => c.NotificationPlatforms.list() },
  { name: 'Stats.referrals', call: (c) => c.Stats.referrals() },
  { name: 'Events.all', call: (c) => c.Events.all({ page: 1, per_page: 20 }) },
  { name: 'Collaborators.all', call: (c) => c.Collaborators.all({}) },
  { name: 'Contracts.list', call: (c) => c.Contracts.list(), keep: (r, ids) => r?.[0] && id('contract')(r[0], ids) },
  { name: 'Contracts.history', call: (c) => c.Contracts.history() },
  { name: 'Contracts.find', call: (c, ids) => c.Contracts.find(ids.contract ?? 'ct-2b1e6c3a-terms') },
  { name: 'Contracts.accept', call: (c, ids) => c.Contracts.accept(ids.contract ?? 'ct-2b1e6c3a-terms', 'fr') },
  { name: 'TwoFactorAuth.status', call: (c) => c.TwoFactorAuth.status() },
  {
    name: 'TwoFactorAuth.initiate',
    call: (c) => c.TwoFactorAuth.initiate(),
    // Play the authenticator app: keep the secret of the `otpauth://` URI.
    keep: (r, ids) => {
      const secret = /[?&]secret=([A-Z2-7]+)/.exec(r?.uri ?? '')?.[1];
      if (secret) ids.tfaSecret = secret;
    },
  },
  { name: 'TwoFactorAuth.validate', call: (c, ids) => c.TwoFactorAuth.validate(oneTimePassword(ids)) },
  { name: 'TwoFactorAuth.disable', call: (c, ids) => c.TwoFactorAuth.disable(oneTimePassword(ids)) },
  { name: 'Billing.profile', call: (c) => c.Billing.profile(), keep: id('profile') },
  {
    name: 'Billing.createProfile',
    call: (c) => c.Billing.createProfile(billingProfile),
    keep: id('profile'),
  },
  {
    name: 'Billing.updateProfile',
    call: (c, ids) => c.Billing.updateProfile(ids.profile ?? '6512c0a97e4b3d0012f8a6c1', billingProfile),
  },
  // Tokens, keys and SCM integrations (authentication API)
  { name: 'Tokens.exchange', call: (c) => c.Tokens.exchange(c._token) },
  { name: 'Tokens.all', call: (c) => c.Tokens.all() },
  { name: 'Tokens.create', call: (c) => c.Tokens.create('ci-deploy'), keep: id('token') },
  { name: 'Tokens.renew', call: (c, ids) => c.Tokens.renew(ids.token ?? tokenId) },
  { name: 'Keys.all', call: (c) => c.Keys.all() },
  {
    name: 'Keys.create',
    call: (c) => c.Keys.create('laptop', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq2mS7bOqL0vZ0cKp1m camille@laptop'),
    keep: id('key'),
  },
  { name: 'Keys.show', call: (c, ids) => c.Keys.show(ids.key ?? 'ky-4e2d1c0b') },
  { name: 'SCMIntegrations.all', call: (c) => c.SCMIntegrations.all() },
  {
    name: 'SCMIntegrations.create',
    call: (c) =>
      c.SCMIntegrations.create({ scm_type: 'github', url: 'https://github.com', access_token: 'ghp_exampletoken0123' }),
    keep: id('scm'),
  },
  { name: 'SCMIntegrations.find', call: (c, ids) => c.SCMIntegrations.find(ids.scm ?? scmId) },
  { name: 'SCMIntegrations.importSSHKeys', call: (c, ids) => c.SCMIntegrations.importSSHKeys(ids.scm ?? scmId) },
  {
    name: 'SCMIntegrations.searchPullRequests',
    call: (c, ids) => c.SCMIntegrations.searchPullRequests(ids.scm ?? scmId, 'fix'),
  },
  {
    name: 'SCMIntegrations.searchRepositories',
    call: (c, ids) => c.SCMIntegrations.searchRepositories(ids.scm ?? scmId, 'shop'),
  },
  { name: 'SCMIntegrations.organizations', call: (c, ids) => c.SCMIntegrations.organizations(ids.scm ?? scmId) },
  {
    name: 'SCMIntegrations.branchesForRepo',
    call: (c, ids) => c.SCMIntegrations.branchesForRepo(ids.scm ?? scmId, 'boulangerie/my-shop'),
  },
  // Projects and applications
  { name: 'Projects.all', call: (c) => c.Projects.all() },
  { name: 'Projects.create', call: (c) => c.Projects.create({ name: 'bakery' }), keep: id('project') },
  { name: 'Projects.find', call: (c, ids) => c.Projects.find(ids.project ?? 'pr-9c8b7a6d') },
  { name: 'Projects.update', call: (c, ids) => c.Projects.update(ids.project ?? 'pr-9c8b7a6d', { name: 'bakery-eu' }) },
  { name: 'Apps.all', call: (c) => c.Apps.all() },
  {
    name: 'Apps.create',
    call: (c) => c.Apps.create({ name: 'my-shop-staging' }),
    keep: (r, ids) => {
      if (r?.name) ids.spare = r.name;
    },
  },
  { name: 'Apps.create(dry_run)', call: (c) => c.Apps.create({ name: 'my-shop-dry', dry_run: true }) },
  { name: 'Apps.find', call: (c, ids) => c.Apps.find(ids.app) },
  { name: 'Apps.update', call: (c, ids) => c.Apps.update(ids.app, { force_https: true, router_logs: true }) },
  { name: 'Apps.logsURL', call: (c, ids) => c.Apps.logsURL(ids.app) },
  { name: 'Logs.for', call: (c, ids) => c.Logs.for(ids.app, { count: 100 }) },
  { name: 'Logs.archives', call: (c, ids) => c.Logs.archives(ids.app) },
  // Configuration of an application
  { name: 'Environment.for', call: (c, ids) => c.Environment.for(ids.app) },
  {
    name: 'Environment.create',
    call: (c, ids) => c.Environment.create(ids.app, { name: 'RAILS_ENV', value: 'production' }),
    keep: id('variable'),
  },
  {
    name: 'Environment.bulkUpdate',
    call: (c, ids) =>
      c.Environment.bulkUpdate(ids.app, [
        { name: 'WEB_CONCURRENCY', value: '3' },
        { name: 'LOG_LEVEL', value: 'info' },
      ]),
    keep: (r, ids) => {
      if (Array.isArray(r) && r[0]?.id) ids.variables = r.map((v: { id: string }) => v.id).join(',');
    },
  },
  {
    name: 'Environment.update',
    call: (c, ids) => c.Environment.update(ids.app, ids.variable ?? variableId, 'staging'),
  },
  { name: 'Domains.for', call: (c, ids) => c.Domains.for(ids.app) },
  {
    name: 'Domains.create',
    call: (c, ids) => c.Domains.create(ids.app, { name: 'shop.example.org' }),
    keep: id('domain'),
  },
  { name: 'Domains.show', call: (c, ids) => c.Domains.show(ids.app, ids.domain ?? domainId) },
  { name: 'Domains.update', call: (c, ids) => c.Domains.update(ids.app, ids.domain ?? domainId, { canonical: true }) },
  { name: 'Collaborators.for', call: (c, ids) => c.Collaborators.for(ids.app) },
  {
    name: 'Collaborators.invite',
    call: (c, ids) => c.Collaborators.invite(ids.app, 'dominique@example.org'),
    keep: (r, ids) => {
      if (r?.id) ids.collaborator = r.id;
      if (r?.invitation_link) ids.invitation = new URL(r.invitation_link).searchParams.get('token') ?? '';
    },
  },
  {
    name: 'Collaborators.update',
    call: (c, ids) => c.Collaborators.update(ids.app, ids.collaborator ?? collaboratorId, { is_limited: true }),
  },
  { name: 'Collaborators.inviteAccept', call: (c, ids) => c.Collaborators.inviteAccept(ids.invitation || 'a1b2c3') },
  { name: 'Addons.for', call: (c, ids) => c.Addons.for(ids.app) },
  {
    name: 'Addons.create',
    call: (c, ids) =>
      // Plans of the spec's catalogue, by name (the API takes a plan's ID or name).
      c.Addons.create(ids.app, { addon_provider_id: 'postgresql', plan_id: 'postgresql-starter-512' }),
    keep: id('addon'),
  },
  { name: 'Addons.getAddon', call: (c, ids) => c.Addons.getAddon(ids.app, ids.addon ?? addonId) },
  {
    name: 'Addons.update',
    call: (c, ids) => c.Addons.update(ids.app, ids.addon ?? addonId, { plan_id: 'postgresql-sandbox' }),
  },
  { name: 'Addons.sso', call: (c, ids) => c.Addons.sso(ids.app, ids.addon ?? addonId) },
  { name: 'Addons.resume', call: (c, ids) => c.Addons.resume(ids.app, ids.addon ?? addonId) },
  { name: 'Notifiers.for', call: (c, ids) => c.Notifiers.for(ids.app) },
  {
    name: 'Notifiers.create',
    call: (c, ids) =>
      c.Notifiers.create(ids.app, {
        platform_id: 'np-0b1c2d3e-email',
        name: 'ops mail',
        send_all_events: true,
        type_data: { emails: ['ops@example.org'] },
      }),
    keep: id('notifier'),
  },
  { name: 'Notifiers.get', call: (c, ids) => c.Notifiers.get(ids.app, ids.notifier ?? notifierId) },
  {
    name: 'Notifiers.update',
    call: (c, ids) => c.Notifiers.update(ids.app, ids.notifier ?? notifierId, { name: 'ops mail', active: false }),
  },
  { name: 'Notifiers.test', call: (c, ids) => c.Notifiers.test(ids.app, ids.notifier ?? notifierId) },
  { name: 'Alerts.for', call: (c, ids) => c.Alerts.for(ids.app) },
  {
    name: 'Alerts.create',
    call: (c, ids) => c.Alerts.create(ids.app, { container_type: 'web', metric: 'cpu', limit: 0.8 }),
    keep: id('alert'),
  },
  { name: 'Alerts.find', call: (c, ids) => c.Alerts.find(ids.app, ids.alert ?? alertId) },
  { name: 'Alerts.update', call: (c, ids) => c.Alerts.update(ids.app, ids.alert ?? alertId, { limit: 0.9 }) },
  { name: 'Autoscalers.for', call: (c, ids) => c.Autoscalers.for(ids.app) },
  {
    name: 'Autoscalers.create',
    call: (c, ids) =>
      c.Autoscalers.create(ids.app, {
        container_type: 'web',
        metric: 'cpu',
        target: 0.75,
        min_containers: 2,
        max_containers: 6,
      }),
    keep: id('autoscaler'),
  },
  { name: 'Autoscalers.show', call: (c, ids) => c.Autoscalers.show(ids.app, ids.autoscaler ?? autoscalerId) },
  {
    name: 'Autoscalers.update',
    call: (c, ids) => c.Autoscalers.update(ids.app, ids.autoscaler ?? autoscalerId, { max_containers: 8 }),
  },
  {
    name: 'DataAccessConsent.create',
    call: (c, ids) => c.DataAccessConsent.create(ids.app, { containers_until: daysAhead(14) } as never),
  },
  {
    name: 'DataAccessConsent.update',
    call: (c, ids) => c.DataAccessConsent.update(ids.app, { databases_until: daysAhead(21) } as never),
  },
  {
    name: 'HDSContacts.update',
    call: (c, ids) =>
      c.HDSContacts.update(ids.app, {
        org_type: 'company',
        name: 'Camille Martin',
        email: 'dpo@example.org',
        phone_number: '+33 4 72 00 00 00',
        company: 'Boulangerie Martin',
        address_line1: '12 rue des Lilas',
        address_city: 'Lyon',
        address_zip: '69003',
        address_country: 'FR',
      }),
  },
  // Runtime of an application
  { name: 'Containers.for', call: (c, ids) => c.Containers.for(ids.app) },
  { name: 'Containers.processes', call: (c, ids) => c.Containers.processes(ids.app), keep: containerId },
  {
    name: 'Containers.scale',
    call: (c, ids) => c.Containers.scale(ids.app, [{ name: 'web', amount: 2, size: 'M' }] as never),
    unpacked: (r) => r?.formation,
  },
  { name: 'Containers.restart', call: (c, ids) => c.Containers.restart(ids.app, 'web') },
  {
    name: 'Containers.run',
    call: (c, ids) => c.Containers.run(ids.app, { command: 'bundle exec rake db:migrate', detached: true, size: 'M' }),
  },
  { name: 'Containers.stop', call: (c, ids) => c.Containers.stop(ids.app, ids.container ?? 'web-1') },
  { name: 'Operations.operation', call: (c, ids) => c.Operations.operation(ids.app, ids.operation ?? operationId) },
  { name: 'Metrics.get', call: (c, ids) => c.Metrics.get(ids.app, 'cpu', { since: 24 }) },
  {
    name: 'Metrics.get(container)',
    call: (c, ids) => c.Metrics.get(ids.app, 'memory', { containerType: 'web', containerIndex: 1, last: true }),
  },
  {
    name: 'Metrics.get(router)',
    call: (c, ids) => c.Metrics.get(ids.app, 'router', { statusCode: '5XX', statisticsType: 'mean' }),
  },
  { name: 'CronTasks.for', call: (c, ids) => c.CronTasks.for(ids.app) },
  { name: 'Events.for', call: (c, ids) => c.Events.for(ids.app, { page: 1 }), keep: eventId },
  { name: 'Events.find', call: (c, ids) => c.Events.find(ids.app, ids.event ?? '65412a0be8d1c3000f2b4a6e') },
  { name: 'AuditLogs.show', call: (c, ids) => c.AuditLogs.show(ids.app, 'al-1f2e3d4c') },
  // Deployments and SCM links
  { name: 'Deployments.for', call: (c, ids) => c.Deployments.for(ids.app, { page: 1, per_page: 10 } as never) },
  {
    name: 'Deployments.create',
    call: (c, ids) =>
      c.Deployments.create(ids.app, {
        source_url: 'https://github.com/boulangerie/my-shop/archive/main.tar.gz',
        git_ref: 'main',
      }),
    keep: id('deployment'),
  },
  { name: 'Deployments.find', call: (c, ids) => c.Deployments.find(ids.app, ids.deployment ?? deploymentId) },
  { name: 'Deployments.logs', call: (c, ids) => c.Deployments.logs(ids.app, ids.deployment ?? deploymentId) },
  { name: 'Deployments.purgeCache', call: (c, ids) => c.Deployments.purgeCache(ids.app) },
  {
    name: 'SCMRepoLinks.create',
    call: (c, ids) =>
      c.SCMRepoLinks.create(ids.app, {
        source: 'https://github.com/boulangerie/my-shop',
        branch: 'main',
        auth_integration_uuid: ids.scm ?? scmId,
        auto_deploy_enabled: true,
      }),
  },
  { name: 'SCMRepoLinks.find', call: (c, ids) => c.SCMRepoLinks.find(ids.app) },
  {
    name: 'SCMRepoLinks.update',
    call: (c, ids) => c.SCMRepoLinks.update(ids.app, { deploy_review_apps_enabled: true }),
  },
  { name: 'SCMRepoLinks.branches', call: (c, ids) => c.SCMRepoLinks.branches(ids.app) },
  { name: 'SCMRepoLinks.pulls', call: (c, ids) => c.SCMRepoLinks.pulls(ids.app) },
  { name: 'SCMRepoLinks.reviewApps', call: (c, ids) => c.SCMRepoLinks.reviewApps(ids.app) },
  { name: 'SCMRepoLinks.manualDeploy', call: (c, ids) => c.SCMRepoLinks.manualDeploy(ids.app, 'main') },
  { name: 'SCMRepoLinks.manualReviewApp', call: (c, ids) => c.SCMRepoLinks.manualReviewApp(ids.app, 42 as never) },
  // Dedicated databases (regional API)
  { name: 'Databases.all', call: (c) => c.Databases.all() },
  {
    name: 'Databases.create',
    call: (c) =>
      c.Databases.create({
        name: 'shop-orders-db',
        technology: 'postgresql-ng',
        plan: 'postgresql-dr-starter-4096',
      } as never),
  },
  // What the calls above created goes away last.
  { name: 'SCMRepoLinks.destroy', call: (c, ids) => c.SCMRepoLinks.destroy(ids.app) },
  { name: 'DataAccessConsent.destroy', call: (c, ids) => c.DataAccessConsent.destroy(ids.app) },
  { name: 'Autoscalers.destroy', call: (c, ids) => c.Autoscalers.destroy(ids.app, ids.autoscaler ?? autoscalerId) },
  { name: 'Alerts.destroy', call: (c, ids) => c.Alerts.destroy(ids.app, ids.alert ?? alertId) },
  { name: 'Notifiers.destroy', call: (c, ids) => c.Notifiers.destroy(ids.app, ids.notifier ?? notifierId) },
  { name: 'Addons.destroy', call: (c, ids) => c.Addons.destroy(ids.app, ids.addon ?? addonId) },
  {
    name: 'Collaborators.destroy',
    call: (c, ids) => c.Collaborators.destroy(ids.app, ids.collaborator ?? collaboratorId),
  },
  { name: 'Domains.destroy', call: (c, ids) => c.Domains.destroy(ids.app, ids.domain ?? domainId) },
  {
    name: 'Environment.bulkDestroy',
    call: (c, ids) => c.Environment.bulkDestroy(ids.app, ids.variables?.split(',') ?? [variableId]),
  },
  { name: 'Environment.destroy', call: (c, ids) => c.Environment.destroy(ids.app, ids.variable ?? variableId) },
  { name: 'SCMIntegrations.destroy', call: (c, ids) => c.SCMIntegrations.destroy(ids.scm ?? scmId) },
  { name: 'Keys.destroy', call: (c, ids) => c.Keys.destroy(ids.key ?? 'ky-4e2d1c0b') },
  {
    name: 'Apps.rename',
    call: (c, ids) => c.Apps.rename(ids.spare ?? 'my-shop-staging', ids.spare ?? 'my-shop-staging', 'my-shop-qa'),
  },
  {
    name: 'Apps.transfer',
    call: (c) => c.Apps.transfer('my-shop-qa', 'my-shop-qa', 'dominique@example.org'),
  },
  { name: 'Apps.destroy', call: (c) => c.Apps.destroy('my-shop-qa', 'my-shop-qa') },
  { name: 'Users.stopFreeTrial', call: (c) => c.Users.stopFreeTrial() },
  { name: 'Users.requestAccountDeletion', call: (c) => c.Users.requestAccountDeletion() },
  {
    name: 'Users.confirmAccountDeletion',
    call: (c) =>
      c.Users.confirmAccountDeletion('ud-3c2b1a09', {
        token: 'd41d8cd98f00b204',
        reason: 'project ended',
        details: null,
      }),
  },
  { name: 'Tokens.destroy', call: (c, ids) => c.Tokens.destroy(ids.token ?? tokenId) },
];

const scmId = 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b';
const variableId = '5d3a1e7f9c0b2a0012d4e6f8';
const domainId = '5d3a1e7f9c0b2a0012d4e6f9';
const collaboratorId = '5d3a1e7f9c0b2a0012d4e6fa';
const addonId = 'ad-8e1c2b3a-4d5e-4f60-9a7b-8c9d0e1f2a3b';
const notifierId = 'no-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const alertId = 'al-2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e';
const autoscalerId = 'au-3d4e5f60-7182-4c9d-8e0f-2a3b4c5d6e7f';
const deploymentId = '5d3a1e7f9c0b2a0012d4e6fb';
const operationId = '6540f2c1a8b7e3000f1d2c4b';

const billingProfile = {
  name: 'Camille Martin',
  email: 'billing@example.org',
  company: 'Boulangerie Martin',
  address_line1: '12 rue des Lilas',
  address_city: 'Lyon',
  address_zip: '69003',
  address_country: 'FR',
  vat_number: 'FR40303265045',
  flags: [],
};

/** A consent deadline (at most 30 days ahead, by the API's rule). */
function daysAhead(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/** The code the authenticator app would show for the secret `initiate` gave, or any six digits (the mock). */
function oneTimePassword(ids: Ids): number {
  return Number(ids.tfaSecret ? totpCode(ids.tfaSecret) : '492031');
}

function containerId(result: Array<{ id?: string }> | undefined, ids: Ids): void {
  if (Array.isArray(result) && result[0]?.id) ids.container = result[0].id;
}

function eventId(result: { events?: Array<{ id?: string }> } | undefined, ids: Ids): void {
  if (result?.events?.[0]?.id) ids.event = result.events[0].id;
}
