/**
 * What the HTTP routes need from the running gateway.
 * @module
 */
import type { SenderSystemPlugin } from '@postbud/sdk';
import type { GatewayConfig } from '../config/GatewayConfig.js';
import type { Ledger } from '../ledger/Ledger.js';
import type { LetterService } from '../letters/LetterService.js';
import type { RouteHealth } from '../outbox/OutboxWorker.js';
import type { RoutePort } from '../route/RoutePort.js';

export interface GatewayContext {
  readonly config: GatewayConfig;
  readonly ledger: Ledger;
  readonly letters: LetterService;
  readonly route: RoutePort;
  readonly plugins: ReadonlyMap<string, SenderSystemPlugin>;
  readonly version: string;
  /** False while starting or stopping. */
  readonly isReady: () => boolean;
  /** Whether the outbox's sends reach the route (absent when no outbox worker runs here). */
  readonly routeHealth?: () => RouteHealth;
}
