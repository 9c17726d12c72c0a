// What an application's users do with an addon besides its plan: open its
// dashboard through a signed link (POST as the reference documents, GET as
// the JavaScript client sends) and resume it after a suspension.
import { randomBytes } from 'node:crypto';
import type { AppsHandlers } from '@scalingo-openapi/server';
import type { AddonDoc } from '../store/addons.js';
import { appOf, type Context, invalid, notFound, type Principal, transaction } from './context.js';

type AddonHandlers = NonNullable<AppsHandlers<Principal>['addons']>;
type Request = { auth: Principal; params: { app: string; addon_id: string } };

export function addonActionHandlers(ctx: Context): Pick<AddonHandlers, 'createSsoUrl' | 'retrieveSsoUrl' | 'resume'> {
  const withAddon = (request: Request, then: (addon: AddonDoc, appId: string) => unknown) => {
    const app = appOf(ctx, request.auth, request.params.app);
    if (!app) return notFound('app');
    const addon = ctx.addons.get(app.id, request.params.addon_id);
    return addon ? then(addon, app.id) : notFound('addon');
  };
  // The dashboards are the providers', out of the sandbox's reach: the link is
  // signed and dated like the real ones, on a host that never resolves.
  const sso = (request: Request) =>
    withAddon(request, (addon) => {
      const query = new URLSearchParams({
        id: addon.resource_id,
        token: randomBytes(20).toString('hex'),
        timestamp: String(Math.floor(Date.now() / 1000)),
      });
      const sso_url = `https://${addon.addon_provider.id}.dashboard.sandbox.invalid/sso?${query}`;
      return { status: 200, body: { addon: { ...addon, sso_url } } };
    });
  return {
    createSsoUrl: sso,
    retrieveSsoUrl: sso,
    resume: (request: Request) =>
      withAddon(request, (addon, appId) => {
        const status = addon.status as string;
        if (status === 'running') return { status: 200, body: { addon, message: 'The addon is running already.' } };
        if (status !== 'suspended') return invalid('addon', `cannot be resumed while ${status}`);
        const resumed = { ...addon, status: 'running' as const };
        transaction(ctx, () => ctx.addons.put(appId, resumed));
        return { status: 200, body: { addon: resumed, message: 'The addon runs again.' } };
      }),
  } as never;
}
