/**
 * A gateway configuration for the sandbox world (Solbjerg Kommune), written as JSON next to
 * its ledger. One reply-enabled sender system (`outlook`, Sara's group) routed to the
 * Borgerservice contact point, whose replies come back to the built-in NgDP system.
 * @module
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export const SARA = 'sara.sagsbehandler@solbjerg.example';
export const MADS = 'mads.mogensen@solbjerg.example';
export const SARA_GROUP = '0e5d23b6-6a0e-45a8-a8c8-8ba35648aa31';
export const BORGERSERVICE_CP = '32b4dc44-0652-4f7c-93b8-d00a533a30f7';
export const AUDIENCE = 'api://postbud-gateway';

export interface GatewayConfigOptions {
  readonly sandboxUrl: string;
  readonly corsOrigins?: readonly string[];
  /** Requests per user per minute (the default 120 would throttle a load test). */
  readonly rateLimitMax?: number;
  /** @unit milliseconds */
  readonly pollIntervalMs?: number;
  readonly bodyLimitBytes?: number;
  readonly ledgerFile?: string;
}

export function gatewayConfigObject(o: GatewayConfigOptions): Record<string, unknown> {
  return {
    authority: { cvr: '29999902', name: 'Solbjerg Kommune' },
    route: { kind: 'sandbox', url: o.sandboxUrl, pollIntervalMs: o.pollIntervalMs ?? 500 },
    contactPoints: [{ id: BORGERSERVICE_CP, label: 'Borgerservice' }],
    senderSystems: [{
      id: 'outlook', plugin: 'outlook', senderLabel: 'Solbjerg Kommune, Borgerservice', contactPoints: [BORGERSERVICE_CP],
      reply: { policy: 'caseworker-choice', default: true, replyByDays: 14 }, channel: 'digital-only', groups: [SARA_GROUP],
    }],
    auth: { issuer: `${o.sandboxUrl}/idp`, audience: AUDIENCE, requiredScope: 'Letters.Send' },
    server: {
      host: '127.0.0.1', port: 0, rateLimitMax: o.rateLimitMax ?? 1_000_000, rateLimitWindowMs: 60_000,
      ...(o.corsOrigins ? { corsOrigins: [...o.corsOrigins] } : {}), ...(o.bodyLimitBytes ? { bodyLimitBytes: o.bodyLimitBytes } : {}),
    },
    ledger: { kind: 'sqlite', file: o.ledgerFile ?? 'ledger.sqlite' },
  };
}

/** Writes `postbud.config.json` into `dir` and returns its path. */
export function writeGatewayConfig(dir: string, o: GatewayConfigOptions): string {
  const file = path.join(dir, 'postbud.config.json');
  writeFileSync(file, JSON.stringify(gatewayConfigObject(o), null, 2));
  return file;
}
