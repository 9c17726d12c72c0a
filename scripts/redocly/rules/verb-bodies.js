// GET, HEAD and DELETE take query parameters only; POST, PUT and PATCH bodies
// are JSON. A DELETE whose real endpoint reads a JSON body (the official
// clients send one) says so with `x-scalingo-delete-body: true`.
const NO_BODY = new Set(['get', 'head', 'delete']);

export default function verbBodies() {
  return {
    Operation: {
      enter(operation, ctx) {
        const verb = ctx.key;
        const declared = verb === 'delete' && operation['x-scalingo-delete-body'] === true;
        if (NO_BODY.has(verb) && operation.requestBody && !declared) {
          ctx.report({
            message: `${verb.toUpperCase()} takes query parameters, not a body.`,
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
