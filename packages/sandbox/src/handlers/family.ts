// The shape most resource families share: documents under a parent (the
// caller, one of their applications, an addon), created from the request,
// listed, retrieved, changed by PATCH or PUT and deleted, each change inside
// one transaction with the event the reference lists for it. A family module
// declares what is particular to it; this one does the rest.

import type { AppRow } from '../store/apps.js';
import type { Documents } from '../store/documents.js';
import type { UserRow } from '../store/users.js';
import { appOf, type Context, notFound, type Principal, transaction } from './context.js';

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A documented error answer, as a family's rules return it. */
export interface Refusal {
  refused: Answer;
}

export const refuse = (answer: Answer): Refusal => ({ refused: answer });
export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'refused' in value && Object.keys(value).length === 1;

export interface Parent {
  id: string;
  app?: AppRow;
  user: UserRow;
}

export interface EventInput {
  type: string;
  typeData: Record<string, unknown>;
  /** Top-level fields of the event besides the common ones (`project_id`…). */
  extra?: Record<string, unknown>;
}

interface Request {
  auth: Principal;
  params: Record<string, string>;
  body?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

export interface Family<T extends { id: string }> {
  /** Root key of one document, and the `resource` of its 404. */
  resource: string;
  /** Root key of the list. */
  plural: string;
  /** The path parameter naming one document. */
  idParam: string;
  store: Documents<T>;
  /** Whose documents these are; the application of the path by default. */
  parent?(ctx: Context, request: Request): Parent | Refusal;
  create(input: Record<string, unknown>, parent: Parent, request: Request): T | Refusal;
  /** PATCH (and PUT, which the API treats alike unless `replace` says otherwise). */
  update?(doc: T, input: Record<string, unknown>, parent: Parent, replace: boolean): T | Refusal;
  present?(doc: T, parent: Parent): unknown;
  events?: {
    create?(doc: T, parent: Parent): EventInput | undefined;
    update?(doc: T, before: T, parent: Parent): EventInput | undefined;
    delete?(doc: T, parent: Parent): EventInput | undefined;
  };
  /** Runs after a create or an update, in its transaction (e.g. to change the document's siblings). */
  written?(doc: T, parent: Parent): void;
  /** Why the document cannot be deleted (a 409), if it cannot. */
  undeletable?(doc: T, parent: Parent): Refusal | undefined;
  /** Runs after a delete, in its transaction (e.g. to delete what the document owned). */
  deleted?(doc: T, parent: Parent): void;
}

/**
 * The attributes a body carries: under the root key, or the body itself where the
 * spec also takes them flat (as Rails' parameter wrapping does; the Go client
 * sends some updates so). The stubs have validated the body against the spec.
 */
export function inputOf(body: Record<string, unknown> | undefined, root: string): Record<string, unknown> {
  const rooted = body?.[root];
  if (rooted && typeof rooted === 'object' && !Array.isArray(rooted)) return rooted as Record<string, unknown>;
  return body ?? {};
}

/** The application of the path, if the caller may see it. */
export function appParent(ctx: Context, request: Request): Parent | Refusal {
  const app = appOf(ctx, request.auth, request.params.app ?? '');
  return app ? { id: app.id, app, user: request.auth.user } : refuse(notFound('app'));
}

/** The caller's own documents. */
export function userParent(_ctx: Context, request: Request): Parent {
  return { id: request.auth.user.id, user: request.auth.user };
}

export function appendEvent(ctx: Context, parent: Parent, event: EventInput | undefined): void {
  if (event) ctx.events.append({ app: parent.app, user: parent.user, ...event });
}

/** list, retrieve, create, update, replace and delete handlers of a family (cast to the generated types by the caller). */
export function familyHandlers<T extends { id: string }>(ctx: Context, family: Family<T>) {
  const parentOf = (request: Request) => (family.parent ?? appParent)(ctx, request);
  const present = (doc: T, parent: Parent) => (family.present ? family.present(doc, parent) : doc);
  const answer = (value: Refusal): Answer => value.refused;
  const withDoc = (request: Request, then: (doc: T, parent: Parent) => Answer): Answer => {
    const parent = parentOf(request);
    if (isRefusal(parent)) return answer(parent);
    const doc = family.store.get(parent.id, request.params[family.idParam] ?? '');
    return doc ? then(doc, parent) : notFound(family.resource);
  };
  const update =
    (replace: boolean) =>
    (request: Request): Answer =>
      withDoc(request, (doc, parent) => {
        if (!family.update) return notFound(family.resource);
        const input = inputOf(request.body, family.resource);
        const before = structuredClone(doc);
        const changed = family.update(doc, input, parent, replace);
        if (isRefusal(changed)) return answer(changed);
        transaction(ctx, () => {
          family.store.put(parent.id, changed);
          family.written?.(changed, parent);
          appendEvent(ctx, parent, family.events?.update?.(changed, before, parent));
        });
        return { status: 200, body: { [family.resource]: present(changed, parent) } };
      });
  return {
    list(request: Request): Answer {
      const parent = parentOf(request);
      if (isRefusal(parent)) return answer(parent);
      return { status: 200, body: { [family.plural]: family.store.list(parent.id).map((d) => present(d, parent)) } };
    },
    retrieve(request: Request): Answer {
      return withDoc(request, (doc, parent) => ({ status: 200, body: { [family.resource]: present(doc, parent) } }));
    },
    create(request: Request): Answer {
      const parent = parentOf(request);
      if (isRefusal(parent)) return answer(parent);
      const input = inputOf(request.body, family.resource);
      const doc = family.create(input, parent, request);
      if (isRefusal(doc)) return answer(doc);
      transaction(ctx, () => {
        family.store.put(parent.id, doc);
        family.written?.(doc, parent);
        appendEvent(ctx, parent, family.events?.create?.(doc, parent));
      });
      return { status: 201, body: { [family.resource]: present(doc, parent) } };
    },
    update: update(false),
    replace: update(true),
    delete(request: Request): Answer {
      return withDoc(request, (doc, parent) => {
        const refusal = family.undeletable?.(doc, parent);
        if (refusal) return answer(refusal);
        transaction(ctx, () => {
          family.store.delete(parent.id, doc.id);
          family.deleted?.(doc, parent);
          appendEvent(ctx, parent, family.events?.delete?.(doc, parent));
        });
        return { status: 204 };
      });
    },
  };
}
