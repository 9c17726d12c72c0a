// The sandbox's real rules, driven by the generated client: naming, the free
// trial's 402, 404 with the resource, user isolation, the formation and its
// operation, and the timeline every action appends to.
// Each test starts from a sandbox of its own and makes the apps it needs, so
// the tests pass in any order (`--sequence.shuffle`) and one at a time (`-t`).

import {
  createClient,
  NotFoundError,
  PaymentRequiredError,
  type Scalingo,
  UnprocessableEntityError,
} from '@scalingo-openapi/client';
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { rejection } from '@scalingo-openapi/test-support/rejection';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

let sandbox: Sandbox;
let camille: Scalingo;
let noor: Scalingo;

// camille has no payment method (one app at the most), noor has one.
beforeEach(async () => {
  sandbox = await createSandbox({
    user: { username: 'camille' },
    users: [{ username: 'noor', token: 'tk-us-noor', paymentMethod: true }],
  });
  camille = createClient({ token: sandbox.token, baseUrl: sandbox.url, retry: { maxRetries: 0 } });
  noor = createClient({ token: 'tk-us-noor', baseUrl: sandbox.url, retry: { maxRetries: 0 } });
});
afterEach(async () => {
  await sandbox.close();
});

const createApps = async (owner: Scalingo, ...names: string[]) => {
  for (const name of names) await owner.apps.create({ app: { name } });
};

describe('applications', () => {
  test('names are validated as the reference says: 422 with the field and its message', async () => {
    for (const name of ['Shop', 'my--shop', '-myshop', 'myshop-', 'a'.repeat(49), 'short']) {
      const error = await rejection<UnprocessableEntityError>(camille.apps.create({ app: { name } }));
      expect(error, name).toBeInstanceOf(UnprocessableEntityError);
      expect(Object.keys(error.errors)).toEqual(['name']);
    }
  });

  test('create, then the same name again → 422 already taken', async () => {
    const app = await camille.apps.create({ app: { name: 'camille-shop' } });
    expect(app).toMatchObject({ name: 'camille-shop', status: 'new', owner: { username: 'camille' } });
    const error = await rejection<UnprocessableEntityError>(noor.apps.create({ app: { name: 'camille-shop' } }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.errors).toEqual({ name: ['is already taken'] });
  });

  test('a second app without a payment method → 402 {error, url}', async () => {
    await createApps(camille, 'camille-shop');
    const error = await rejection<PaymentRequiredError>(camille.apps.create({ app: { name: 'camille-blog' } }));
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect(error.url).toMatch(/^https:\/\//);
    // With a payment method there is no such limit.
    await noor.apps.create({ app: { name: 'noor-one' } });
    await noor.apps.create({ app: { name: 'noor-two' } });
  });

  test('X-Dry-Run validates without creating', async () => {
    const app = await noor.apps.create({ app: { name: 'noor-dry-run' }, 'X-Dry-Run': true });
    expect(app.name).toBe('noor-dry-run');
    expect((await noor.apps.list()).map((a) => a.name)).not.toContain('noor-dry-run');
  });

  test('unknown app → 404 with "resource": "app"', async () => {
    const error = await rejection<NotFoundError>(camille.apps.retrieve('no-such-app'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toEqual({ resource: 'app', error: 'not found' });
  });

  test("tokens isolate users: one never sees nor touches another one's apps", async () => {
    await createApps(camille, 'camille-shop');
    await createApps(noor, 'noor-one', 'noor-two');
    expect((await camille.apps.list()).map((a) => a.name)).toEqual(['camille-shop']);
    expect((await noor.apps.list()).map((a) => a.name)).toEqual(['noor-one', 'noor-two']);
    await expect(noor.apps.retrieve('camille-shop')).rejects.toBeInstanceOf(NotFoundError);
    await expect(noor.apps.variables.list('camille-shop')).rejects.toBeInstanceOf(NotFoundError);
    await expect(noor.apps.delete('camille-shop', { current_name: 'camille-shop' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  test('update settings, rename (with confirmation), delete (with confirmation)', async () => {
    await createApps(noor, 'noor-one', 'noor-two');
    expect((await noor.apps.update('noor-two', { app: { force_https: true } })).force_https).toBe(true);
    await expect(
      noor.apps.rename('noor-two', { current_name: 'wrong', new_name: 'noor-three' }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
    expect((await noor.apps.rename('noor-two', { current_name: 'noor-two', new_name: 'noor-three' })).name).toBe(
      'noor-three',
    );
    await expect(noor.apps.retrieve('noor-two')).rejects.toBeInstanceOf(NotFoundError);
    await expect(noor.apps.delete('noor-three', { current_name: 'nope' })).rejects.toBeInstanceOf(
      UnprocessableEntityError,
    );
    await noor.apps.delete('noor-three', { current_name: 'noor-three' });
    expect((await noor.apps.list()).map((a) => a.name)).toEqual(['noor-one']);
  });
});

/** noor invites camille to noor-one, camille accepts, noor transfers the app to camille. */
async function inviteAndTransfer() {
  await createApps(noor, 'noor-one');
  const invitation = await noor.apps.collaborators.create('noor-one', {
    collaborator: { email: 'camille@example.org', is_limited: false },
  });
  expect(invitation.status).toBe('pending');
  await expect(camille.apps.retrieve('noor-one')).rejects.toBeInstanceOf(NotFoundError);
  const token = new URL(invitation.invitation_link).searchParams.get('token')!;
  await camille.collaborations.accept({ token });
  expect((await camille.apps.retrieve('noor-one')).owner.username).toBe('noor');
  const transferred = await noor.apps.update('noor-one', { app: { owner: 'camille@example.org' } });
  expect(transferred.owner.username).toBe('camille');
  // The former owner stays as a collaborator.
  expect((await noor.apps.retrieve('noor-one')).owner.username).toBe('camille');
}

describe('collaborators and transfer', () => {
  test('invite, accept by the invitee, then transfer the app to them', inviteAndTransfer);
});

/** Variables of camille-shop: create, bulk update, update, delete, bulk delete. */
async function variables() {
  const created = await camille.apps.variables.create('camille-shop', {
    variable: { name: 'NODE_ENV', value: 'staging' },
  });
  const bulk = await camille.apps.variables.bulkUpdate('camille-shop', {
    variables: [
      { name: 'NODE_ENV', value: 'production' },
      { name: 'POOL', value: '5' },
    ],
  });
  expect(bulk.map((v) => v.value)).toEqual(['production', '5']);
  await camille.apps.variables.update(created.id, { app: 'camille-shop', variable: { value: 'test' } });
  expect((await camille.apps.variables.list('camille-shop')).map((v) => [v.name, v.value])).toEqual([
    ['NODE_ENV', 'test'],
    ['POOL', '5'],
  ]);
  await camille.apps.variables.bulkDelete('camille-shop', { variable_ids: bulk.map((v) => v.id) });
  expect(await camille.apps.variables.list('camille-shop')).toEqual([]);
}

/** A domain of camille-shop: add, update, remove. */
async function domains() {
  const domain = await camille.apps.domains.create('camille-shop', { domain: { name: 'shop.example.org' } });
  expect(
    (await camille.apps.domains.update(domain.id, { app: 'camille-shop', domain: { canonical: true } })).canonical,
  ).toBe(true);
  expect((await camille.apps.domains.list('camille-shop')).map((d) => d.name)).toEqual(['shop.example.org']);
  await camille.apps.domains.delete(domain.id, { app: 'camille-shop' });
  await expect(camille.apps.domains.retrieve(domain.id, { app: 'camille-shop' })).rejects.toBeInstanceOf(NotFoundError);
}

/** A free addon on camille-shop, provisioned and removed; a paid plan refused (402). */
async function addons() {
  const providers = await camille.addonProviders.list();
  const provider = providers.find((p) => p.plans.some((plan) => !plan.price))!;
  const free = provider.plans.find((plan) => !plan.price)!;
  const { addon, message } = await camille.apps.addons.create('camille-shop', {
    addon: { addon_provider_id: provider.id, plan_id: free.id },
  });
  expect(message).toMatch(/ready/);
  expect(addon.plan.id).toBe(free.id);
  const paid = providers.flatMap((p) =>
    p.plans.filter((plan) => (plan.price ?? 0) > 0).map((plan) => ({ p, plan })),
  )[0]!;
  await expect(
    camille.apps.addons.create('camille-shop', { addon: { addon_provider_id: paid.p.id, plan_id: paid.plan.id } }),
  ).rejects.toBeInstanceOf(PaymentRequiredError);
  await camille.apps.addons.delete(addon.id, { app: 'camille-shop' });
  expect(await camille.apps.addons.list('camille-shop')).toEqual([]);
}

/** camille-shop scaled to two L web containers, through its operation. */
async function scale() {
  const scaling = await camille.apps.scale('camille-shop', { containers: [{ name: 'web', amount: 2, size: 'L' }] });
  expect(scaling.location).toBe(`${sandbox.url}/v1/apps/camille-shop/operations/${scaling.operationId}`);
  expect(['pending', 'running']).toContain((await scaling.retrieve()).status);
  expect((await camille.apps.retrieve('camille-shop')).status).toBe('scaling');
  expect((await scaling.wait({ intervalMs: 50 })).status).toBe('done');
  expect(await camille.apps.containers.list('camille-shop')).toEqual([
    expect.objectContaining({ name: 'web', amount: 2, size: 'L' }),
  ]);
  expect(await camille.apps.ps.list('camille-shop')).toHaveLength(2);
  await expect(
    camille.apps.scale('camille-shop', { containers: [{ name: 'worker', amount: 1 }] }),
  ).rejects.toBeInstanceOf(UnprocessableEntityError);
}

/** A deployment of camille-shop, built and recorded as its last one. */
async function deploy() {
  const deployment = await camille.apps.deployments.create('camille-shop', {
    deployment: { source_url: 'https://example.org/shop.tar.gz', git_ref: 'v1.2.0' },
  });
  expect(deployment.status).toBe('building');
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect((await camille.apps.deployments.retrieve(deployment.id, { app: 'camille-shop' })).status).toBe('success');
  expect((await camille.apps.retrieve('camille-shop')).last_deployment_id).toBe(deployment.id);
}

/** camille-shop restarted, through its operation. */
async function restart() {
  const restarting = await camille.apps.restart('camille-shop', { scope: ['web'] });
  expect((await restarting.wait({ intervalMs: 50 })).type).toBe('restart');
}

describe('configuration', () => {
  beforeEach(() => createApps(camille, 'camille-shop'));
  test('variables: create, bulk update, update, delete, bulk delete', variables);
  test('domains: add, update, remove', domains);
  test('addons: a free plan is provisioned, a paid one needs a payment method', addons);
});

describe('runtime', () => {
  beforeEach(() => createApps(camille, 'camille-shop'));
  test('scale answers 202 + Location to an operation that moves to done', scale);
  test('a deployment is built, then recorded as the last one', deploy);
  test('restart answers 202 + Location', restart);
});

describe('events', () => {
  test('every action appended its event, newest first, paginated with meta.pagination', async () => {
    await createApps(camille, 'camille-shop');
    for (const action of [variables, domains, addons, scale, deploy, restart]) await action();
    const types: string[] = [];
    for await (const event of camille.apps.events.list('camille-shop', { per_page: 3 })) types.push(event.type);
    expect(types).toEqual([
      'restart',
      'deployment',
      'scale',
      'delete_addon',
      'new_addon',
      'delete_domain',
      'edit_domain',
      'new_domain',
      'delete_variable',
      'delete_variable',
      'edit_variable',
      'edit_variables',
      'new_variable',
      'new_app',
    ]);
    const first = await camille.apps.events.list('camille-shop', { per_page: 4 });
    expect(first.pagination).toEqual({
      prev_page: null,
      current_page: 1,
      next_page: 2,
      total_pages: 4,
      total_count: 14,
    });
    const last = await camille.apps.events.list('camille-shop', { per_page: 4, page: 4 });
    expect(last.pagination).toMatchObject({ prev_page: 3, current_page: 4, next_page: null });
  });

  test("a user's timeline holds their own actions and their apps' events, not others'", async () => {
    await createApps(camille, 'camille-shop');
    await variables();
    await inviteAndTransfer();
    const mine = await camille.events.list({ per_page: 100 });
    expect(mine.items.every((e) => e.user?.username === 'camille' || e.app_name === 'noor-one')).toBe(true);
    const theirs = await noor.events.list({ per_page: 100 });
    expect(theirs.items.some((e) => e.app_name === 'camille-shop')).toBe(false);
  });
});
