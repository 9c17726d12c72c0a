// What every classifier module shares: the two documents and their component
// usage, and how a Change is made from a Redocly change (its kind's rating from
// KINDS unless the module decides).
import type { RedoclyChange } from '../compare/redocly-diff.js';
import { breaksByKind } from '../kinds.js';
import type { Change, ChangeKind, Direction, Json } from '../types.js';
import { member } from '../walk/json.js';
import { componentOf, directionOf, get, operationOf, type Usage } from '../walk/schema-walk.js';

export interface Context {
  alias: string;
  base: Json;
  revision: Json;
  baseUsage: Map<string, Usage>;
  revisionUsage: Map<string, Usage>;
}

export function make(
  ctx: Context,
  c: RedoclyChange | undefined,
  kind: ChangeKind,
  message: string,
  pointer: string,
  breaking = breaksByKind(kind),
): Change {
  const operation = operationOf(c?.path ?? pointer) ?? operationOf(pointer);
  const change: Change = { document: ctx.alias, kind, breaking, message, pointer };
  if (operation) change.operation = operation;
  const rule = c?.verdicts?.[0]?.ruleId;
  if (rule) change.rule = rule;
  // Where the thing was matters for what is gone or renamed; elsewhere it is where it is.
  if (c?.base?.pointer && (c.kind === 'removed' || ['key', 'name', 'operationId'].includes(c.property ?? '')))
    change.basePointer = c.base.pointer;
  return change;
}

export function pointerOf(c: RedoclyChange): string {
  return (c.kind === 'removed' ? c.base?.pointer : (c.revision?.pointer ?? c.base?.pointer)) ?? c.path;
}

/** Request, response or both: where the change is seen, and every use of the component it is in. */
export function directionsOf(ctx: Context, c: RedoclyChange): Set<Direction> {
  const directions = new Set<Direction>();
  for (const pointer of [c.path, c.base?.pointer, c.revision?.pointer]) {
    if (!pointer) continue;
    const direction = directionOf(pointer);
    if (direction) directions.add(direction);
    const component = componentOf(pointer);
    if (component) {
      for (const usage of [ctx.baseUsage.get(component), ctx.revisionUsage.get(component)])
        for (const d of usage?.directions ?? []) directions.add(d);
    }
  }
  return directions;
}

export function summaryOf(document: Json, pointer: string): string {
  const summary = member(get(document, pointer), 'summary');
  return typeof summary === 'string' ? `: ${summary}` : '';
}

export function lastSegment(pointer: string): string {
  return pointer.split('/').pop() ?? pointer;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
