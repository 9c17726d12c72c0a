// Durability: every write is a transaction on a WAL file with synchronous=FULL,
// so `kill -9` in the middle of a burst of writes, then a restart on the same
// file, loses no write the sandbox acknowledged.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@scalingo-openapi/client';
import { afterAll, describe, expect, test } from 'vitest';
import { exited, type SandboxProcess, startSandboxProcess } from './support/process.js';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sandbox-crash-'));
const file = path.join(dir, 'state.sqlite');
const running: SandboxProcess[] = [];

afterAll(async () => {
  for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await fs.rm(dir, { recursive: true, force: true });
});

describe('durability', () => {
  test('kill -9 during a burst of writes; the restart on the same file has every acknowledged write', async () => {
    const first = await startSandboxProcess(['--db', file, '--token', 'tk-us-crash', '--payment-method']);
    running.push(first);
    const client = createClient({ token: first.token, baseUrl: first.url, retry: { maxRetries: 0 }, timeout: 5000 });
    await client.apps.create({ app: { name: 'crash-test' } });
    // A deployment still building when the process dies ends after the restart, as its clock says.
    const building = await client.apps.deployments.create('crash-test', {
      deployment: { git_ref: 'v1.0.0', source_url: 'https://example.org/crash.tar.gz' },
    });

    const acknowledged: string[] = [];
    let stop = false;
    // Four writers in parallel; the process is killed while they write.
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const name = `VAR_${lane}_${i}`;
        try {
          await client.apps.variables.create('crash-test', { variable: { name, value: String(i) } });
          acknowledged.push(name);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((resolve) => setTimeout(resolve, 400 + Math.random() * 400));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThan(10);

    const second = await startSandboxProcess(['--db', file]);
    running.push(second);
    expect(second.token, 'the user and its token survived').toBe('tk-us-crash');
    const after = createClient({ token: second.token, baseUrl: second.url, retry: { maxRetries: 0 } });
    const names = new Set((await after.apps.variables.list('crash-test')).map((v) => v.name));
    const lost = acknowledged.filter((name) => !names.has(name));
    expect(lost).toEqual([]);
    // Each acknowledged write also left its event.
    const events = await after.apps.events.list('crash-test', { per_page: 100 });
    expect(events.pagination.total_count).toBeGreaterThanOrEqual(acknowledged.length + 1);
    const deployment = await after.apps.deployments.retrieve(building.id, { app: 'crash-test' });
    expect(deployment.status).toBe('success');
    // Read after the deployment was, over every page: however many events the burst wrote, its one is there.
    const deploymentEvents = [];
    for await (const event of after.apps.events.list('crash-test', { per_page: 100 }))
      if (event.type === 'deployment') deploymentEvents.push(event);
    expect(deploymentEvents).toHaveLength(1);
    console.log(
      `kill -9 during writes: ${acknowledged.length} acknowledged writes, ${acknowledged.length - lost.length} found after the restart; the deployment building at the kill ended ${deployment.status}`,
    );
    second.child.kill('SIGTERM');
    await exited(second.child);
  }, 60_000);
});
