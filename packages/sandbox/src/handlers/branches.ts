// Branches of repositories. The sandbox reaches no source code platform, so a
// repository has the branches the sandbox saw named for it: the branch an
// application's link deploys from and the branches its deployments were
// started from; one it never saw has a single `main`, a new repository's
// default branch.
import type { AppsHandlers, Handlers } from '@scalingo-openapi/server';
import type { AppRow } from '../store/apps.js';
import type { Doc } from '../store/documents.js';
import { appOf, type Context, invalid, notFound, type Principal } from './context.js';

const COMMIT = /^[0-9a-f]{40}$/;
const REPO_NAME = /^[^/\s]+\/[^/\s]+$/;

export function branchHandlers(ctx: Context) {
  /** Branches known for the repository linked to `app`. */
  const branchesOf = (app: AppRow, link: Doc): string[] => {
    const deployed = ctx.deployments
      .list(app.id)
      .map((d) => d.doc.git_ref)
      .filter((ref): ref is string => typeof ref === 'string' && !COMMIT.test(ref));
    return [...new Set([String(link.branch), ...deployed])];
  };
  const answer = (names: string[]) => ({ status: 200, body: { branches: names.map((name) => ({ name })) } });
  return {
    scmRepoLink: {
      list({ auth, params }) {
        const app = appOf(ctx, auth, params.app);
        if (!app) return notFound('app');
        const link = ctx.scmRepoLinks.list(app.id)[0];
        return link ? answer(branchesOf(app, link)) : notFound('scm_repo_link');
      },
    } as NonNullable<NonNullable<AppsHandlers<Principal>['scmRepoLink']>['branches']>,
    scmIntegration: {
      list({ auth, params, query }) {
        const integration = ctx.scmIntegrations.get(auth.user.id, params.scm_integration_id);
        if (!integration) return notFound('scm_integration');
        if (!REPO_NAME.test(query.repo_name)) return invalid('repo_name', 'must name a repository as owner/name');
        const names = ctx.apps.visible(auth.user).flatMap((app) =>
          ctx.scmRepoLinks
            .list(app.id)
            .filter((l) => l.auth_integration_uuid === integration.id && `${l.owner}/${l.repo}` === query.repo_name)
            .flatMap((l) => branchesOf(app, l)),
        );
        return answer(names.length > 0 ? [...new Set(names)] : ['main']);
      },
    } as NonNullable<NonNullable<Handlers<Principal>['scmIntegrations']>['branches']>,
  };
}
