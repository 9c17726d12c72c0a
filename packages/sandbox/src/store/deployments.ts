// Deployments of an application, newest first. A deployment moves through the
// platform's phases on the sandbox's clock (`queued` while the application's
// previous deployment runs, then building → pushing → starting),
// then ends in its outcome; the phase is computed when read, so no timer has
// to survive a restart. `due()` lists those whose end has come and that are
// not yet recorded (their event written, the application updated).
import type { Db } from './database.js';
import type { Clock } from './values.js';

export const deploymentsSchema = `
CREATE TABLE IF NOT EXISTS deployments (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
  app_id TEXT NOT NULL REFERENCES apps(id) ON DELETE CASCADE, doc TEXT NOT NULL,
  starts_ms INTEGER NOT NULL, ends_ms INTEGER NOT NULL, outcome TEXT NOT NULL, settled INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS deployments_app ON deployments (app_id, seq);
CREATE INDEX IF NOT EXISTS deployments_due ON deployments (ends_ms) WHERE settled = 0;`;

/** The transient statuses, in order, and when each ends (ms after the deployment was created). */
export const DEPLOYMENT_PHASES = [
  { status: 'building', endsMs: 200 },
  { status: 'pushing', endsMs: 350 },
  { status: 'starting', endsMs: 500 },
] as const;

/** How a deployment ends, and the phase it ends in (the reference's status diagram): a build error stops the build… */
export const OUTCOME_PHASE = {
  success: 2,
  'build-error': 0,
  'hook-error': 1,
  aborted: 1,
  'deploy-error': 2,
  'crashed-error': 2,
  'timeout-error': 2,
} as const;

export type DeploymentOutcome = keyof typeof OUTCOME_PHASE;

export interface DeploymentRow {
  appId: string;
  doc: Record<string, unknown>;
  /** When it leaves `queued` and starts building. */
  startsMs: number;
  endsMs: number;
  outcome: DeploymentOutcome;
  settled: boolean;
}

interface Stored {
  app_id: string;
  doc: string;
  starts_ms: number;
  ends_ms: number;
  outcome: DeploymentOutcome;
  settled: number;
}

const row = (r: Stored): DeploymentRow => ({
  appId: r.app_id,
  doc: JSON.parse(r.doc),
  startsMs: r.starts_ms,
  endsMs: r.ends_ms,
  outcome: r.outcome,
  settled: r.settled === 1,
});

export class Deployments {
  constructor(
    private readonly db: Db,
    private readonly now: Clock,
  ) {}

  /** Adds a deployment created now; it waits (`queued`) until the application's previous one has ended. */
  add(appId: string, doc: Record<string, unknown> & { id: string }, outcome: DeploymentOutcome) {
    const previous = this.db.prepare('SELECT max(ends_ms) AS at FROM deployments WHERE app_id = ?').get(appId) as {
      at: number | null;
    };
    const startsMs = Math.max(this.now(), previous.at ?? 0);
    const endsMs = startsMs + DEPLOYMENT_PHASES[OUTCOME_PHASE[outcome]].endsMs;
    this.db
      .prepare('INSERT INTO deployments (id, app_id, doc, starts_ms, ends_ms, outcome) VALUES (?, ?, ?, ?, ?, ?)')
      .run(doc.id, appId, JSON.stringify(doc), startsMs, endsMs, outcome);
  }

  list(appId: string): DeploymentRow[] {
    return (this.db.prepare('SELECT * FROM deployments WHERE app_id = ? ORDER BY seq DESC').all(appId) as Stored[]).map(
      row,
    );
  }

  get(appId: string, deploymentId: string): DeploymentRow | undefined {
    const found = this.db.prepare('SELECT * FROM deployments WHERE app_id = ? AND id = ?').get(appId, deploymentId) as
      | Stored
      | undefined;
    return found ? row(found) : undefined;
  }

  /** Deployments whose end has come but that are not recorded yet, oldest end first. */
  due(): DeploymentRow[] {
    return (
      this.db
        .prepare('SELECT * FROM deployments WHERE settled = 0 AND ends_ms <= ? ORDER BY ends_ms')
        .all(this.now()) as Stored[]
    ).map(row);
  }

  /** Records the final document of a deployment that has ended. */
  settle(doc: Record<string, unknown> & { id: string }): void {
    this.db.prepare('UPDATE deployments SET doc = ?, settled = 1 WHERE id = ?').run(JSON.stringify(doc), doc.id);
  }

  /** How many phases the deployment has entered by now (0 while queued, 1 while building… up to its last). */
  phasesReached(deployment: DeploymentRow): number {
    const elapsed = this.now() - deployment.startsMs;
    if (elapsed < 0) return 0;
    const last = OUTCOME_PHASE[deployment.outcome];
    let reached = 1;
    while (reached <= last && elapsed >= DEPLOYMENT_PHASES[reached - 1]!.endsMs) reached++;
    return Math.min(reached, last + 1);
  }

  /** The document as it reads now: its recorded end, or the phase it is in. */
  present(deployment: DeploymentRow): Record<string, unknown> {
    if (deployment.settled) return deployment.doc;
    const reached = this.phasesReached(deployment);
    return { ...deployment.doc, status: reached === 0 ? 'queued' : DEPLOYMENT_PHASES[reached - 1]!.status };
  }
}
