// The sandbox: one Fastify process on 127.0.0.1 serving the regional and
// authentication APIs under /v1 (their paths do not collide) and the database
// API under /api, on the generated stubs. State lives in SQLite; operations
// without a stateful handler answer their documented example.

import { type Authenticate, type Handlers, scalingoApi, serverOptions } from '@scalingo-openapi/server';
import Fastify, { type FastifyInstance } from 'fastify';
import { accountDeletionHandlers } from './handlers/account-deletion.js';
import { accountHandlers } from './handlers/accounts.js';
import { addonActionHandlers } from './handlers/addon-actions.js';
import { addonHandlers } from './handlers/addons.js';
import { alertHandlers } from './handlers/alerts.js';
import { appHandlers } from './handlers/apps.js';
import { autoscalerHandlers } from './handlers/autoscalers.js';
import { billingProfileHandlers } from './handlers/billing-profiles.js';
import { branchHandlers } from './handlers/branches.js';
import { childAppHandlers } from './handlers/child-apps.js';
import { collaborationHandlers, collaboratorHandlers } from './handlers/collaborators.js';
import { containerHandlers } from './handlers/containers.js';
import type { Context, Principal } from './handlers/context.js';
import { contractHandlers } from './handlers/contracts.js';
import { dataAccessConsentHandlers } from './handlers/data-access-consents.js';
import { databaseApiHandlers } from './handlers/databases.js';
import { dedicatedDatabaseHandlers } from './handlers/dedicated-databases.js';
import { deploymentHandlers } from './handlers/deployments.js';
import { domainHandlers } from './handlers/domains.js';
import { eventHandlers } from './handlers/events.js';
import { hdsContactHandlers } from './handlers/hds-contacts.js';
import { keyHandlers } from './handlers/keys.js';
import { settleDue } from './handlers/lifecycles.js';
import { logDrainHandlers } from './handlers/log-drains.js';
import { notifierHandlers } from './handlers/notifiers.js';
import { oneOffHandlers } from './handlers/one-off.js';
import { projectHandlers } from './handlers/projects.js';
import { scmIntegrationHandlers } from './handlers/scm-integrations.js';
import { scmRepoLinkHandlers, scmRepoLinksHandlers } from './handlers/scm-repo-link.js';
import { sourceHandlers, sourceStorage } from './handlers/sources.js';
import { twoFactorAuthHandlers } from './handlers/two-factor-auth.js';
import { userCatalogueHandlers } from './handlers/user-catalogue.js';
import { variableHandlers } from './handlers/variables.js';
import { seedExamples } from './seed-examples.js';
import { openStores } from './store/stores.js';
import type { UserRow } from './store/users.js';
import { apiToken } from './store/values.js';

export interface SandboxUser {
  username: string;
  email?: string;
  password?: string;
  /** API token of the user; random when absent. */
  token?: string;
  /** Whether the account has a payment method (without one, a second app answers 402). */
  paymentMethod?: boolean;
}

export interface SandboxOptions {
  /** SQLite file, `:memory:` by default. */
  db?: string;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The first user; created on a new database only. */
  user?: SandboxUser;
  /** More users, e.g. to check that one never sees another's apps. */
  users?: SandboxUser[];
  /** Start the first user with the documents the spec's examples name, under their IDs (`my-shop-prod`…). */
  examples?: boolean;
  /** Largest request body, in bytes. */
  bodyLimit?: number;
  logger?: boolean;
  /** The clock lifecycles (deployments, operations) move on, in ms: `Date.now` by default; a test may step its own. */
  clock?: () => number;
}

export interface Sandbox {
  url: string;
  port: number;
  /** The API token of the first user. */
  token: string;
  app: FastifyInstance;
  /** The ID and token of a user's pending account deletion: what the confirmation email would carry. */
  accountDeletion(username: string): { id: string; token: string } | undefined;
  close(): Promise<void>;
}

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const stores = openStores(options.db ?? ':memory:', options.clock);
  const { db } = stores;
  let origin = 'http://127.0.0.1';
  const ctx: Context = { ...stores, origin: () => origin };

  const first = { username: 'sandbox', ...options.user };
  let token = first.token ?? apiToken();
  db.transaction(() => {
    for (const user of [first, ...(options.users ?? [])]) {
      const existing = ctx.users.byLogin(user.username);
      if (existing) {
        if (user === first) token = ctx.tokens.list(existing.id)[0]?.token ?? token;
        if (user.token && !ctx.tokens.userOfApiToken(user.token)) ctx.tokens.create(existing.id, 'sandbox', user.token);
        continue;
      }
      const created = ctx.users.create({
        username: user.username,
        email: user.email ?? `${user.username}@example.org`,
        password: user.password ?? `${user.username}-password`,
        paymentMethod: user.paymentMethod ?? false,
      });
      ctx.tokens.create(created.id, 'sandbox', user === first ? token : (user.token ?? apiToken()));
    }
  })();

  if (options.examples) db.transaction(() => seedExamples(ctx, ctx.users.byLogin(first.username)!))();

  const events = eventHandlers(ctx);
  const containers = containerHandlers(ctx);
  const logDrains = logDrainHandlers(ctx);
  const accounts = accountHandlers(ctx);
  const billing = billingProfileHandlers(ctx);
  const branches = branchHandlers(ctx);
  const handlers: Handlers<Principal> = {
    ...accounts,
    users: { ...accounts.users, ...accountDeletionHandlers(ctx), ...userCatalogueHandlers() },
    contracts: contractHandlers(ctx),
    twoFactorAuth: twoFactorAuthHandlers(ctx),
    billingProfiles: billing.billingProfiles,
    billing: { profile: billing.regional },
    apps: {
      ...appHandlers(ctx),
      variables: variableHandlers(ctx),
      domains: domainHandlers(ctx),
      collaborators: collaboratorHandlers(ctx),
      addons: { ...addonHandlers(ctx), ...addonActionHandlers(ctx), logDrains: logDrains.addon },
      logDrains: logDrains.app,
      events: events.app,
      deployments: deploymentHandlers(ctx),
      notifiers: notifierHandlers(ctx),
      alerts: alertHandlers(ctx),
      autoscalers: autoscalerHandlers(ctx),
      childApps: childAppHandlers(ctx),
      scmRepoLink: { ...scmRepoLinkHandlers(ctx), branches: branches.scmRepoLink },
      hdsContact: hdsContactHandlers(ctx),
      dataAccessConsent: dataAccessConsentHandlers(ctx),
      ...containers,
      ...oneOffHandlers(ctx),
    },
    collaborations: collaborationHandlers(ctx),
    events: events.user,
    keys: keyHandlers(ctx),
    projects: projectHandlers(ctx),
    sources: sourceHandlers(ctx),
    databases: dedicatedDatabaseHandlers(ctx),
    scmIntegrations: { ...scmIntegrationHandlers(ctx), branches: branches.scmIntegration },
    scmRepoLinks: scmRepoLinksHandlers(ctx),
    db: databaseApiHandlers(ctx),
  };

  const authenticate: Authenticate<Principal> = (credentials, { schemes }) => {
    let user: UserRow | undefined;
    if (credentials.scheme === 'bearer') {
      if (schemes.includes('bearerAuth')) user = ctx.tokens.userOfBearer(credentials.token);
      if (!user && schemes.includes('databaseBearerAuth')) {
        const issued = ctx.tokens.ofDatabaseToken(credentials.token);
        if (issued) return { user: issued.user, database: issued.addonId };
      }
    } else {
      if (schemes.includes('basicAuth')) user = ctx.tokens.userOfApiToken(credentials.password);
      if (!user && schemes.includes('accountBasicAuth')) {
        const candidate = ctx.users.byLogin(credentials.username);
        if (candidate?.password === credentials.password) user = candidate;
      }
      // The sandbox has no addon providers of its own: any provider credentials pass.
      if (!user && schemes.includes('addonProviderBasicAuth') && credentials.username)
        return { user: ctx.users.byLogin(first.username)! };
    }
    return user ? { user } : undefined;
  };

  const app = Fastify({
    ...serverOptions({ bodyLimit: options.bodyLimit ?? 1_048_576 }),
    logger: options.logger ?? false,
  });
  // Lifecycles whose time has come end before any request is answered.
  app.addHook('onRequest', async () => settleDue(ctx));
  const common = { handlers, authenticate, fallback: 'examples' as const, bodyLimit: options.bodyLimit ?? 1_048_576 };
  await app.register(scalingoApi, { ...common, prefix: '/v1', services: ['regional', 'auth'] });
  // Hosts whose paths carry no /v1: the database API (/api/…) and the billing host (/profile…).
  await app.register(scalingoApi, { ...common, services: ['database', 'billing'] });
  await app.register(sourceStorage(ctx, options.bodyLimit ?? 1_048_576));
  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const port = (app.server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    port,
    token,
    app,
    accountDeletion(username) {
      const user = ctx.users.byLogin(username);
      const pending = user && ctx.accountDeletions.pending(user.id);
      return pending && { id: pending.id, token: pending.token };
    },
    async close() {
      await app.close();
      db.close();
    },
  };
}
