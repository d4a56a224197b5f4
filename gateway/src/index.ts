/**
 * `@postbud/gateway`: the municipality's Postbud host.
 * @module
 */
export { startGateway } from './startGateway.js';
export type { StartGatewayOptions, RunningGateway, SubmitOptions } from './startGateway.js';
export type { Caller } from './auth/Caller.js';
export { NO_DIRECTORY } from './directory/RecipientDirectory.js';
export type { RecipientDirectory, DirectoryEntry, DirectoryQuery } from './directory/RecipientDirectory.js';
export { SandboxRecipientDirectory } from './directory/SandboxRecipientDirectory.js';
export { renderLetterPdf } from './render/renderLetterPdf.js';
export type { InlineImage, RenderedLetter } from './render/renderLetterPdf.js';
export type { Letterhead } from './render/layoutLetter.js';
export { DEFAULT_LIMITS } from './config/parseConfig.js';
export { loadConfig, configFromObject, formatConfigIssues } from './config/loadConfig.js';
export type { LoadedConfig } from './config/loadConfig.js';
export type { ConfigIssue } from './config/ConfigIssue.js';
export type * from './config/GatewayConfig.js';
export { loadPlugins } from './plugins/loadPlugins.js';
export type { ApiLetterDocument, ApiFile, ApiRecipient, ApiInlineImage, ApiPostalAddress } from './plugins/ApiLetterDocument.js';
export { SqliteLedger } from './ledger/SqliteLedger.js';
export type { Ledger } from './ledger/Ledger.js';
export type * from './ledger/records.js';
export type { RoutePort } from './route/RoutePort.js';
export { buildReplyabilityReport, replyabilityCsv, replyabilityTable } from './reports/replyabilityReport.js';
export { replyabilityHtml } from './reports/replyabilityHtml.js';
export { createLogger } from './logging/createLogger.js';
export { GATEWAY_VERSION } from './version.js';
