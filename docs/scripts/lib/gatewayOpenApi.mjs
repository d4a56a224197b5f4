/**
 * The gateway's OpenAPI document exactly as it serves it: a gateway is started on a free
 * loopback port with the development config (workers off, ledger in a temporary folder), and
 * `GET /openapi.json` is fetched. The document is built from the registered routes, so this is
 * what a client sees; nothing in it depends on the time or the port.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger, startGateway } from '@postbud/gateway';

/**
 * @param {string} configFile the gateway configuration to start with
 * @returns {Promise<Record<string, unknown>>}
 */
export async function fetchGatewayOpenApi(configFile) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postbud-openapi-'));
  try {
    const gateway = await startGateway({
      configFile,
      port: 0,
      host: '127.0.0.1',
      ledgerFile: path.join(dir, 'ledger.sqlite'),
      logger: createLogger({ level: 'silent' }),
      workers: { enabled: false },
    });
    try {
      const response = await fetch(`${gateway.url}/openapi.json`);
      if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}.`);
      return /** @type {Record<string, unknown>} */ (await response.json());
    } finally {
      await gateway.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
