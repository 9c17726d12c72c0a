// The timeline: every action of the sandbox appends an event, read back newest
// first, one page at a time, per application or per user.
import type { Db } from './database.js';
import type { UserRow } from './users.js';
import { type Clock, isoDate, objectId } from './values.js';

// No foreign key on purpose: a user's timeline keeps the events of an
// application after it is deleted.
export const eventsSchema = `
CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY AUTOINCREMENT, app_id TEXT, user_id TEXT, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_app ON events (app_id, seq);
CREATE INDEX IF NOT EXISTS events_user ON events (user_id, seq);`;

export interface Page<T> {
  items: T[];
  pagination: {
    prev_page: number | null;
    current_page: number;
    next_page: number | null;
    total_pages: number;
    total_count: number;
  };
}

export class Events {
  constructor(
    private readonly db: Db,
    private readonly now: Clock,
  ) {}

  append(input: {
    app?: { id: string; name: string };
    /** Who acted; absent for what the platform does on its own (a backup, a maintenance). */
    user?: UserRow;
    /** When it happened, if not now (a lifecycle settled after the fact). */
    at?: number;
    type: string;
    typeData: Record<string, unknown>;
    /** Top-level fields besides the common ones (a project event's `project_id`…). */
    extra?: Record<string, unknown>;
  }): void {
    const event = {
      id: objectId(),
      created_at: isoDate(input.at ?? this.now()),
      type: input.type,
      ...(input.user ? { user: { id: input.user.id, username: input.user.username, email: input.user.email } } : {}),
      ...(input.app ? { app_id: input.app.id, app_name: input.app.name } : {}),
      ...input.extra,
      type_data: input.typeData,
    };
    this.db
      .prepare('INSERT INTO events (app_id, user_id, doc) VALUES (?, ?, ?)')
      .run(input.app?.id ?? null, input.user?.id ?? null, JSON.stringify(event));
  }

  /** One event of an application's timeline. */
  ofApp(appId: string, eventId: string): unknown {
    const row = this.db
      .prepare("SELECT doc FROM events WHERE app_id = ? AND json_extract(doc, '$.id') = ?")
      .get(appId, eventId) as { doc: string } | undefined;
    return row ? JSON.parse(row.doc) : undefined;
  }

  forApp(appId: string, page: number, perPage: number, sinceHours?: number): Page<unknown> {
    return this.page('app_id = ?', [appId], page, perPage, sinceHours);
  }

  /** Events the user caused, and every event of the applications they can see. */
  forUser(userId: string, appIds: string[], page: number, perPage: number): Page<unknown> {
    const placeholders = appIds.map(() => '?').join(', ');
    const where = appIds.length > 0 ? `(user_id = ? OR app_id IN (${placeholders}))` : 'user_id = ?';
    return this.page(where, [userId, ...appIds], page, perPage);
  }

  private page(where: string, args: unknown[], page: number, perPage: number, sinceHours?: number): Page<unknown> {
    if (sinceHours !== undefined) {
      // `from` overrides pagination: every event of the last N hours.
      const since = isoDate(this.now() - sinceHours * 3_600_000);
      const items = (
        this.db.prepare(`SELECT doc FROM events WHERE ${where} ORDER BY seq DESC`).all(...args) as Array<{
          doc: string;
        }>
      )
        .map((r) => JSON.parse(r.doc))
        .filter((e) => e.created_at >= since);
      return {
        items,
        pagination: { prev_page: null, current_page: 1, next_page: null, total_pages: 1, total_count: items.length },
      };
    }
    const total = (this.db.prepare(`SELECT count(*) AS n FROM events WHERE ${where}`).get(...args) as { n: number }).n;
    const totalPages = Math.max(1, Math.ceil(total / perPage));
    const rows = this.db
      .prepare(`SELECT doc FROM events WHERE ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
      .all(...args, perPage, (page - 1) * perPage) as Array<{ doc: string }>;
    return {
      items: rows.map((r) => JSON.parse(r.doc)),
      pagination: {
        prev_page: page > 1 ? Math.min(page - 1, totalPages) : null,
        current_page: page,
        next_page: page < totalPages ? page + 1 : null,
        total_pages: totalPages,
        total_count: total,
      },
    };
  }
}
