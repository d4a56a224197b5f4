/**
 * `@postbud/gateway`: the municipality's Postbud host.
 * @module
 */
export { startGateway } from './startGateway.js';
export type { StartGatewayOptions, RunningGateway } from './startGateway.js';
export { loadConfig, configFromObject, formatConfigIssues } from './config/loadConfig.js';
export type { LoadedConfig } from './config/loadConfig.js';
export type { ConfigIssue } from './config/ConfigIssue.js';
export type * from './config/GatewayConfig.js';
export { loadPlugins } from './plugins/loadPlugins.js';
export type { ApiLetterDocument, ApiFile, ApiRecipient } from './plugins/ApiLetterDocument.js';
export { SqliteLedger } from './ledger/SqliteLedger.js';
export type { Ledger } from './ledger/Ledger.js';
export type * from './ledger/records.js';
export type { RoutePort } from './route/RoutePort.js';
export { buildReplyabilityReport, replyabilityCsv, replyabilityTable } from './reports/replyabilityReport.js';
export { replyabilityHtml } from './reports/replyabilityHtml.js';
export { createLogger } from './logging/createLogger.js';
export { GATEWAY_VERSION } from './version.js';
