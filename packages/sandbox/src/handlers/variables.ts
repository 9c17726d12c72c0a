// Environment variables of an application: one by one or in bulk, each
// change appending its event.
import type { AppsHandlers } from '@scalingo-openapi/server';
import { presentVariable } from '../present.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';

export function variableHandlers(ctx: Context): AppsHandlers<Principal>['variables'] {
  return {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      return app
        ? { status: 200, body: { variables: ctx.variables.list(app.id).map(presentVariable) } }
        : notFound('app');
    },
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      if (ctx.variables.byName(app.id, body.variable.name))
        return invalid('name', 'is already taken, update the variable instead');
      const { row } = transaction(ctx, () => {
        const result = ctx.variables.set(app.id, body.variable.name, body.variable.value);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'new_variable',
          typeData: { name: body.variable.name, value: body.variable.value },
        });
        return result;
      });
      return { status: 201, body: { variable: presentVariable(row) } };
    },
    bulkUpdate({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      // One `edit_variables` event for the whole bulk update, as the reference lists it.
      const rows = transaction(ctx, () => {
        const newVars: Array<{ name: string; value: string }> = [];
        const updatedVars: Array<{ name: string; value: string; old_value: string }> = [];
        const written = body.variables.map((v) => {
          const { row, previous } = ctx.variables.set(app.id, v.name, v.value);
          if (previous) updatedVars.push({ name: v.name, value: v.value, old_value: previous.value });
          else newVars.push({ name: v.name, value: v.value });
          return row;
        });
        ctx.events.append({
          app,
          user: auth.user,
          type: 'edit_variables',
          typeData: { new_vars: newVars, updated_vars: updatedVars, deleted_vars: [] },
        });
        return written;
      });
      return { status: 200, body: { variables: rows.map(presentVariable) } };
    },
    update({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const existing = ctx.variables.get(app.id, params.variable_id);
      if (!existing) return notFound('variable');
      const { row } = transaction(ctx, () => {
        const result = ctx.variables.set(app.id, existing.name, body.variable.value);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'edit_variable',
          typeData: { name: existing.name, value: body.variable.value, old_value: existing.value },
        });
        return result;
      });
      return { status: 200, body: { variable: presentVariable(row) } };
    },
    delete({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const deleted = transaction(ctx, () => {
        const row = ctx.variables.delete(app.id, params.variable_id);
        if (row)
          ctx.events.append({
            app,
            user: auth.user,
            type: 'delete_variable',
            typeData: { name: row.name, value: row.value },
          });
        return row;
      });
      return deleted ? { status: 204 } : notFound('variable');
    },
    bulkDelete({ auth, params, query, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      // The body is the documented form; the query form of spec 1.0.0 is still read.
      const ids = body?.variable_ids ?? query.variable_ids;
      if (!ids) return invalid('variable_ids', "can't be blank");
      const deleted: string[] = [];
      transaction(ctx, () => {
        for (const variableId of ids) {
          const row = ctx.variables.delete(app.id, variableId);
          if (!row) continue;
          deleted.push(variableId);
          ctx.events.append({
            app,
            user: auth.user,
            type: 'delete_variable',
            typeData: { name: row.name, value: row.value },
          });
        }
      });
      return { status: 200, body: { variable_ids: deleted } };
    },
  };
}
