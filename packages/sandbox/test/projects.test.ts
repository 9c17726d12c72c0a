// Projects over HTTP, with the rules the reference states: one default project
// per account, which `default` moves to and never off; only an empty project
// can go; a transfer invitation, one pending at a time, hands the project and
// its applications to a user who collaborates on all of them. Dedicated
// databases live in a project and keep it from being deleted.
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send } from './support/inject.js';

let sandbox: Sandbox;
const TOKENS = { rosa: 'tk-us-rosa-projects', tom: 'tk-us-tom-projects', ada: 'tk-us-ada-projects' };
type Who = keyof typeof TOKENS;

const call = (who: Who, method: string, url: string, body?: unknown) =>
  send(sandbox, `Basic ${btoa(`:${TOKENS[who]}`)}`, method, url, body);
const defaults = async (who: Who) =>
  (await call(who, 'GET', '/v1/projects')).body.projects.filter((p: { default: boolean }) => p.default);

/** An application of `owner` in `projectId` that `collaborator` has joined. */
async function sharedApp(owner: Who, name: string, projectId: string, collaborator: Who) {
  expect((await call(owner, 'POST', '/v1/apps', { app: { name, project_id: projectId } })).status).toBe(201);
  const invited = await call(owner, 'POST', `/v1/apps/${name}/collaborators`, {
    collaborator: { email: `${collaborator}@example.org` },
  });
  const token = new URL(invited.body.collaborator.invitation_link).searchParams.get('token');
  expect((await call(collaborator, 'GET', `/v1/apps/collaboration?token=${token}`)).status).toBe(200);
}

beforeAll(async () => {
  sandbox = await createSandbox({
    user: { username: 'rosa', token: TOKENS.rosa, paymentMethod: true },
    users: [
      { username: 'tom', token: TOKENS.tom, paymentMethod: true },
      { username: 'ada', token: TOKENS.ada, paymentMethod: true },
    ],
  });
});
afterAll(() => sandbox.close());

describe('projects', () => {
  test('every account has one default project, which holds new applications', async () => {
    const [initial] = await defaults('rosa');
    expect(initial).toMatchObject({ default: true, owner: { username: 'rosa' } });
    const app = await call('rosa', 'POST', '/v1/apps', { app: { name: 'rosa-default-home' } });
    expect(app.body.app.project).toEqual({ id: initial.id, name: initial.name });

    const next = await call('rosa', 'POST', '/v1/projects', { project: { name: 'agency', default: true } });
    expect(next.status).toBe(201);
    expect((await defaults('rosa')).map((p: { id: string }) => p.id)).toEqual([next.body.project.id]);
    const off = await call('rosa', 'PATCH', `/v1/projects/${next.body.project.id}`, { project: { default: false } });
    expect(off.status).toBe(422);
    expect(off.body.errors.default).toHaveLength(1);
    expect((await call('rosa', 'PATCH', `/v1/projects/${initial.id}`, { project: { default: true } })).status).toBe(
      200,
    );
    expect((await defaults('rosa')).map((p: { id: string }) => p.id)).toEqual([initial.id]);
    expect((await call('rosa', 'DELETE', `/v1/projects/${initial.id}`)).status).toBe(409);
  });

  test('a project holding an application or a database is not deleted; empty, it is', async () => {
    const project = (await call('rosa', 'POST', '/v1/projects', { project: { name: 'shop' } })).body.project;
    await call('rosa', 'POST', '/v1/apps', { app: { name: 'rosa-shop-front', project_id: project.id } });
    expect((await call('rosa', 'DELETE', `/v1/projects/${project.id}`)).status).toBe(409);
    const moved = await call('rosa', 'PATCH', '/v1/apps/rosa-shop-front', {
      app: { project_id: (await defaults('rosa'))[0].id },
    });
    expect(moved.status).toBe(200);
    // Another user's project is not a place for one's applications.
    const toms = (await defaults('tom'))[0].id;
    expect((await call('rosa', 'PATCH', '/v1/apps/rosa-shop-front', { app: { project_id: toms } })).status).toBe(422);
    expect((await call('rosa', 'POST', '/v1/apps', { app: { name: 'rosa-elsewhere', project_id: toms } })).status).toBe(
      422,
    );

    const [firstPlan] = (await call('rosa', 'GET', '/v1/addon_providers')).body.addon_providers.find(
      (p: { id: string }) => p.id === 'postgresql-ng',
    ).plans;
    const plan = firstPlan.name;
    const database = { name: 'rosa-shop-pg', technology: 'postgresql-ng', plan, project_id: project.id };
    expect((await call('rosa', 'POST', '/v1/databases', { database })).status).toBe(201);
    expect((await call('rosa', 'POST', '/v1/databases', { database })).body).toEqual({
      errors: { name: ['is already taken'] },
    });
    expect(
      (
        await call('rosa', 'POST', '/v1/databases', {
          database: { ...database, name: 'rosa-other-pg', plan: 'postgresql-starter-512' },
        })
      ).status,
    ).toBe(422);
    expect((await call('rosa', 'GET', '/v1/databases/rosa-shop-pg')).body.database.project_id).toBe(project.id);
    // As the Go client creates one (databases_preview.go): flat, with the provider's and the plan's IDs.
    const flat = {
      addon_provider_id: 'postgresql-ng',
      plan_id: firstPlan.id,
      name: 'rosa-go-pg',
      project_id: project.id,
    };
    const created = await call('rosa', 'POST', '/v1/databases', flat);
    expect(created.status).toBe(201);
    expect(created.body.database).toMatchObject({ name: 'rosa-go-pg', plan, project_id: project.id });
    expect(
      (await call('rosa', 'POST', '/v1/databases', { ...flat, name: 'rosa-go2-pg', plan_id: 'nope' })).body,
    ).toEqual({
      errors: { plan_id: ['is not a plan of postgresql-ng'] },
    });
    expect((await call('rosa', 'DELETE', `/v1/projects/${project.id}`)).status).toBe(409);
    const empty = (await call('rosa', 'POST', '/v1/projects', { project: { name: 'empty' } })).body.project;
    expect((await call('rosa', 'DELETE', `/v1/projects/${empty.id}`)).status).toBe(204);
  });

  test('a peering gives a dedicated database its private endpoint', async () => {
    const plan = 'postgresql-dr-starter-4096';
    await call('rosa', 'POST', '/v1/databases', {
      database: { name: 'rosa-peer-pg', technology: 'postgresql-ng', plan },
    });
    const types = async () =>
      (await call('rosa', 'GET', '/v1/databases/rosa-peer-pg/endpoints')).body.endpoints.map(
        (e: { type: string }) => e.type,
      );
    expect(await types()).toEqual(['public-rw']);
    const peering = await call('rosa', 'POST', '/v1/databases/rosa-peer-pg/net_peerings', {
      outscale_net_peering_id: 'pcx-0a1b2c3d',
    });
    expect(peering.status).toBe(201);
    expect(await types()).toEqual(['public-rw', 'private-peering-rw']);
    expect(
      (
        await call('rosa', 'POST', '/v1/databases/rosa-peer-pg/net_peerings', {
          outscale_net_peering_id: 'pcx-0a1b2c3d',
        })
      ).status,
    ).toBe(422);
    expect(
      (await call('rosa', 'POST', '/v1/databases/rosa-peer-pg/net_peerings', { outscale_net_peering_id: 'nope' }))
        .status,
    ).toBe(422);
    expect((await call('tom', 'GET', '/v1/databases/rosa-peer-pg/endpoints')).status).toBe(404);
  });

  test('a transfer invitation hands the project and its applications over to the invitee', async () => {
    const project = (await call('rosa', 'POST', '/v1/projects', { project: { name: 'handover' } })).body.project;
    const invitations = `/v1/projects/${project.id}/transfer_invitations`;
    const tom = (await call('tom', 'GET', '/v1/users/self')).body.user;
    // Nobody collaborates on the applications of an empty project.
    expect((await call('rosa', 'POST', invitations, { transfer_invitation: { invited_user_id: tom.id } })).status).toBe(
      422,
    );
    await sharedApp('rosa', 'rosa-handover-api', project.id, 'tom');
    const eligible = await call('rosa', 'GET', `/v1/projects/${project.id}/eligible_new_owners`);
    expect(eligible.body.eligible_new_owners).toEqual([{ user_id: tom.id, user_name: 'tom' }]);

    const created = await call('rosa', 'POST', invitations, { transfer_invitation: { invited_user_id: tom.id } });
    expect(created.status).toBe(201);
    const invitation = created.body.transfer_invitation;
    expect(invitation).toMatchObject({ status: 'pending', invited_user_name: 'tom', project_id: project.id });
    expect((await call('rosa', 'POST', invitations, { transfer_invitation: { invited_user_id: tom.id } })).status).toBe(
      409,
    );
    const item = `${invitations}/${invitation.id}`;
    expect((await call('ada', 'GET', item)).status).toBe(404);
    expect((await call('rosa', 'POST', `${item}/accept`)).status).toBe(403);
    expect((await call('tom', 'POST', `${item}/cancel`)).status).toBe(403);
    const accepted = await call('tom', 'POST', `${item}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.transfer_invitation.status).toBe('accepted');
    expect((await call('tom', 'POST', `${item}/decline`)).status).toBe(409);

    expect((await call('tom', 'GET', `/v1/projects/${project.id}`)).body.project.owner.username).toBe('tom');
    expect((await call('rosa', 'GET', `/v1/projects/${project.id}`)).status).toBe(404);
    const app = (await call('tom', 'GET', '/v1/apps/rosa-handover-api')).body.app;
    expect(app).toMatchObject({ owner: { username: 'tom' }, project: { id: project.id } });
    // The former owner stays a collaborator of the application.
    expect((await call('rosa', 'GET', '/v1/apps/rosa-handover-api')).status).toBe(200);
    expect((await call('tom', 'GET', `${invitations}?status=all`)).body.transfer_invitations).toHaveLength(1);
    expect((await call('tom', 'GET', invitations)).body.transfer_invitations).toEqual([]);
  });

  test('an invitation can be declined or canceled; a default project handed over leaves its owner a new one', async () => {
    const [home] = await defaults('ada');
    const rosa = (await call('rosa', 'GET', '/v1/users/self')).body.user;
    await sharedApp('ada', 'ada-home-site', home.id, 'rosa');
    const homeInvitation = await call('ada', 'POST', `/v1/projects/${home.id}/transfer_invitations`, {
      transfer_invitation: { invited_user_id: rosa.id },
    });
    const accepted = await call(
      'rosa',
      'POST',
      `/v1/projects/${home.id}/transfer_invitations/${homeInvitation.body.transfer_invitation.id}/accept`,
    );
    expect(accepted.status).toBe(200);
    expect((await call('rosa', 'GET', `/v1/projects/${home.id}`)).body.project).toMatchObject({
      default: false,
      owner: { username: 'rosa' },
    });
    expect(await defaults('rosa')).toHaveLength(1);
    const [newHome] = await defaults('ada');
    expect(newHome.id).not.toBe(home.id);

    const project = (await call('ada', 'POST', '/v1/projects', { project: { name: 'lab' } })).body.project;
    await sharedApp('ada', 'ada-lab-api', project.id, 'rosa');
    const invitations = `/v1/projects/${project.id}/transfer_invitations`;
    const offer = async () =>
      (await call('ada', 'POST', invitations, { transfer_invitation: { invited_user_id: rosa.id } })).body
        .transfer_invitation;
    const first = await offer();
    expect((await call('rosa', 'POST', `${invitations}/${first.id}/decline`)).body.transfer_invitation.status).toBe(
      'declined',
    );
    const second = await offer();
    expect((await call('ada', 'POST', `${invitations}/${second.id}/cancel`)).body.transfer_invitation.status).toBe(
      'canceled',
    );
    expect((await call('ada', 'GET', `${invitations}?status=declined`)).body.transfer_invitations).toHaveLength(1);
    expect((await call('ada', 'GET', `/v1/projects/${project.id}`)).body.project.owner.username).toBe('ada');
    const events = (await call('ada', 'GET', '/v1/events')).body.events.map((e: { type: string }) => e.type);
    expect(events).toEqual(expect.arrayContaining(['new_project', 'cancel_project_transfer_invitation']));
  });
});
