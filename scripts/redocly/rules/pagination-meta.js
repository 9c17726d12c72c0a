// An operation takes `page`/`per_page` exactly when its 200 answer carries
// `meta` with the PaginationMeta schema. Operations known from an official
// client only (`x-scalingo-evidence`) are described as that client pages them,
// which is not always the reference's convention.
/** @type {import('@redocly/openapi-core').Oas3Rule} */
export default function paginationMeta() {
  return {
    Operation: {
      enter(operation, ctx) {
        if ('x-scalingo-evidence' in operation && operation['x-scalingo-evidence']) return;
        const names = new Set(
          (operation.parameters || [])
            .map((p) => ctx.resolve(p).node)
            .filter((p) => p !== undefined)
            .map((p) => `${p.in}:${p.name}`),
        );
        const paginated = names.has('query:page');
        if (paginated !== names.has('query:per_page')) {
          ctx.report({ message: '`page` and `per_page` go together.', location: ctx.location.child('parameters') });
        }
        const answer = operation.responses?.['200'];
        const ok = answer && ctx.resolve(answer).node;
        const schema = ok?.content?.['application/json']?.schema;
        const resolved = schema && ctx.resolve(schema).node;
        const meta = resolved?.properties?.meta;
        const hasMeta = Boolean(meta && /PaginationMeta(\.yaml)?$/.test(meta.$ref || ''));
        if (paginated && !hasMeta) {
          ctx.report({
            message: 'A paginated operation answers 200 with `meta: {$ref: PaginationMeta.yaml}`.',
            location: ctx.location.child(['responses', '200']),
          });
        }
        if (!paginated && hasMeta) {
          ctx.report({
            message: 'An answer with `meta.pagination` needs the `page` and `per_page` parameters.',
            location: ctx.location.child('parameters'),
          });
        }
      },
    },
  };
}
