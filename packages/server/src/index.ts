// @scalingo-openapi/server — the Scalingo API as a Fastify plugin with typed
// handlers: `fastify.register(scalingoApi, { handlers, authenticate })`.
import type { FastifyPluginAsync } from 'fastify';
import { componentSchemas as providerComponents } from './generated/addon-provider/components.js';
import { examples as providerExamples } from './generated/addon-provider/examples.js';
import type { Handlers as ProviderHandlers } from './generated/addon-provider/handlers.js';
import { routes as providerRoutes } from './generated/addon-provider/routes.js';
import { componentSchemas } from './generated/scalingo/components.js';
import { examples } from './generated/scalingo/examples.js';
import type { Handlers } from './generated/scalingo/handlers.js';
import { routes } from './generated/scalingo/routes.js';
import { type ApiPluginOptions, createApiPlugin } from './runtime/plugin.js';

export type ScalingoApiOptions<Principal = unknown> = Omit<ApiPluginOptions<Principal>, 'handlers'> & {
  handlers: Handlers<Principal>;
};
export type AddonProviderApiOptions<Principal = unknown> = Omit<
  ApiPluginOptions<Principal>,
  'handlers' | 'services'
> & {
  handlers: ProviderHandlers<Principal>;
};

/** The Scalingo API (regional, authentication and database services; pick with `services`). */
export const scalingoApi = createApiPlugin({
  routes,
  componentSchemas,
  examples,
}) as FastifyPluginAsync<ScalingoApiOptions>;

/** What an addon provider serves to the platform (provision, plan change, deprovision, SSO). */
export const addonProviderApi = createApiPlugin({
  routes: providerRoutes,
  componentSchemas: providerComponents,
  examples: providerExamples,
}) as FastifyPluginAsync<AddonProviderApiOptions>;

export type * as AddonProvider from './generated/addon-provider/handlers.js';
export type * from './generated/scalingo/handlers.js';
export type { Credentials } from './runtime/credentials.js';
export {
  FAILURE_STATUSES,
  type Failure,
  type FailureKind,
  failureAnswer,
  failureStatus,
  possibleFailures,
  undocumentedFailures,
} from './runtime/failures.js';
export type { HandlerRequest, HandlerResult, ReplyShape } from './runtime/handler.js';
export type { ApiPluginOptions, Authenticate, AuthenticateContext, ResponseValidation } from './runtime/plugin.js';
export { exampleAnswer } from './runtime/plugin.js';
export type { ApiDocument, RouteSpec, ServiceName } from './runtime/route-spec.js';
export { MAX_PARAM_LENGTH, repairUrl, type StubsServerOptions, serverOptions } from './runtime/server-options.js';
export { componentSchemas, createApiPlugin, examples, routes };
