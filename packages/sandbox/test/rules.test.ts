// The rules of the families beyond create/read/update/delete: uniqueness,
// references between documents, limits, and what goes with a parent.
// Each test starts from a sandbox of its own with the application, so the tests
// pass in any order (`--sequence.shuffle`) and one at a time (`-t`).
import { createSandbox, type Sandbox } from '@scalingo-openapi/sandbox';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bearerFor, send } from './support/inject.js';

let sandbox: Sandbox;
let bearer = '';
const APP = 'rules-shop';

const call = (method: string, url: string, body?: unknown) => send(sandbox, `Bearer ${bearer}`, method, url, body);
const app = (path: string) => `/v1/apps/${APP}${path}`;

beforeEach(async () => {
  sandbox = await createSandbox({ user: { username: 'rules', paymentMethod: true } });
  bearer = await bearerFor(sandbox, sandbox.token);
  await call('POST', '/v1/apps', { app: { name: APP } });
});
afterEach(async () => {
  await sandbox?.close();
});

describe('keys', () => {
  const content = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDaJp0mBzrjvXOdl8yE0QbBaXvLNTOZ6yKx7T4n4qCrT rules@laptop';
  test('the fingerprint is the MD5 of the key; a second key of that name or content → 422', async () => {
    const { status, body } = await call('POST', '/v1/keys', { key: { name: 'laptop', content } });
    expect(status).toBe(201);
    // As `ssh-keygen -l -E md5` prints it for that key (the MD5 of the key's blob, not of its comment).
    expect(body.key.fingerprint).toBe('ab:9e:7a:b7:ff:59:1b:dd:7a:b5:b5:d0:0d:c7:a7:b6');
    expect((await call('POST', '/v1/keys', { key: { name: 'laptop', content: `${content}2` } })).body).toEqual({
      errors: { name: ['has already been taken'] },
    });
    expect((await call('POST', '/v1/keys', { key: { name: 'other', content } })).status).toBe(422);
  });
  test('content that is not a public key → 422 on content', async () => {
    const { status, body } = await call('POST', '/v1/keys', { key: { name: 'bad', content: 'hello' } });
    expect(status).toBe(422);
    expect(Object.keys(body.errors)).toEqual(['content']);
  });
});

describe('alerts, notifiers, autoscalers', () => {
  test('an alert names a process type and notifiers of its application', async () => {
    const worker = await call('POST', app('/alerts'), { alert: { container_type: 'worker', metric: 'cpu', limit: 1 } });
    expect(worker.status).toBe(422);
    expect(Object.keys(worker.body.errors)).toEqual(['container_type']);
    const unknown = await call('POST', app('/alerts'), {
      alert: { container_type: 'web', metric: 'cpu', limit: 1, notifiers: ['no-nope'] },
    });
    expect(Object.keys(unknown.body.errors)).toEqual(['notifiers']);
    const notifier = await call('POST', app('/notifiers'), {
      notifier: {
        platform_id: '60a3c9f5f2b4d50001e7a401',
        name: 'team',
        type_data: { webhook_url: 'https://hooks.example.org/x' },
      },
    });
    expect(notifier.status).toBe(201);
    const alert = await call('POST', app('/alerts'), {
      alert: { container_type: 'web', metric: 'cpu', limit: 1, notifiers: [notifier.body.notifier.id] },
    });
    expect(alert.status).toBe(201);
  });
  test('a notifier needs type_data that suits its platform, and events that platform sends', async () => {
    const slack = await call('POST', app('/notifiers'), {
      notifier: { platform_id: '60a3c9f5f2b4d50001e7a401', name: 'no url', type_data: { emails: ['a@example.org'] } },
    });
    expect(Object.keys(slack.body.errors)).toEqual(['type_data']);
    const events = await call('POST', app('/notifiers'), {
      notifier: {
        platform_id: '60a3c9f5f2b4d50001e7a403',
        name: 'mail',
        type_data: { emails: ['a@example.org'] },
        selected_event_ids: ['60a3c9e1f2b4d50001e7a322'],
      },
    });
    expect(Object.keys(events.body.errors)).toEqual(['selected_event_ids']);
  });
  const webAutoscaler = { container_type: 'web', min_containers: 2, max_containers: 4, metric: 'cpu', target: 0.5 };
  test('one autoscaler per process type, min ≤ max', async () => {
    expect((await call('POST', app('/autoscalers'), { autoscaler: webAutoscaler })).status).toBe(201);
    expect((await call('POST', app('/autoscalers'), { autoscaler: webAutoscaler })).status).toBe(422);
    const [autoscaler] = (await call('GET', app('/autoscalers'))).body.autoscalers;
    const inverted = await call('PATCH', app(`/autoscalers/${autoscaler.id}`), { autoscaler: { min_containers: 9 } });
    expect(Object.keys(inverted.body.errors)).toEqual(['min_containers']);
  });
  // Bodies as go-scalingo writes them (alerts.go, autoscalers.go): whole structs on
  // creation, flat parameters on update, a reminder as nanoseconds.
  test('what the Go client sends: a whole alert, flat updates, remind_every in nanoseconds', async () => {
    await call('POST', app('/autoscalers'), { autoscaler: webAutoscaler });
    const created = await call('POST', app('/alerts'), {
      alert: {
        id: '',
        app_id: '',
        container_type: 'web',
        metric: 'memory',
        limit: 0.8,
        disabled: true,
        send_when_below: false,
        duration_before_trigger: 0,
        remind_every: '30m0s',
        created_at: '0001-01-01T00:00:00Z',
        updated_at: '0001-01-01T00:00:00Z',
        metadata: null,
        notifiers: null,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.alert).toMatchObject({ disabled: true, remind_every: '30m0s' });
    expect(created.body.alert.id).toMatch(/^al-/);
    const flat = await call('PATCH', app(`/alerts/${created.body.alert.id}`), {
      limit: 0.9,
      remind_every: 5_400_000_000_000,
    });
    expect(flat.status).toBe(200);
    expect(flat.body.alert).toMatchObject({ limit: 0.9, remind_every: '1h30m0s' });
    const [autoscaler] = (await call('GET', app('/autoscalers'))).body.autoscalers;
    const target = await call('PATCH', app(`/autoscalers/${autoscaler.id}`), { target: 0.7, disabled: true });
    expect(target.status).toBe(200);
    expect(target.body.autoscaler).toMatchObject({ target: 0.7, disabled: true });
    const wrong = await call('PATCH', app(`/autoscalers/${autoscaler.id}`), { target: 'high' });
    expect(wrong.status, 'a flat body is validated like a rooted one').toBe(422);
  });
});

describe('log drains', () => {
  test('the URL is built from the service, unique per application, and each change writes its event', async () => {
    const drain = { type: 'ovh-graylog', token: 'tok', host: 'gra2.logs.ovh.com' };
    const created = await call('POST', app('/log_drains'), { drain });
    expect(created.body.drain.url).toBe('ovh://:tok@gra2.logs.ovh.com:6514');
    expect((await call('POST', app('/log_drains'), { drain })).status).toBe(422);
    const url = encodeURIComponent(created.body.drain.url);
    expect((await call('DELETE', app(`/log_drains?url=${url}`))).status).toBe(204);
    const types = (await call('GET', app('/events'))).body.events.map((e: { type: string }) => e.type);
    expect(types.slice(0, 2)).toEqual(['delete_log_drain', 'new_log_drain']);
  });

  test('a drain is removed by the URL in a JSON body too, as the reference sends it', async () => {
    const drain = { type: 'syslog', host: 'body.logs.example.org', port: '6514', token: 'b0d7' };
    const created = await call('POST', app('/log_drains'), { drain });
    expect(created.status).toBe(201);
    expect((await call('DELETE', app('/log_drains'), { url: created.body.drain.url })).status).toBe(204);
    const drains = (await call('GET', app('/log_drains'))).body.drains as Array<{ url: string }>;
    expect(drains.map((d) => d.url)).not.toContain(created.body.drain.url);
  });
});

describe('SCM repository link and review apps', () => {
  test('without auth_integration_uuid, the link uses the integration on the repository host', async () => {
    const name = 'rules-linked';
    await call('POST', '/v1/apps', { app: { name } });
    const integration = await call('POST', '/v1/scm_integrations', {
      scm_integration: { scm_type: 'gitlab-self-hosted', url: 'https://git.second.example.org', access_token: 't' },
    });
    const elsewhere = { scm_repo_link: { source: 'https://git.unknown.example.org/rules/shop' } };
    expect((await call('POST', `/v1/apps/${name}/scm_repo_link`, elsewhere)).status).toBe(422);
    const link = await call('POST', `/v1/apps/${name}/scm_repo_link`, {
      scm_repo_link: { source: 'https://git.second.example.org/rules/shop' },
    });
    expect(link.status).toBe(201);
    expect(link.body.scm_repo_link.auth_integration_uuid).toBe(integration.body.scm_integration.id);
    expect((await call('DELETE', `/v1/apps/${name}?current_name=${name}`)).status).toBe(204);
  });

  test('link, deploy a branch, open a review app; deleting the parent deletes the review app', async () => {
    const integration = await call('POST', '/v1/scm_integrations', {
      scm_integration: { scm_type: 'gitlab-self-hosted', url: 'https://git.rules.example.org', access_token: 't' },
    });
    const source = 'https://git.rules.example.org/rules/shop';
    expect(
      (
        await call('POST', app('/scm_repo_link'), {
          scm_repo_link: { source, auth_integration_uuid: crypto.randomUUID() },
        })
      ).status,
    ).toBe(422);
    const link = await call('POST', app('/scm_repo_link'), {
      scm_repo_link: { source, auth_integration_uuid: integration.body.scm_integration.id },
    });
    expect(link.body.scm_repo_link).toMatchObject({ owner: 'rules', repo: 'shop', scm_type: 'gitlab-self-hosted' });
    const deploy = await call('POST', app('/scm_repo_link/manual_deploy'), { branch: 'main' });
    expect(deploy.body.deployment).toMatchObject({ git_ref: 'main', status: 'building' });
    const review = await call('POST', app('/scm_repo_link/manual_review_app'), { pull_request_id: 12 });
    expect(review.body.review_app.app_name).toBe(`${APP}-pr12`);
    expect((await call('GET', app('/scm_repo_link/review_apps'))).body.review_apps).toHaveLength(1);
    expect((await call('GET', app('/child_apps'))).body.child_apps.map((a: { name: string }) => a.name)).toEqual([
      `${APP}-pr12`,
    ]);
    expect((await call('GET', `/v1/apps/${APP}-pr12`)).status).toBe(200);

    expect((await call('DELETE', `/v1/apps/${APP}?current_name=${APP}`)).status).toBe(204);
    expect((await call('GET', `/v1/apps/${APP}-pr12`)).status).toBe(404);
    expect((await call('GET', '/v1/scm_repo_links')).body.scm_repo_links).toEqual([]);
  });
});
