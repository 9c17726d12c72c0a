// Each operation declares the API's error answers that apply to it: 429 and
// 5XX always, 401 when secured, 404 when the path names a resource, 400 and
// 422 when it takes a body.
// The path comes from the key of the path item, not from a JSON pointer: the
// pointer is relative to the file that holds the item (`#/get` in
// paths/apps.yaml), and the plugin imports no package, so that a copy of the
// spec outside the repository (bench, watch test, a git ref) still lints.
/** @type {import('@redocly/openapi-core').Oas3Rule} */
export default function errorResponses() {
  let path = '';
  return {
    PathItem: {
      enter(_pathItem, ctx) {
        path = typeof ctx.key === 'string' ? ctx.key : '';
      },
      Operation: {
        enter(operation, ctx, parents) {
          const need = ['429', '5XX'];
          const secured = (operation.security ?? parents.Root?.security ?? []).some(
            (/** @type {object} */ s) => Object.keys(s).length > 0,
          );
          if (secured) need.push('401');
          if (/\{[^}]+\}/.test(path) || pathParameters(parents.PathItem, operation, ctx)) need.push('404');
          if (operation.requestBody) need.push('400', '422');
          for (const status of need) {
            if (!operation.responses || !(status in operation.responses)) {
              ctx.report({
                message: `Missing the ${status} response this operation can give.`,
                location: ctx.location.child('responses'),
              });
            }
          }
        },
      },
    },
  };
}

/**
 * @param {import('@redocly/openapi-core').Oas3PathItem | undefined} pathItem
 * @param {import('@redocly/openapi-core').Oas3Operation} operation
 * @param {import('@redocly/openapi-core').UserContext} ctx
 */
function pathParameters(pathItem, operation, ctx) {
  const all = [...(pathItem?.parameters || []), ...(operation.parameters || [])];
  return all.some((p) => ctx.resolve(p).node?.in === 'path');
}
