// Every JSON body, request or response, is an object rooted by a key; never an
// array (or a scalar) at the root.
/** @type {import('@redocly/openapi-core').Oas3Rule} */
export default function rootedEnvelope() {
  return {
    MediaType: {
      enter(mediaType, ctx) {
        const contentType = ctx.key;
        if (typeof contentType !== 'string' || !contentType.includes('json') || !mediaType.schema) return;
        const { node: schema } = ctx.resolve(mediaType.schema);
        if (!isObjectSchema(schema, ctx)) {
          ctx.report({
            message:
              'A JSON body must be an object rooted by the resource name (`{"app": {...}}`), never an array or a scalar.',
            location: ctx.location.child('schema'),
          });
        }
      },
    },
  };
}

/**
 * @param {import('@redocly/openapi-core').Oas3Schema | import('@redocly/openapi-core').Oas3_1Schema | undefined} schema
 * @param {import('@redocly/openapi-core').UserContext} ctx
 * @returns {boolean}
 */
function isObjectSchema(schema, ctx) {
  if (!schema || typeof schema !== 'object') return false;
  if (schema.type === 'object') return true;
  const parts = schema.allOf || schema.oneOf || schema.anyOf;
  if (Array.isArray(parts) && parts.length > 0) {
    return parts.every((part) => isObjectSchema(ctx.resolve(part).node, ctx));
  }
  return false;
}
