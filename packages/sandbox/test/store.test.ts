// The store's foreign keys: what hangs off an application, a user or an addon
// goes with it, without anyone listing the tables; a file of another schema
// version is refused, not half-read.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openStores, type Stores } from '../src/store/stores.js';

function seed(stores: Stores) {
  const user = stores.users.create({ username: 'ines', email: 'ines@example.org', password: 'pw' });
  const other = stores.users.create({ username: 'oscar', email: 'oscar@example.org', password: 'pw' });
  stores.tokens.create(user.id, 'ci');
  stores.tokens.exchange(stores.tokens.create(other.id, 'ci').token);
  const app = stores.apps.create(user, { name: 'ines-shop' });
  stores.containers.addType(app.id, 'web');
  stores.variables.set(app.id, 'NODE_ENV', 'production');
  stores.domains.put(app.id, {
    id: 'dom-1',
    name: 'shop.example.org',
    ssl: false,
    canonical: false,
    letsencrypt_enabled: true,
    letsencrypt: false,
    letsencrypt_status: 'pending_dns',
  });
  const addon = {
    id: 'ad-1',
    app_id: app.id,
    resource_id: 'ines_shop_1',
    status: 'running' as const,
    plan: { id: 'pl-1', name: 'free', display_name: 'Free' },
    addon_provider: { id: 'postgresql', name: 'PostgreSQL', logo_url: 'https://example.org/pg.png' },
    provisioned_at: '2024-01-01T00:00:00.000Z',
    deprovisioned_at: null,
    updated_at: '2024-01-01T00:00:00.000Z',
  };
  stores.addons.put(app.id, addon);
  stores.tokens.issueDatabaseToken(addon.id, other.id);
  stores.deployments.add(app.id, { id: 'dep-1', status: 'building' }, 'success');
  stores.operations.start(app.id, 'scale');
  stores.collaborators.invite(app.id, 'oscar@example.org', true);
  return { user, other, app };
}

const count = (stores: Stores, table: string) =>
  (stores.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('store', () => {
  test('deleting an application deletes everything that hangs off it', () => {
    const stores = openStores(':memory:');
    const { app } = seed(stores);
    const tables = [
      'variables',
      'domains',
      'addons',
      'database_tokens',
      'deployments',
      'formation',
      'operations',
      'collaborators',
    ];
    for (const table of tables) expect(count(stores, table), table).toBeGreaterThan(0);
    stores.apps.delete(app.id);
    for (const table of tables) expect(count(stores, table), table).toBe(0);
    expect(count(stores, 'users')).toBe(2);
    stores.db.close();
  });

  test('deleting a user deletes their applications and credentials', () => {
    const stores = openStores(':memory:');
    const { user, other } = seed(stores);
    stores.db.prepare('DELETE FROM users WHERE id = ?').run(other.id);
    expect(count(stores, 'bearer_tokens')).toBe(0);
    expect(count(stores, 'database_tokens')).toBe(0);
    stores.db.prepare('DELETE FROM users WHERE id = ?').run(user.id);
    for (const table of ['apps', 'api_tokens', 'variables', 'formation']) expect(count(stores, table), table).toBe(0);
    stores.db.close();
  });

  test('a row whose parent does not exist is refused', () => {
    const stores = openStores(':memory:');
    expect(() => stores.variables.set('no-such-app', 'A', '1')).toThrow(/FOREIGN KEY/);
    stores.db.close();
  });

  test('a file written by another schema version is refused with its name', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sandbox-store-'));
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE apps (id TEXT PRIMARY KEY)');
    old.close();
    expect(() => openStores(file)).toThrow(`${file} holds the state of another version of the sandbox`);
    // A file of this version opens again.
    const current = path.join(dir, 'current.sqlite');
    openStores(current).db.close();
    openStores(current).db.close();
    await fs.rm(dir, { recursive: true, force: true });
  });
});
