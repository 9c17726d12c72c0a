// The SCM repository linked to an application (one per application, through
// one of the caller's SCM integrations), the deployments and review apps it
// starts, and the caller's links across applications.
import { randomUUID } from 'node:crypto';
import type { AppsHandlers, Handlers } from '@scalingo-openapi/server';
import type { AppRow } from '../store/apps.js';
import type { Doc } from '../store/documents.js';
import type { UserRow } from '../store/users.js';
import { isoDate } from '../store/values.js';
import { createChildApp } from './child-apps.js';
import { appOf, type Context, invalid, notFound, type Principal, paginate, transaction, userRef } from './context.js';
import { startDeployment } from './deployments.js';
import { isUri } from './log-drains.js';
import { defined } from './templates.js';

const SETTINGS = [
  'branch',
  'auto_deploy_enabled',
  'deploy_review_apps_enabled',
  'delete_on_close_enabled',
  'hours_before_delete_on_close',
  'delete_stale_enabled',
  'hours_before_delete_stale',
  'automatic_creation_from_forks_allowed',
] as const;

/** What `link_scm` and `update_scm` events carry. */
function eventData(link: Doc, user: UserRow) {
  return {
    repo_name: `${link.owner}/${link.repo}`,
    linker_username: user.username,
    source: link.source,
    branch: link.branch,
    auto_deploy: link.auto_deploy_enabled,
    auto_deploy_review_apps: link.deploy_review_apps_enabled,
    delete_on_close: link.delete_on_close_enabled,
    delete_stale: link.delete_stale_enabled,
    hours_before_delete_on_close: link.hours_before_delete_on_close,
    hours_before_delete_stale: link.hours_before_delete_stale,
    creation_from_forks_allowed: link.automatic_creation_from_forks_allowed,
  };
}

const present = ({ source: _source, ...link }: Doc) => link;

export function scmRepoLinkHandlers(ctx: Context): NonNullable<AppsHandlers<Principal>['scmRepoLink']> {
  const linkOf = (app: AppRow) => ctx.scmRepoLinks.list(app.id)[0];
  return {
    retrieve({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const link = linkOf(app);
      return link ? { status: 200, body: { scm_repo_link: present(link) as never } } : notFound('scm_repo_link');
    },
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const input = body.scm_repo_link;
      if (linkOf(app)) return invalid('app', 'is already linked to a repository');
      const integration = input.auth_integration_uuid
        ? ctx.scmIntegrations.get(auth.user.id, input.auth_integration_uuid)
        : integrationForHost(ctx, auth.user.id, input.source);
      if (!integration) return invalid('auth_integration_uuid', 'is not one of your SCM integrations');
      if (!isUri(input.source)) return invalid('source', 'is not a valid URL');
      const [owner, repo] = new URL(input.source).pathname.replace(/^\/|\.git$/g, '').split('/');
      if (!owner || !repo) return invalid('source', 'must name a repository: https://host/owner/repo');
      const now = isoDate();
      const link: Doc = {
        id: randomUUID(),
        app_id: app.id,
        auth_integration_uuid: integration.id,
        linker: userRef(auth.user),
        owner,
        repo,
        branch: 'main',
        scm_type: integration.scm_type,
        created_at: now,
        updated_at: now,
        auto_deploy_enabled: false,
        deploy_review_apps_enabled: false,
        delete_on_close_enabled: false,
        hours_before_delete_on_close: 0,
        delete_stale_enabled: false,
        hours_before_delete_stale: 0,
        automatic_creation_from_forks_allowed: false,
        last_auto_deploy_at: null,
        ...defined(input, SETTINGS),
        source: input.source,
      };
      transaction(ctx, () => {
        ctx.scmRepoLinks.put(app.id, link);
        ctx.events.append({ app, user: auth.user, type: 'link_scm', typeData: eventData(link, auth.user) });
      });
      return { status: 201, body: { scm_repo_link: present(link) as never } };
    },
    update({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const existing = linkOf(app);
      if (!existing) return notFound('scm_repo_link');
      const link: Doc = { ...existing, ...defined(body.scm_repo_link, SETTINGS), updated_at: isoDate() };
      transaction(ctx, () => {
        ctx.scmRepoLinks.put(app.id, link);
        ctx.events.append({ app, user: auth.user, type: 'update_scm', typeData: eventData(link, auth.user) });
      });
      return { status: 200, body: { scm_repo_link: present(link) as never } };
    },
    delete({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const link = linkOf(app);
      if (!link) return notFound('scm_repo_link');
      transaction(ctx, () => {
        // Review apps follow the link: unlinking the repository deletes them.
        destroyReviewApps(ctx, app, auth.user, link);
        ctx.scmRepoLinks.delete(app.id, link.id);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'unlink_scm',
          typeData: {
            repo_name: `${link.owner}/${link.repo}`,
            unlinker_username: auth.user.username,
            source: link.source,
          },
        });
      });
      return { status: 204 };
    },
    manualDeploy({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      if (!linkOf(app)) return notFound('scm_repo_link');
      const deployment = transaction(ctx, () => startDeployment(ctx, app, auth.user, body.branch));
      return { status: 200, body: { deployment: deployment as never } };
    },
    manualReviewApp({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const link = linkOf(app);
      if (!link) return notFound('scm_repo_link');
      // A number, or its digits as a string (what the Go client sends).
      const number = Number(body.pull_request_id);
      const existing = ctx.reviewApps.list(app.id).find((r) => (r.pull_request as PullRequest).number === number);
      const name = `${app.name}-pr${number}`;
      if (!existing && ctx.apps.nameTaken(name)) return invalid('pull_request_id', 'names an application that exists');
      // Created the first time, redeployed after: either way the pull request's head is deployed on it.
      const review = transaction(ctx, () => {
        const child = existing ? ctx.apps.byId(String(existing.child_id))! : createChildApp(ctx, app, auth.user, name);
        startDeployment(ctx, child, auth.user, `refs/pull/${number}/head`);
        if (existing) return existing;
        const doc: Doc = {
          id: randomUUID(),
          repo_link_id: link.id,
          app_id: child.id,
          app_name: child.name,
          parent_app_id: app.id,
          parent_app_name: app.name,
          created_at: child.created_at,
          pull_request: pullRequest(link, number),
          child_id: child.id,
        };
        ctx.reviewApps.put(app.id, doc);
        ctx.events.append({ app, user: auth.user, type: 'create_review_app', typeData: reviewEventData(link, doc) });
        return doc;
      });
      return { status: 200, body: { review_app: presentReview(ctx, review) as never } };
    },
    reviewApps: {
      list({ auth, params }) {
        const app = appOf(ctx, auth, params.app);
        if (!app) return notFound('app');
        if (!linkOf(app)) return notFound('scm_repo_link');
        return {
          status: 200,
          body: { review_apps: ctx.reviewApps.list(app.id).map((r) => presentReview(ctx, r)) as never },
        };
      },
    },
  };
}

interface PullRequest {
  number: number;
  title: string;
  html_url: string;
}

function pullRequest(link: Doc, number: number): PullRequest {
  const origin = new URL(String(link.source)).origin;
  return { number, title: `Pull request #${number}`, html_url: `${origin}/${link.owner}/${link.repo}/pull/${number}` };
}

/** A review app with the last deployment of its application. */
function presentReview(ctx: Context, { child_id: childId, ...review }: Doc) {
  const last = ctx.deployments.list(String(childId))[0];
  return { ...review, last_deployment: last ? ctx.deployments.present(last) : null };
}

function reviewEventData(link: Doc, review: Doc) {
  const pr = review.pull_request as PullRequest;
  return {
    review_app_name: review.app_name,
    source_repo_name: `${link.owner}/${link.repo}`,
    source_repo_url: new URL(String(link.source)).href.replace(/\.git$/, ''),
    pr_name: pr.title,
    pr_number: pr.number,
    pr_url: pr.html_url,
    pr_comes_from_a_fork: false,
  };
}

/** Deletes the review apps of `app`'s link (their applications with them), each with its event on `app`. */
function destroyReviewApps(ctx: Context, app: AppRow, user: UserRow, link: Doc): void {
  for (const review of ctx.reviewApps.list(app.id)) {
    ctx.apps.delete(String(review.child_id));
    ctx.events.append({ app, user, type: 'destroy_review_app', typeData: reviewEventData(link, review) });
  }
}

/** The parent's `destroy_review_app` event when `child`, a review app, is deleted on its own (before it goes). */
export function reviewAppDeleted(ctx: Context, child: AppRow, user: UserRow): void {
  const parent = child.parent_id ? ctx.apps.byId(child.parent_id) : undefined;
  const review = parent && ctx.reviewApps.list(parent.id).find((r) => r.child_id === child.id);
  const link = parent && ctx.scmRepoLinks.list(parent.id)[0];
  if (parent && review && link)
    ctx.events.append({ app: parent, user, type: 'destroy_review_app', typeData: reviewEventData(link, review) });
}

/** The caller's repository links across the applications they can see. */
export function scmRepoLinksHandlers(ctx: Context): NonNullable<Handlers<Principal>['scmRepoLinks']> {
  return {
    list({ auth, query }) {
      const links = ctx.apps
        .visible(auth.user)
        .flatMap((app) => ctx.scmRepoLinks.list(app.id))
        .filter((l) => !query.auth_integration_uuid || l.auth_integration_uuid === query.auth_integration_uuid);
      const { items, meta } = paginate(links, query);
      return { status: 200, body: { scm_repo_links: items.map(present) as never, meta } };
    },
  };
}

/** Without `auth_integration_uuid`, the caller's integration on the repository's host (origin), if any. */
function integrationForHost(ctx: Context, userId: string, source: string) {
  if (!isUri(source)) return undefined;
  const origin = new URL(source).origin;
  return ctx.scmIntegrations.list(userId).find((i) => i.url === origin);
}
