// Calls to a sandbox in-process (Fastify's inject: no socket), as the sandbox
// tests make them: the credentials, a body sent as JSON; and the Bearer token
// an API token is exchanged for, as the authentication API exchanges it.
import type { Sandbox } from '@scalingo-openapi/sandbox';

/** `method url` on `sandbox` with `authorization` (sent as given) and `body` as JSON: Fastify's answer. */
export function inject(sandbox: Sandbox, authorization: string, method: string, url: string, body?: unknown) {
  return sandbox.app.inject({
    method: method as 'GET',
    url,
    headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });
}

/** The same call, answered as its status and its body parsed as JSON (undefined when empty). */
export async function send(sandbox: Sandbox, authorization: string, method: string, url: string, body?: unknown) {
  const response = await inject(sandbox, authorization, method, url, body);
  return { status: response.statusCode, body: response.body ? response.json() : undefined };
}

/** A Bearer token for `apiToken`, exchanged as the authentication API does it. */
export async function bearerFor(sandbox: Sandbox, apiToken: string): Promise<string> {
  const exchange = await sandbox.app.inject({
    method: 'POST',
    url: '/v1/tokens/exchange',
    headers: { authorization: `Basic ${btoa(`:${apiToken}`)}` },
  });
  return exchange.json().token;
}

/**
 * Adds to `app` the free plan of the first addon provider that has one, and issues the token
 * its database API accepts.
 */
export async function freeDatabaseAddon(sandbox: Sandbox, bearer: string, app: string) {
  const authorization = `Bearer ${bearer}`;
  const providers = (await send(sandbox, authorization, 'GET', '/v1/addon_providers')).body.addon_providers;
  const provider = providers.find((p: { plans: Array<{ price?: number }> }) => p.plans.some((plan) => !plan.price));
  const plan = provider.plans.find((p: { price?: number }) => !p.price);
  const { addon } = (
    await send(sandbox, authorization, 'POST', `/v1/apps/${app}/addons`, {
      addon: { addon_provider_id: provider.id, plan_id: plan.id },
    })
  ).body;
  const { token } = (await send(sandbox, authorization, 'POST', `/v1/apps/${app}/addons/${addon.id}/token`)).body.addon;
  return { addonId: addon.id as string, token: token as string };
}
