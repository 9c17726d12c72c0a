// @scalingo-openapi/client/funcs — one function per operation, named after
// its operationId (`apps.list` → `appsList(core, options?)`), taking a core
// client first and then the arguments of the resource method.
export * from './generated/funcs/index.js';
