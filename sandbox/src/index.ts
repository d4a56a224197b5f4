/**
 * `@postbud/sandbox`: a faithful local Digital Post (SF1601 and NgDP wire protocols, web
 * mailbox, status events, fault injection) on one port.
 * @module
 */
export { startSandbox } from './startSandbox.js';
export type { RunningSandbox } from './startSandbox.js';
export { defaultXsdDir } from './SandboxOptions.js';
export type { SandboxOptions, ValidationSetting, DuplicatePolicy } from './SandboxOptions.js';
export { parseFaultSpec, FAULT_KINDS } from './faults/FaultPlan.js';
export type { FaultKind, FaultRate } from './faults/FaultPlan.js';
export { ENTITY_IDS } from './sf1601/entityIds.js';
export { WORLD } from './world/fixtures.js';
export type { WorldData, Citizen, Company, Authority, Caseworker, AppRegistration, ContactPointRecord } from './world/worldTypes.js';
export type { SandboxCertificates } from './tls/generateCertificates.js';
export type { GateMode } from './letters/MemoGate.js';
export { sandboxOptionsFromCli, SandboxOptionError } from './sandboxCliOptions.js';
export type { SandboxCliValues } from './sandboxCliOptions.js';
