// The database API of the sandbox over HTTP: a database addon created in the
// regional API exists there, only with a token issued for it, and its settings,
// features, users, backups and maintenance keep state. Answers are validated
// against the spec by the stubs (response validation is on outside production).
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send } from './support/inject.js';

let sandbox: Sandbox;
const API_TOKENS = { lea: 'tk-us-lea-db-api', max: 'tk-us-max-db-api' };
type Who = keyof typeof API_TOKENS;

const call = (authorization: string, method: string, url: string, body?: unknown) =>
  send(sandbox, authorization, method, url, body);
const basic = (who: Who) => `Basic ${btoa(`:${API_TOKENS[who]}`)}`;
const bearer = (token: string) => `Bearer ${token}`;

/** A new app of `who` with a free PostgreSQL addon, and a database token for it. */
async function database(who: Who, app: string) {
  expect((await call(basic(who), 'POST', '/v1/apps', { app: { name: app } })).status).toBe(201);
  const providers = (await call(basic(who), 'GET', '/v1/addon_providers')).body.addon_providers;
  const postgresql = providers.find((p: { id: string }) => p.id === 'postgresql');
  const plan = postgresql.plans.find((p: { price?: number }) => !p.price);
  const created = await call(basic(who), 'POST', `/v1/apps/${app}/addons`, {
    addon: { addon_provider_id: 'postgresql', plan_id: plan.id },
  });
  expect(created.status).toBe(201);
  const id: string = created.body.addon.id;
  const issued = await call(basic(who), 'POST', `/v1/apps/${app}/addons/${id}/token`);
  expect(issued.status).toBe(200);
  return { id, token: issued.body.addon.token as string, url: `/api/databases/${id}` };
}

beforeAll(async () => {
  sandbox = await createSandbox({
    user: { username: 'lea', token: API_TOKENS.lea, paymentMethod: true },
    users: [{ username: 'max', token: API_TOKENS.max, paymentMethod: true }],
  });
});
afterAll(() => sandbox.close());

describe('database API', () => {
  test('a database addon exists in the database API, only for a token issued for it', async () => {
    const lea = await database('lea', 'lea-db-gate');
    const max = await database('max', 'max-db-gate');
    const own = await call(bearer(lea.token), 'GET', lea.url);
    expect(own.status).toBe(200);
    expect(own.body.database).toMatchObject({ id: lea.id, app_name: 'lea-db-gate', type_name: 'postgresql' });
    // Another database's token, an API token, an unknown database.
    expect((await call(bearer(max.token), 'GET', lea.url)).status).toBe(401);
    expect((await call(basic('lea'), 'GET', lea.url)).status).toBe(401);
    expect(
      (await call(bearer(lea.token), 'GET', '/api/databases/ad-00000000-0000-4000-8000-000000000000')).body,
    ).toEqual({ resource: 'database', error: 'not found' });
    // Operations without state of their own check the database too.
    expect((await call(bearer(max.token), 'GET', `${lea.url}/metrics`)).status).toBe(401);
    expect((await call(bearer(lea.token), 'GET', `${lea.url}/metrics`)).status).toBe(200);
    // Deleting the addon deletes the database and its tokens.
    expect((await call(basic('lea'), 'DELETE', `/v1/apps/lea-db-gate/addons/${lea.id}`)).status).toBe(204);
    expect((await call(bearer(lea.token), 'GET', lea.url)).status).toBe(401);
  });

  test('settings change with PATCH and PUT, features switch on and off', async () => {
    const { token, url } = await database('lea', 'lea-db-settings');
    const patched = await call(bearer(token), 'PATCH', url, {
      database: { periodic_backups_scheduled_at: 5, maintenance_window: { weekday_utc: 0 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.database).toMatchObject({
      periodic_backups_scheduled_at: [5],
      maintenance_window: { weekday_utc: 0, starting_hour_utc: 1 },
    });
    const put = await call(bearer(token), 'PUT', url, { database: { periodic_backups_enabled: false } });
    expect(put.body.database).toMatchObject({ periodic_backups_enabled: false, periodic_backups_scheduled_at: [5] });

    const refused = await call(bearer(token), 'POST', `${url}/features`, { feature: { name: 'publicly-available' } });
    expect(refused.status).toBe(422);
    const enabled = await call(bearer(token), 'POST', `${url}/features`, { feature: { name: 'force-ssl' } });
    expect(enabled.body).toMatchObject({ name: 'force-ssl', status: 'PENDING_TO_ACTIVATE' });
    expect((await call(bearer(token), 'GET', url)).body.database.features).toEqual([
      { name: 'force-ssl', status: 'ACTIVATED' },
    ]);
    expect((await call(bearer(token), 'DELETE', `${url}/features?feature=force-ssl`)).status).toBe(200);
    expect((await call(bearer(token), 'GET', url)).body.database.features).toEqual([]);
  });

  test('users: create, list, change, reset, delete; the protected default user stays', async () => {
    const { token, url } = await database('lea', 'lea-db-users');
    const initial = (await call(bearer(token), 'GET', `${url}/users`)).body['database-users'];
    expect(initial).toHaveLength(1);
    expect(initial[0]).toMatchObject({ protected: true, read_only: false });
    expect(initial[0]).not.toHaveProperty('password');
    const byDefault = initial[0].name;

    const created = await call(bearer(token), 'POST', `${url}/users`, {
      database_user: { name: 'reports-ro', read_only: true, password: null, password_confirmation: null },
    });
    expect(created.status).toBe(201);
    expect(created.body.database_user.password).toMatch(/^[A-Za-z0-9]{24}$/);
    const again = await call(bearer(token), 'POST', `${url}/users`, { database_user: { name: 'reports-ro' } });
    expect(again).toEqual({ status: 422, body: { errors: { name: ['has already been taken'] } } });
    const mismatch = await call(bearer(token), 'POST', `${url}/users`, {
      database_user: { name: 'writer-one', password: 'a'.repeat(24), password_confirmation: 'b'.repeat(24) },
    });
    expect(mismatch.status).toBe(422);
    expect(
      (await call(bearer(token), 'GET', `${url}/users`)).body['database-users'].map((u: { name: string }) => u.name),
    ).toEqual([byDefault, 'reports-ro']);

    const password = 'Zx8'.repeat(8);
    const changed = await call(bearer(token), 'PATCH', `${url}/users/reports-ro`, {
      database_user: { password, password_confirmation: password },
    });
    expect(changed.status).toBe(200);
    expect(
      (await call(bearer(token), 'PATCH', `${url}/users/${byDefault}`, { database_user: { password } })).status,
    ).toBe(422);
    const reset = await call(bearer(token), 'POST', `${url}/users/reports-ro/reset_password`);
    expect(reset.body.database_user.password).not.toBe(password);

    expect((await call(bearer(token), 'DELETE', `${url}/users/reports-ro`)).status).toBe(204);
    expect((await call(bearer(token), 'DELETE', `${url}/users/reports-ro`)).status).toBe(404);
    expect((await call(bearer(token), 'DELETE', `${url}/users/${byDefault}`)).status).toBe(404);
    expect((await call(bearer(token), 'GET', `${url}/users`)).body['database-users']).toHaveLength(1);
  });

  test('backups go from scheduled to done; only a finished one has an archive', async () => {
    const { token, url } = await database('lea', 'lea-db-backups');
    expect((await call(bearer(token), 'GET', `${url}/backups`)).body.database_backups).toEqual([]);
    const created = await call(bearer(token), 'POST', `${url}/backups`);
    expect(created.status).toBe(201);
    const backup = created.body.database_backup;
    expect(backup).toMatchObject({ status: 'scheduled', method: 'manual' });
    expect((await call(bearer(token), 'GET', `${url}/backups/${backup.id}/archive`)).status).toBe(404);
    const seen = [];
    for (let i = 0; i < 3; i++)
      seen.push((await call(bearer(token), 'GET', `${url}/backups`)).body.database_backups[0].status);
    expect(seen).toEqual(['running', 'done', 'done']);
    const archive = await call(bearer(token), 'GET', `${url}/backups/${backup.id}/archive`);
    expect(archive.status).toBe(200);
    expect(archive.body.download_url).toContain(`/backups/${backup.id}/`);
  });

  test('maintenance: the first one is planned at the window, then runs and ends', async () => {
    const { token, url } = await database('lea', 'lea-db-maintenance');
    const listed = await call(bearer(token), 'GET', `${url}/maintenance`);
    expect(listed.status).toBe(200);
    expect(listed.body.meta.pagination).toMatchObject({ current_page: 1, total_count: 1 });
    const [first] = listed.body.maintenance;
    const retrieved = await call(bearer(token), 'GET', `${url}/maintenance/${first.id}`);
    expect(retrieved.status).toBe(200);
    const maintenance = retrieved.body.maintenance ?? retrieved.body;
    expect(maintenance).toMatchObject({ id: first.id, status: 'done' });
    expect(maintenance.ended_at).toEqual(expect.any(String));
    expect((await call(bearer(token), 'GET', `${url}/maintenance/000000000000000000000000`)).status).toBe(404);
  });
});
