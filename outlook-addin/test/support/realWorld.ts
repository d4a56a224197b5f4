/**
 * The real thing on loopback for browser tests: the sandbox (in memory, any port) and a gateway
 * in this process whose configuration is the repository's development config
 * (gateway/config/postbud.config.dev.yaml) pointed at that sandbox, with CORS for the pane's
 * origin and a throw-away SQLite ledger.
 * @module
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { createLogger, startGateway } from '@postbud/gateway';
import type { RunningGateway } from '@postbud/gateway';
import { startSandbox } from '@postbud/sandbox';
import type { RunningSandbox } from '@postbud/sandbox';
import { ADDIN_DIR } from './buildAddin.js';

export const GATEWAY_CONFIG_DIR = path.resolve(ADDIN_DIR, '../gateway/config');

/** Sara works in Børne- og Ungeforvaltningen: she may use the `outlook` sender system. */
export const CASEWORKER = 'sara.sagsbehandler@solbjerg.example';

export interface RealWorld {
  readonly sandbox: RunningSandbox;
  readonly gateway: RunningGateway;
  /** Letters the sandbox holds with this MeMo messageUUID (= the gateway's letter id). */
  sandboxLetters(messageUuid: string): Promise<Record<string, unknown>[]>;
  sandboxLetter(id: string): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function devGatewayConfig(sandboxUrl: string, corsOrigins: readonly string[]): Promise<Record<string, unknown>> {
  const config = parse(await readFile(path.join(GATEWAY_CONFIG_DIR, 'postbud.config.dev.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
  return {
    // The dev config names no KLE edition; a plain "NN.NN.NN" from the pane needs one (MeMo KLEdata/version).
    kleVersion: '2024',
    ...config,
    route: { ...config['route'], url: sandboxUrl, pollIntervalMs: 300 },
    auth: { ...config['auth'], issuer: `${sandboxUrl}/idp` },
    server: { ...config['server'], host: '127.0.0.1', port: 0, corsOrigins: [...corsOrigins] },
  };
}

export async function startRealWorld(corsOrigins: readonly string[]): Promise<RealWorld> {
  const sandbox = await startSandbox({ port: 0, dataDir: null, deliveryDelayMs: 200 });
  const ledgerDir = await mkdtemp(path.join(tmpdir(), 'postbud-addin-e2e-'));
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      config: await devGatewayConfig(sandbox.url, corsOrigins), baseDir: GATEWAY_CONFIG_DIR,
      ledgerFile: path.join(ledgerDir, 'ledger.sqlite'), logger: createLogger({ level: 'warn' }),
      workers: { outboxIntervalMs: 200, inboundIntervalMs: 300 },
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const get = async (p: string): Promise<unknown> => {
    const res = await fetch(`${sandbox.url}${p}`);
    if (!res.ok) throw new Error(`sandbox ${p}: ${res.status}`);
    return res.json();
  };
  return {
    sandbox, gateway,
    sandboxLetters: async (uuid) => (await get(`/_sandbox/letters?messageUuid=${encodeURIComponent(uuid)}`)) as Record<string, unknown>[],
    sandboxLetter: async (id) => (await get(`/_sandbox/letters/${encodeURIComponent(id)}`)) as Record<string, unknown>,
    close: async () => {
      await gateway.close();
      await sandbox.close();
      await rm(ledgerDir, { recursive: true, force: true });
    },
  };
}
