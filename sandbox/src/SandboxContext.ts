/**
 * Everything a route handler may use: configuration, state, world, faults, status feed and
 * the MeMo gate. One object, created by startSandbox, passed to every route module.
 * @module
 */
import type { ResolvedOptions, DuplicatePolicy } from './SandboxOptions.js';
import type { SandboxStore } from './store/SandboxStore.js';
import type { World } from './world/World.js';
import type { FaultPlan } from './faults/FaultPlan.js';
import type { StatusFeed } from './status/StatusFeed.js';
import type { MemoGate } from './letters/MemoGate.js';
import type { DeliveryScheduler } from './letters/DeliveryScheduler.js';

/** Settings the control API may change while running. */
export interface RuntimeSettings {
  duplicates: DuplicatePolicy;
  deliveryDelayMs: number;
  statusPushUrl: string | null;
}

export interface SandboxContext {
  readonly options: ResolvedOptions;
  readonly settings: RuntimeSettings;
  readonly store: SandboxStore;
  readonly world: World;
  readonly faults: FaultPlan;
  readonly statusFeed: StatusFeed;
  readonly memoGate: MemoGate;
  readonly scheduler: DeliveryScheduler;
  /** Base URL as clients see it (known once listening). */
  baseUrl(): string;
  log(line: string): void;
}
