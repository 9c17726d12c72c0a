// The API answers HEAD on every resource it answers GET on. This decorator
// makes that visible to every tool that reads the bundle (mock, docs, stubs):
// each path item with a `get` gains a `head` with the same parameters,
// security and statuses, the headers of each answer and no body.
/** @type {import('@redocly/openapi-core').Oas3Decorator} */
export default function headForGet() {
  return {
    PathItem: {
      leave(pathItem, ctx) {
        const get = pathItem.get;
        if (!get || pathItem.head) return;
        /** @type {Record<string, import('@redocly/openapi-core').Oas3Response>} */
        const responses = {};
        for (const [status, response] of Object.entries(get.responses || {})) {
          const resolved = ctx.resolve(response).node || {};
          responses[status] = {
            description: resolved.description || 'Same status as GET, without a body.',
            ...(resolved.headers ? { headers: resolved.headers } : {}),
          };
        }
        const head = {
          operationId: `${get.operationId}Head`,
          tags: get.tags,
          summary: `${get.summary} (headers only)`,
          description: `Same answer as \`GET\` (${get.summary?.toLowerCase()}): the status and the headers, without the body.`,
          ...(get.deprecated ? { deprecated: true } : {}),
          ...(get.parameters ? { parameters: get.parameters } : {}),
          security: get.security,
          responses,
          'x-scalingo-head-of': get.operationId,
        };
        pathItem.head = head;
      },
    },
  };
}
