/** Keywords that document without constraining. */
export const DOCUMENTATION = new Set([
  'description',
  'summary',
  'title',
  'examples',
  'example',
  'externalDocs',
  'tags',
  'x-tagGroups',
  'contact',
  'license',
  'termsOfService',
  'version',
]);
export const DOCUMENTATION_TYPES = new Set([
  'Info',
  'Tag',
  'TagList',
  'Contact',
  'License',
  'ExternalDocs',
  'Example',
  'ExamplesMap',
  'TagGroups',
  'TagGroup',
]);
