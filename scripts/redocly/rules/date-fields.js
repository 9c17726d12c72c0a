// Dates have one schema: a property that holds a date references DateTime (or
// NullableDateTime), and no other schema declares `format: date-time`.
const DATE_NAME = /(_at|_until|_time|^date|_date)$/;
const DATE_SCHEMA_FILE = /(^|\/)(Nullable)?DateTime\.yaml$|#\/components\/schemas\/(Nullable)?DateTime$/;

/** @type {import('@redocly/openapi-core').Oas3Rule} */
export default function dateFields() {
  return {
    Schema: {
      enter(schema, ctx) {
        const file = ctx.location.source.absoluteRef;
        if (schema.format === 'date-time' && !/(^|\/)DateTime\.yaml$/.test(file)) {
          ctx.report({
            message: 'Use `$ref: DateTime.yaml` instead of declaring `format: date-time` here.',
            location: ctx.location.child('format'),
          });
        }
        for (const [name, property] of Object.entries(schema.properties || {})) {
          if (!DATE_NAME.test(name) || !property || typeof property !== 'object') continue;
          // `periodic_backups_scheduled_at: [3]` is a list of hours, not a date.
          if (property.type && ![property.type].flat().includes('string')) continue;
          // `format: date` is a calendar day (`2019-12-31`), not an instant.
          if (property.format === 'date') continue;
          const ref = property.$ref || firstRef(property.anyOf) || firstRef(property.oneOf);
          if (!ref || !DATE_SCHEMA_FILE.test(ref)) {
            ctx.report({
              message: `Date property \`${name}\` must reference DateTime.yaml or NullableDateTime.yaml.`,
              location: ctx.location.child(['properties', name]),
            });
          }
        }
      },
    },
  };
}

/** @param {unknown} list the members of an anyOf or oneOf */
function firstRef(list) {
  return Array.isArray(list) ? list.map((s) => s?.$ref).find(Boolean) : undefined;
}
