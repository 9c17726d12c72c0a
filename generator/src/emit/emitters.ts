// Every emitter behind one module, loaded by generate() only once the bundled
// documents are on their way to the types worker: loading ts-morph then
// overlaps with openapi-typescript's work instead of delaying the bundle.
export { clientFile, indexFile } from './client/client-class.js';
export { functionsFile, functionsIndexFile } from './client/functions.js';
export { operationsFile, specsFile } from './client/operations-table.js';
export { resourceFile } from './client/resource-classes.js';
export { apiMarkdown } from './docs/api-md.js';
export { codeSamples } from './docs/code-samples.js';
export { generatedHeader } from './header.js';
export { resourceFileName } from './names.js';
export { printFile } from './print.js';
export { schemaAliases } from './schema-types.js';
export { handlersFile } from './server/handler-types.js';
export { componentsFile, examplesFile, routesFile } from './server/route-table.js';
