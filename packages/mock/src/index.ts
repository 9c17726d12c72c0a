// @scalingo-openapi/mock: the bundled OpenAPI documents of the Scalingo API v1
// and a Prism mock that answers their real URLs in the API's error envelopes.
export { DOCUMENTS, type DocumentName, documentPath, loadDocument } from './documents.js';
export { type Envelope, fieldErrors, problemEnvelope } from './envelopes.js';
export { type Mock, type MockOptions, startMock } from './mock.js';
export { mockDocument, type OpenApiDocument, serverBasePath } from './mock-document.js';
