// Projects of a user, which group their applications and dedicated databases.
// Every account has exactly one default project: made the first time it is
// needed, and `default` moves from one project to another, never off.
import type { Db } from './database.js';
import { Documents, documentTable } from './documents.js';
import { id, isoDate } from './values.js';

export const projectsSchema = documentTable('projects', 'user_id');

export interface ProjectDoc {
  id: string;
  name: string;
  default: boolean;
  created_at: string;
  updated_at: string;
  flags: Record<string, boolean>;
}

export class Projects extends Documents<ProjectDoc> {
  constructor(db: Db) {
    super(db, 'projects', 'user_id');
  }

  /** The user's default project, made (named `default`) if they have none yet. */
  defaultOf(userId: string): ProjectDoc {
    const found = this.list(userId).find((p) => p.default);
    if (found) return found;
    const now = isoDate();
    const project: ProjectDoc = {
      id: id('pr'),
      name: 'default',
      default: true,
      created_at: now,
      updated_at: now,
      flags: {},
    };
    this.put(userId, project);
    return project;
  }

  /** Makes `projectId` the user's only default project. */
  makeDefault(userId: string, projectId: string): void {
    for (const project of this.list(userId))
      if (project.default !== (project.id === projectId))
        this.put(userId, { ...project, default: project.id === projectId, updated_at: isoDate() });
  }

  /** The project with that ID and its owner, whoever owns it (for transfer invitations). */
  byId(projectId: string): { ownerId: string; project: ProjectDoc } | undefined {
    const row = this.db.prepare('SELECT user_id, doc FROM projects WHERE id = ?').get(projectId) as
      | { user_id: string; doc: string }
      | undefined;
    return row ? { ownerId: row.user_id, project: JSON.parse(row.doc) as ProjectDoc } : undefined;
  }

  /** Hands the project over to another user (an accepted transfer invitation). */
  transfer(projectId: string, userId: string): void {
    this.db.prepare('UPDATE projects SET user_id = ? WHERE id = ?').run(userId, projectId);
  }
}
