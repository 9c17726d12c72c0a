// The families only the official JavaScript client calls, driven over HTTP
// by two users: what one does shows in the next answers (status moving, a
// second create refused, a deletion that ends the account), never for the
// other. Every answer is checked against the spec by the stubs themselves
// (a shape the spec does not allow would be a 500). Each test starts from a
// sandbox of its own (the account deletion ends oscar's), so the tests pass in
// any order (`--sequence.shuffle`) and one at a time (`-t`).
import { createSandbox, type Sandbox, totpCode } from '@scalingo-openapi/sandbox';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bearerFor, send } from './support/inject.js';

let sandbox: Sandbox;
const bearer: Record<'ines' | 'oscar', string> = { ines: '', oscar: '' };
type Who = keyof typeof bearer;
const APP = 'ines-js-families';

const call = (who: Who, method: string, url: string, body?: unknown) =>
  send(sandbox, `Bearer ${bearer[who]}`, method, url, body);

const daysAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeEach(async () => {
  sandbox = await createSandbox({
    user: { username: 'ines', paymentMethod: true },
    users: [{ username: 'oscar', token: 'tk-us-oscar-js', paymentMethod: true }],
  });
  for (const [who, token] of [
    ['ines', sandbox.token],
    ['oscar', 'tk-us-oscar-js'],
  ] as const)
    bearer[who] = await bearerFor(sandbox, token);
  expect((await call('ines', 'POST', '/v1/apps', { app: { name: APP } })).status).toBe(201);
});

afterEach(async () => {
  await sandbox?.close();
});

describe('two-factor authentication', () => {
  test('moves from off to set-up to on to off, with real one-time passwords', async () => {
    expect((await call('ines', 'GET', '/v1/client/tfa')).body.tfa.enabled).toBe(false);
    const started = await call('ines', 'POST', '/v1/client/tfa', { tfa: { provider: 'totp' } });
    expect(started.status).toBe(201);
    const secret = /secret=([A-Z2-7]+)/.exec(started.body.tfa.uri)![1]!;
    const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, '0');
    expect((await call('ines', 'POST', '/v1/client/tfa/validate', { tfa: { attempt: wrong } })).status).toBe(422);
    const validated = await call('ines', 'POST', '/v1/client/tfa/validate', {
      tfa: { attempt: Number(totpCode(secret)) },
    });
    expect(validated.status).toBe(200);
    expect(validated.body.tfa.user.enabled).toBe(true);
    expect(validated.body.tfa.codes.length).toBeGreaterThan(0);
    expect((await call('ines', 'GET', '/v1/client/tfa')).body.tfa).toMatchObject({ enabled: true, provider: 'totp' });
    // Oscar's status is his own.
    expect((await call('oscar', 'GET', '/v1/client/tfa')).body.tfa.enabled).toBe(false);
    expect((await call('ines', 'POST', '/v1/client/tfa', { tfa: { provider: 'totp' } })).status).toBe(422);
    expect((await call('ines', 'DELETE', '/v1/client/tfa', { tfa: { attempt: wrong } })).status).toBe(422);
    const off = await call('ines', 'DELETE', '/v1/client/tfa', { tfa: { attempt: totpCode(secret) } });
    expect(off.status).toBe(200);
    expect(off.body.tfa.enabled).toBe(false);
    expect((await call('ines', 'DELETE', '/v1/client/tfa', { tfa: { attempt: totpCode(secret) } })).status).toBe(422);
  });
});

describe('contracts', () => {
  test('an acceptance is recorded for its user, and a dependent version waits for its dependency', async () => {
    const listed = (await call('ines', 'GET', '/v1/contracts')).body.contracts;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((c: { accepted: unknown }) => c.accepted === null)).toBe(true);
    const dependent = listed.find((c: { depends_on_id: string | null }) => c.depends_on_id);
    if (dependent) {
      const early = await call('ines', 'POST', `/v1/contracts/${dependent.id}/accept`, { locale: 'fr' });
      expect(early.status).toBe(422);
    }
    const first = listed.find((c: { depends_on_id: string | null }) => !c.depends_on_id);
    const accepted = await call('ines', 'POST', `/v1/contracts/${first.id}/accept`, { locale: 'fr' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.contract.accepted.locale).toBe('fr');
    expect((await call('ines', 'GET', `/v1/contracts/${first.id}`)).body.contract.accepted).not.toBeNull();
    expect(
      (await call('ines', 'GET', '/v1/contracts/history')).body.contracts.map((c: { id: string }) => c.id),
    ).toEqual([first.id]);
    expect((await call('oscar', 'GET', `/v1/contracts/${first.id}`)).body.contract.accepted).toBeNull();
    expect((await call('oscar', 'GET', '/v1/contracts/history')).body.contracts).toEqual([]);
    expect((await call('ines', 'GET', '/v1/contracts/ct-none')).status).toBe(404);
  });
});

describe('billing profile', () => {
  const profile = {
    name: 'Inès Moreau',
    address_line1: '3 quai Saint-Antoine',
    address_city: 'Lyon',
    address_zip: '69002',
    address_country: 'FR',
  };

  test('one per user, on the billing host and the regional API alike', async () => {
    expect((await call('ines', 'GET', '/profile')).status).toBe(404);
    const created = await call('ines', 'POST', '/profiles', { profile });
    expect(created.status).toBe(201);
    expect(created.body.profile).toMatchObject({ ...profile, email: 'ines@example.org' });
    expect((await call('ines', 'POST', '/profiles', { profile })).status).toBe(409);
    const id = created.body.profile.id;
    const replaced = await call('ines', 'PUT', `/profiles/${id}`, { profile: { ...profile, company: 'Moreau SARL' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.profile.company).toBe('Moreau SARL');
    expect((await call('ines', 'GET', '/profile')).body.profile.company).toBe('Moreau SARL');
    expect((await call('ines', 'GET', '/v1/account/billing/profile')).body.billing_profile.id).toBe(id);
    expect((await call('oscar', 'GET', '/profile')).status).toBe(404);
    expect((await call('oscar', 'PUT', `/profiles/${id}`, { profile })).status).toBe(404);
    expect((await call('ines', 'POST', '/profiles', { profile: { name: 'No address' } })).status).toBe(422);
  });
});

describe("an application's consent, HDS contact, branches and events", () => {
  test('the consent is granted, moved, shown on the application and withdrawn', async () => {
    const url = `/v1/apps/${APP}/data_access_consent`;
    expect((await call('ines', 'PATCH', url, { data_access_consent: { databases_until: daysAhead(3) } })).status).toBe(
      404,
    );
    expect((await call('ines', 'POST', url, { data_access_consent: { containers_until: daysAhead(40) } })).status).toBe(
      422,
    );
    const granted = await call('ines', 'POST', url, { data_access_consent: { containers_until: daysAhead(7) } });
    expect(granted.status).toBe(201);
    expect(granted.body.data_access_consent.databases_until).toBeNull();
    const moved = await call('ines', 'PATCH', url, { data_access_consent: { databases_until: daysAhead(10) } });
    expect(moved.body.data_access_consent.databases_until).not.toBeNull();
    expect(moved.body.data_access_consent.containers_until).toBe(granted.body.data_access_consent.containers_until);
    const shown = (await call('ines', 'GET', `/v1/apps/${APP}`)).body.app.data_access_consent;
    expect(shown).toEqual(moved.body.data_access_consent);
    expect((await call('oscar', 'DELETE', url)).status).toBe(404);
    expect((await call('ines', 'DELETE', url)).status).toBe(204);
    expect((await call('ines', 'DELETE', url)).status).toBe(404);
    expect((await call('ines', 'GET', `/v1/apps/${APP}`)).body.app.data_access_consent).toBeUndefined();
  });

  test('the HDS contact is created, then changed field by field, each change an event one can read back', async () => {
    const url = `/v1/apps/${APP}/hds_contact`;
    expect((await call('ines', 'PUT', url, { hds_contact: { phone_number: '+33 4 00 00 00 00' } })).status).toBe(422);
    const created = await call('ines', 'PUT', url, { hds_contact: { name: 'Inès Moreau', email: 'dpo@example.org' } });
    expect(created.status).toBe(200);
    const changed = await call('ines', 'PUT', url, { hds_contact: { address_country: 'FR' } });
    expect(changed.body.hds_contact).toMatchObject({ id: created.body.hds_contact.id, name: 'Inès Moreau' });
    expect((await call('oscar', 'PUT', url, { hds_contact: { name: 'x', email: 'x@example.org' } })).status).toBe(404);
    const events = (await call('ines', 'GET', `/v1/apps/${APP}/events`)).body.events;
    const edit = events.find((e: { type: string }) => e.type === 'edit_hds_contact');
    const one = await call('ines', 'GET', `/v1/apps/${APP}/events/${edit.id}`);
    expect(one.body.event).toEqual(edit);
    expect((await call('oscar', 'GET', `/v1/apps/${APP}/events/${edit.id}`)).status).toBe(404);
    expect((await call('ines', 'GET', `/v1/apps/${APP}/events/000000000000000000000000`)).status).toBe(404);
  });

  test("the linked repository's branches include what was deployed from it", async () => {
    expect((await call('ines', 'GET', `/v1/apps/${APP}/scm_repo_link/branches`)).status).toBe(404);
    const integration = await call('ines', 'POST', '/v1/scm_integrations', {
      scm_integration: { scm_type: 'gitlab-self-hosted', url: 'https://git.example.org', access_token: 'glpat-0123' },
    });
    expect(integration.status).toBe(201);
    const uuid = integration.body.scm_integration.id;
    const link = await call('ines', 'POST', `/v1/apps/${APP}/scm_repo_link`, {
      scm_repo_link: { source: 'https://git.example.org/moreau/shop', auth_integration_uuid: uuid },
    });
    expect(link.status).toBe(201);
    const deploy = await call('ines', 'POST', `/v1/apps/${APP}/scm_repo_link/manual_deploy`, { branch: 'release-2' });
    expect(deploy.status).toBeLessThan(300);
    const names = (b: { body: { branches: Array<{ name: string }> } }) => b.body.branches.map((x) => x.name);
    expect(names(await call('ines', 'GET', `/v1/apps/${APP}/scm_repo_link/branches`))).toEqual(['main', 'release-2']);
    const byRepo = await call('ines', 'GET', `/v1/scm_integrations/${uuid}/branches?repo_name=moreau/shop`);
    expect(names(byRepo)).toEqual(['main', 'release-2']);
    const unknown = await call('ines', 'GET', `/v1/scm_integrations/${uuid}/branches?repo_name=moreau/other`);
    expect(names(unknown)).toEqual(['main']);
    expect((await call('ines', 'GET', `/v1/scm_integrations/${uuid}/branches?repo_name=nope`)).status).toBe(422);
    expect((await call('oscar', 'GET', `/v1/scm_integrations/${uuid}/branches?repo_name=moreau/shop`)).status).toBe(
      404,
    );
  });
});

describe('addons', () => {
  test('a running addon resumes as it is; its dashboard link is signed by GET and POST alike', async () => {
    const [provider] = (await call('ines', 'GET', '/v1/addon_providers')).body.addon_providers;
    const created = await call('ines', 'POST', `/v1/apps/${APP}/addons`, {
      addon: { addon_provider_id: provider.id, plan_id: provider.plans[0].id },
    });
    if (created.status !== 201) return expect.fail(`no addon: ${JSON.stringify(created.body)}`);
    const addon = created.body.addon.id;
    const resumed = await call('ines', 'POST', `/v1/apps/${APP}/addons/${addon}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.addon.status).toBe('running');
    for (const method of ['GET', 'POST']) {
      const sso = await call('ines', method, `/v1/apps/${APP}/addons/${addon}/sso`);
      expect(sso.status).toBe(200);
      expect(new URL(sso.body.addon.sso_url).searchParams.get('token')).toMatch(/^[0-9a-f]{40}$/);
    }
    expect((await call('oscar', 'GET', `/v1/apps/${APP}/addons/${addon}/sso`)).status).toBe(404);
  });
});

describe('account deletion', () => {
  test('needs the token of the confirmation email, then the credentials stop working', async () => {
    expect((await call('oscar', 'GET', '/v1/users/roles')).body.roles.length).toBeGreaterThan(0);
    expect((await call('oscar', 'POST', '/v1/users/delete')).status).toBe(204);
    const pending = sandbox.accountDeletion('oscar')!;
    expect(pending).toBeDefined();
    const confirm = `/v1/users/delete/${pending.id}/confirm`;
    expect((await call('ines', 'POST', confirm, { deletion: { token: pending.token } })).status).toBe(404);
    expect((await call('oscar', 'POST', confirm, { deletion: { token: 'wrong' } })).status).toBe(422);
    expect((await call('oscar', 'POST', confirm, { deletion: { token: pending.token, reason: null } })).status).toBe(
      204,
    );
    expect((await call('oscar', 'GET', '/v1/users/self')).status).toBe(401);
    expect((await call('ines', 'GET', '/v1/users/self')).status).toBe(200);
  });
});
