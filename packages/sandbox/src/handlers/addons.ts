// Addons: provisioned from the providers and plans of the spec's catalogue
// example; a paid plan needs a payment method (402). The addon token is the
// Bearer token of the database API.
import type { AppsHandlers } from '@scalingo-openapi/server';
import { addonProviders } from '../catalogues.js';
import type { AddonDoc, Plan } from '../store/addons.js';
import type { AppRow } from '../store/apps.js';
import { id, isoDate } from '../store/values.js';
import { appOf, type Context, invalid, notFound, type Principal, paymentRequired, transaction } from './context.js';

export function addonHandlers(ctx: Context): Omit<NonNullable<AppsHandlers<Principal>['addons']>, 'logDrains'> {
  const find = (app: AppRow, addonId: string) => ctx.addons.get(app.id, addonId);
  const paid = (plan: Plan) => (plan.price ?? 0) > 0;
  return {
    list({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      return app ? { status: 200, body: { addons: ctx.addons.list(app.id) } } : notFound('app');
    },
    retrieve({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const addon = find(app, params.addon_id);
      return addon ? { status: 200, body: { addon } } : notFound('addon');
    },
    create({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const provider = addonProviders().find((p) => p.id === body.addon.addon_provider_id);
      if (!provider) return invalid('addon_provider_id', 'is not a known addon provider');
      const plan = provider.plans.find((p) => p.id === body.addon.plan_id || p.name === body.addon.plan_id);
      if (!plan) return invalid('plan_id', `is not a plan of ${provider.id}`);
      if (paid(plan) && !ctx.users.byId(app.owner_id)!.payment_method) return paymentRequired('to use a paid plan');
      const now = isoDate();
      const addon: AddonDoc = {
        id: id('ad'),
        app_id: app.id,
        resource_id: `${app.name.replace(/-/g, '_')}_${Math.floor(Math.random() * 10_000)}`,
        status: 'running',
        plan,
        addon_provider: { id: provider.id, name: provider.name, logo_url: provider.logo_url },
        provisioned_at: now,
        deprovisioned_at: null,
        updated_at: now,
      };
      transaction(ctx, () => {
        ctx.addons.put(app.id, addon);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'new_addon',
          typeData: { addon_provider_name: provider.name, plan_name: plan.name, resource_id: addon.resource_id },
        });
      });
      return {
        status: 201,
        body: { addon, vars: [], message: `${provider.name} (${plan.display_name}) is ready` } as never,
      };
    },
    update({ auth, params, body }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const addon = find(app, params.addon_id);
      if (!addon) return notFound('addon');
      const plan = addonProviders()
        .find((p) => p.id === addon.addon_provider.id)
        ?.plans.find((p) => p.id === body.addon.plan_id || p.name === body.addon.plan_id);
      if (!plan) return invalid('plan_id', `is not a plan of ${addon.addon_provider.id}`);
      if (paid(plan) && !ctx.users.byId(app.owner_id)!.payment_method) return paymentRequired('to use a paid plan');
      const oldPlan = addon.plan.name;
      addon.plan = plan;
      addon.updated_at = isoDate();
      transaction(ctx, () => {
        ctx.addons.put(app.id, addon);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'upgrade_addon',
          typeData: {
            addon_provider_name: addon.addon_provider.name,
            old_plan_name: oldPlan,
            new_plan_name: plan.name,
            resource_id: addon.resource_id,
          },
        });
      });
      return {
        status: 200,
        body: { addon, vars: [], message: `${addon.addon_provider.name} now runs on ${plan.display_name}` },
      };
    },
    delete({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const addon = find(app, params.addon_id);
      if (!addon) return notFound('addon');
      transaction(ctx, () => {
        ctx.addons.delete(app.id, addon.id);
        ctx.events.append({
          app,
          user: auth.user,
          type: 'delete_addon',
          typeData: {
            addon_provider_name: addon.addon_provider.name,
            plan_name: addon.plan.name,
            resource_id: addon.resource_id,
          },
        });
      });
      return { status: 204 };
    },
    createToken({ auth, params }) {
      const app = appOf(ctx, auth, params.app);
      if (!app) return notFound('app');
      const addon = find(app, params.addon_id);
      if (!addon) return notFound('addon');
      const token = transaction(ctx, () => ctx.tokens.issueDatabaseToken(addon.id, auth.user.id));
      return { status: 200, body: { addon: { ...addon, token } } };
    },
  };
}
