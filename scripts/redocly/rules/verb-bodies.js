// GET, HEAD and DELETE take query parameters only; POST, PUT and PATCH bodies
// are JSON. A DELETE whose body the platform documents (bulk deletes) says so
// with `x-delete-body: true`.
const NO_BODY = new Set(['get', 'head', 'delete']);

/** @type {import('@redocly/openapi-core').Oas3Rule} */
export default function verbBodies() {
  return {
    Operation: {
      enter(operation, ctx) {
        const verb = String(ctx.key);
        const documented = verb === 'delete' && 'x-delete-body' in operation && operation['x-delete-body'] === true;
        if (NO_BODY.has(verb) && operation.requestBody && !documented) {
          ctx.report({
            message: `${verb.toUpperCase()} takes query parameters, not a body${verb === 'delete' ? ' (unless the platform documents one: x-delete-body: true)' : ''}.`,
            location: ctx.location.child('requestBody'),
          });
        }
        const body = operation.requestBody && ctx.resolve(operation.requestBody).node;
        for (const type of Object.keys(body?.content || {})) {
          if (type !== 'application/json') {
            ctx.report({
              message: `Request bodies are \`application/json\`, not \`${type}\`.`,
              location: ctx.location.child(['requestBody', 'content', type]).key(),
            });
          }
        }
      },
    },
  };
}
