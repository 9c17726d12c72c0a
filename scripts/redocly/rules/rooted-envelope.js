// Every JSON body, request or response, is an object rooted by a key; never an
// array (or a scalar) at the root. The exception: an operation marked
// `x-scalingo-unrooted` whose answer the platform sends as a bare array (what
// the official clients read), an object or an array of objects.
/** @type {import('@redocly/openapi-core').Oas3Rule} */
export default function rootedEnvelope() {
  return {
    Operation: {
      MediaType: {
        enter(mediaType, ctx, parents) {
          const contentType = ctx.key;
          if (typeof contentType !== 'string' || !contentType.includes('json') || !mediaType.schema) return;
          const { node: schema } = ctx.resolve(mediaType.schema);
          const bareArray =
            parents.Operation?.['x-scalingo-unrooted'] === true &&
            schema?.type === 'array' &&
            typeof schema.items === 'object' &&
            isObjectSchema(ctx.resolve(schema.items).node, ctx);
          if (!isObjectSchema(schema, ctx) && !bareArray) {
            ctx.report({
              message:
                'A JSON body must be an object rooted by the resource name (`{"app": {...}}`), never an array or a scalar (unless the operation is x-scalingo-unrooted and answers a bare array of objects).',
              location: ctx.location.child('schema'),
            });
          }
        },
      },
    },
  };
}

/**
 * @param {unknown} schema
 * @param {import('@redocly/openapi-core').UserContext} ctx
 * @returns {boolean}
 */
function isObjectSchema(schema, ctx) {
  if (!schema || typeof schema !== 'object') return false;
  const { type, allOf, oneOf, anyOf } = /** @type {Record<string, unknown>} */ (schema);
  if (type === 'object') return true;
  const parts = allOf || oneOf || anyOf;
  if (Array.isArray(parts) && parts.length > 0) {
    return parts.every((part) => isObjectSchema(ctx.resolve(part).node, ctx));
  }
  return false;
}
