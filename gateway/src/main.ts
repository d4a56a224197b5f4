#!/usr/bin/env node
/**
 * `postbud-gateway`: runs the gateway as its own process (what municipal IT runs under
 * systemd or in a container). Prints one JSON line `{"event":"listening","url":…}` on stdout
 * when ready; logs go to stderr. SIGTERM/SIGINT stop it gracefully.
 *
 * Usage: postbud-gateway --config postbud.config.yaml [--port N] [--route-url URL] [--lease-ms N]
 * @module
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createLogger } from './logging/createLogger.js';
import { startGateway } from './startGateway.js';

const { values } = parseArgs({
  options: {
    config: { type: 'string', short: 'c' }, port: { type: 'string' }, 'route-url': { type: 'string' },
    'lease-ms': { type: 'string' }, 'outbox-interval-ms': { type: 'string' }, 'log-level': { type: 'string' },
  },
});

async function main(): Promise<void> {
  if (values.config === undefined) {
    process.stderr.write('usage: postbud-gateway --config postbud.config.yaml [--port N] [--route-url URL]\n');
    process.exitCode = 2;
    return;
  }
  const logger = createLogger({ level: values['log-level'] ?? 'info', destination: pino.destination(2) });
  const gw = await startGateway({
    configFile: values.config, logger,
    ...(values.port !== undefined ? { port: Number(values.port) } : {}),
    ...(values['route-url'] !== undefined ? { routeUrl: values['route-url'] } : {}),
    workers: {
      ...(values['lease-ms'] !== undefined ? { leaseMs: Number(values['lease-ms']) } : {}),
      ...(values['outbox-interval-ms'] !== undefined ? { outboxIntervalMs: Number(values['outbox-interval-ms']) } : {}),
    },
  });
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: gw.url })}\n`);
  const stop = () => void gw.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`postbud-gateway: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
