/**
 * The gateway as its own process (`gateway/dist/main.js`), as municipal IT runs it: what the
 * crash soak kills with SIGKILL and the load benchmark drives from another process.
 * @module
 */
import { spawnListening } from './childProcess.js';
import type { ListeningChild } from './childProcess.js';
import { GATEWAY_MAIN } from './paths.js';

export interface GatewayProcessOptions {
  /** @unit milliseconds */ readonly leaseMs?: number;
  /** @unit milliseconds */ readonly outboxIntervalMs?: number;
  readonly logLevel?: string;
  /** Listen on this port instead of the config's (a restart keeps its address). */
  readonly portOverride?: number;
  readonly onStderr?: (chunk: string) => void;
}

export function startGatewayProcess(configFile: string, o: GatewayProcessOptions = {}): Promise<ListeningChild> {
  const args = ['--config', configFile, '--log-level', o.logLevel ?? 'warn'];
  if (o.portOverride !== undefined) args.push('--port', String(o.portOverride));
  if (o.leaseMs !== undefined) args.push('--lease-ms', String(o.leaseMs));
  if (o.outboxIntervalMs !== undefined) args.push('--outbox-interval-ms', String(o.outboxIntervalMs));
  return spawnListening(GATEWAY_MAIN, args, { ...(o.onStderr ? { onStderr: o.onStderr } : {}), keepStderr: false });
}
