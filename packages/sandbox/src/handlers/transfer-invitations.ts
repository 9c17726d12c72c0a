// Transfer invitations of a project: the owner offers the project to a user
// who collaborates on all its applications; one pending invitation at a time,
// valid three days. The invitee accepts (the project, its applications and
// databases become theirs) or declines; the owner cancels. The owner sees the
// project's invitations, the invitee only their own.
import type { ProjectsHandlers } from '@scalingo-openapi/server';
import type { ProjectDoc } from '../store/projects.js';
import type { TransferInvitationDoc, TransferStatus } from '../store/transfer-invitations.js';
import type { UserRow } from '../store/users.js';
import { id, isoDate } from '../store/values.js';
import {
  type Context,
  conflict,
  forbidden,
  invalid,
  notFound,
  type Principal,
  transaction,
  userRef,
} from './context.js';
import type { Answer } from './family.js';

const LIFETIME_MS = 3 * 24 * 3_600_000;

type Handlers = NonNullable<ProjectsHandlers<Principal>['transferInvitations']>;
type Params = { project_id: string; transfer_invitation_id: string };

const pending = (invitation: TransferInvitationDoc) =>
  invitation.status === 'pending' && invitation.expires_at > isoDate();

interface Found {
  invitation: TransferInvitationDoc;
  project: ProjectDoc;
  owner: UserRow;
}

export function transferInvitationHandlers(ctx: Context): Handlers {
  const store = ctx.transferInvitations;
  /** The invitation of the path, if the caller is its inviter (the owner) or its invitee. */
  const find = (auth: Principal, params: Params): Found | Answer => {
    const found = ctx.projects.byId(params.project_id);
    const invitation = found && store.get(found.project.id, params.transfer_invitation_id);
    if (!found || !invitation) return notFound(found ? 'transfer_invitation' : 'project');
    if (found.ownerId !== auth.user.id && invitation.invited_user_id !== auth.user.id)
      return notFound(found.ownerId === auth.user.id ? 'transfer_invitation' : 'project');
    return { invitation, project: found.project, owner: ctx.users.byId(found.ownerId)! };
  };
  const answer = (invitation: TransferInvitationDoc) => ({
    status: 200 as const,
    body: { transfer_invitation: invitation },
  });

  /** Moves a pending invitation to `status`, if `who` may, with the event the reference lists. */
  const settle = (
    auth: Principal,
    params: Params,
    who: 'invitee' | 'owner',
    status: TransferStatus,
    apply?: (found: Found) => string | undefined,
  ): Answer => {
    const found = find(auth, params);
    if ('status' in found) return found;
    const { invitation, project, owner } = found;
    const allowed = who === 'owner' ? owner.id === auth.user.id : invitation.invited_user_id === auth.user.id;
    if (!allowed) return forbidden(`Only the ${who === 'owner' ? "project's owner" : 'invited user'} can do this`);
    if (!pending(invitation))
      return conflict(`The invitation is ${invitation.status === 'pending' ? 'expired' : invitation.status}`);
    return transaction(ctx, () => {
      const reason = apply?.(found);
      const settled: TransferInvitationDoc = {
        ...invitation,
        status: reason ? 'failed' : status,
        status_reason: reason ?? '',
        updated_at: isoDate(),
      };
      store.put(project.id, settled);
      const invitee = ctx.users.byId(invitation.invited_user_id)!;
      const verb = { accepted: 'accept', declined: 'decline', canceled: 'cancel' }[status as 'accepted'];
      ctx.events.append({
        user: auth.user,
        type: `${verb}_project_transfer_invitation${reason ? '_error' : ''}`,
        extra: { project_id: project.id, project_name: project.name },
        typeData: {
          transfer_invitation_id: settled.id,
          invited_user: userRef(invitee),
          inviter: userRef(owner),
          status: settled.status,
          status_reason: settled.status_reason,
          expires_at: settled.expires_at,
        },
      });
      return answer(settled);
    });
  };

  return {
    list({ auth, params, query }) {
      const project = ctx.projects.get(auth.user.id, params.project_id);
      if (!project) return notFound('project');
      const all = store.list(project.id);
      const shown =
        query.status === 'all'
          ? all
          : query.status
            ? all.filter((i) => i.status === query.status)
            : all.filter(pending);
      return { status: 200, body: { transfer_invitations: shown } };
    },
    retrieve({ auth, params }) {
      const found = find(auth, params);
      return ('status' in found ? found : answer(found.invitation)) as never;
    },
    create({ auth, params, body }) {
      const project = ctx.projects.get(auth.user.id, params.project_id);
      if (!project) return notFound('project');
      const invitedId = body.transfer_invitation.invited_user_id;
      const invitee = eligibleNewOwners(ctx, auth.user.id, project).find((u) => u.id === invitedId);
      if (!invitee) return invalid('invited_user_id', 'must be a collaborator of every application of the project');
      if (store.list(project.id).some(pending)) return conflict('A pending invitation already exists for this project');
      const now = Date.now();
      const invitation: TransferInvitationDoc = {
        id: id('tin'),
        project_id: project.id,
        invited_user_id: invitee.id,
        invited_user_name: invitee.username,
        inviter_user_id: auth.user.id,
        status: 'pending',
        status_reason: '',
        expires_at: isoDate(now + LIFETIME_MS),
        created_at: isoDate(now),
        updated_at: isoDate(now),
      };
      transaction(ctx, () => store.put(project.id, invitation));
      return { status: 201, body: { transfer_invitation: invitation } };
    },
    accept: ({ auth, params }) =>
      settle(auth, params, 'invitee', 'accepted', ({ project, owner }) => {
        const invitee = auth.user;
        if (!eligibleNewOwners(ctx, owner.id, project).some((u) => u.id === invitee.id))
          return 'You must be a collaborator of every application of the project';
        for (const parent of ctx.apps.inProject(owner.id, project.id, false))
          for (const app of [parent, ...ctx.apps.children(parent.id)]) {
            ctx.collaborators.swapOwner(app.id, owner, invitee);
            app.owner_id = invitee.id;
            ctx.apps.save(app);
          }
        // The invitee keeps their own default project; the former owner gets a new one if this was theirs.
        ctx.projects.defaultOf(invitee.id);
        ctx.projects.transfer(project.id, invitee.id);
        if (project.default) ctx.projects.put(invitee.id, { ...project, default: false, updated_at: isoDate() });
        return undefined;
      }) as never,
    decline: ({ auth, params }) => settle(auth, params, 'invitee', 'declined') as never,
    cancel: ({ auth, params }) => settle(auth, params, 'owner', 'canceled') as never,
  };
}

/** Who may take the project over: the users who collaborate on every one of its applications. */
export function eligibleNewOwners(ctx: Context, ownerId: string, project: ProjectDoc): UserRow[] {
  const apps = ctx.apps.inProject(ownerId, project.id, project.default);
  if (apps.length === 0) return [];
  const collaborating = apps.map(
    (app) =>
      new Set(
        ctx.collaborators
          .list(app.id)
          .filter((c) => c.status === 'accepted')
          .map((c) => c.user_id),
      ),
  );
  const [first, ...rest] = collaborating;
  return [...first!]
    .filter((userId) => userId && userId !== ownerId && rest.every((s) => s.has(userId)))
    .map((userId) => ctx.users.byId(userId!)!)
    .filter(Boolean);
}
