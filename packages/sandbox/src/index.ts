// @scalingo-openapi/sandbox — a stateful fake of the Scalingo API for tests.
export { totpCode } from './handlers/totp.js';
export { createSandbox, type Sandbox, type SandboxOptions, type SandboxUser } from './sandbox.js';
