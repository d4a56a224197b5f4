/**
 * `@postbud/sdk/node`: Node-only parts (files, mutual TLS, XSD engine). The `browser: null`
 * export condition keeps them out of browser bundles such as the Outlook add-in.
 * @module
 */
export { MemoXsdValidator, resolveMemoXsdDir } from './MemoXsdValidator.js';
export type { XsdProblem } from './MemoXsdValidator.js';
export { fileContent } from './fileContent.js';
export type { FileStreamContent } from './fileContent.js';
export { memoReadable } from './memoReadable.js';
export { loadClientCertificate, agentTlsOptions } from './loadClientCertificate.js';
export type { ClientCertificate, ClientCertificateSource } from './loadClientCertificate.js';
export { createNodeTransport } from './createNodeTransport.js';
export { decodeUtf8 } from './decodeUtf8.js';
export type { NodeTransportOptions } from './createNodeTransport.js';
