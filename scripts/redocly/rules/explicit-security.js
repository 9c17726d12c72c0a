// Every operation says which authentication it accepts (`security: []` for a
// public one) instead of inheriting the root default silently.
/** @type {import('@redocly/openapi-core').Oas3Rule} */
export default function explicitSecurity() {
  return {
    Operation: {
      enter(operation, ctx) {
        if (!Array.isArray(operation.security)) {
          ctx.report({
            message: 'Declare `security` on the operation (`[]` when public).',
            location: ctx.location.key(),
          });
        }
      },
    },
  };
}
