// What the public reference says about lifecycles, read from its Markdown:
// the event types it lists (`type=new_app`…) and the paths of the deployment
// status diagram, so tests hold the sandbox to the reference itself.
import fs from 'node:fs';
import path from 'node:path';
import { REFERENCE } from '@scalingo-openapi/test-support/curl';

const API = path.join(REFERENCE, 'scalingo-api-docs/scalingo_api');

/** Every event type the reference's events page lists (its one `delete domain` read as `delete_domain`). */
export function referenceEventTypes(): Set<string> {
  const text = fs.readFileSync(path.join(API, 'events.md'), 'utf8');
  return new Set([...text.matchAll(/^`type="?([a-z_/ ]+?)"?`$/gm)].map((m) => m[1]!.replace(/ /g, '_')));
}

/**
 * The status paths of the deployment diagram (`queued -> building → … → success`
 * and its branches, each branch line continuing the first one where its arrow
 * sits), as lists of statuses.
 */
export function deploymentStatusPaths(): string[][] {
  const text = fs.readFileSync(path.join(API, 'deployments.md'), 'utf8');
  const diagram = /```\n(\s*queued[^`]+)```/.exec(text)?.[1];
  if (!diagram) throw new Error('the deployment status diagram is not in deployments.md');
  const [first, ...branches] = diagram.split('\n').filter((line) => line.trim());
  const statuses = (line: string) =>
    line
      .split(/->|→/)
      .map((s) => s.trim())
      .filter(Boolean);
  return [
    statuses(first!),
    ...branches.map((line) => {
      const at = line.search(/\S/);
      return [...statuses(first!.slice(0, at)), ...statuses(line)];
    }),
  ];
}
