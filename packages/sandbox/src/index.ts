// @scalingo-openapi/sandbox — a stateful fake of the Scalingo API for tests.
export { createSandbox, type Sandbox, type SandboxOptions, type SandboxUser } from './sandbox.js';
