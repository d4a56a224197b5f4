/**
 * The task pane's runtime configuration, read from `addin-config.json` next to the pane, so
 * IT can point a built add-in at its gateway without rebuilding.
 * @module
 */
import { PostbudError } from '@postbud/sdk';
import type { DevTokenOptions } from '../auth/DevTokenProvider.js';
import type { NaaOptions } from '../auth/NaaTokenProvider.js';

export type AuthConfig =
  | ({ readonly kind: 'naa' } & NaaOptions)
  | ({ readonly kind: 'dev' } & Omit<DevTokenOptions, 'fetch' | 'now'>);

export interface AddinConfig {
  readonly gatewayUrl: string;
  readonly auth: AuthConfig;
}

function bad(what: string): PostbudError {
  return new PostbudError('CONFIG_INVALID', `addin-config.json: ${what}. Ask IT to fix the add-in's configuration.`);
}

function text(o: Record<string, unknown>, key: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw bad(`"${key}" must be a non-empty string`);
  return v;
}

export function parseAddinConfig(value: unknown): AddinConfig {
  if (typeof value !== 'object' || value === null) throw bad('not a JSON object');
  const o = value as Record<string, unknown>;
  const auth = o['auth'];
  if (typeof auth !== 'object' || auth === null) throw bad('"auth" is missing');
  const a = auth as Record<string, unknown>;
  const gatewayUrl = text(o, 'gatewayUrl');
  if (a['kind'] === 'naa') {
    const scopes = a['scopes'];
    if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string')) throw bad('"auth.scopes" must be a list of strings');
    return { gatewayUrl, auth: { kind: 'naa', clientId: text(a, 'clientId'), authority: text(a, 'authority'), scopes } };
  }
  if (a['kind'] === 'dev') {
    const issuer = typeof a['issuer'] === 'string' ? a['issuer'] : undefined;
    const tokenEndpoint = typeof a['tokenEndpoint'] === 'string' ? a['tokenEndpoint'] : undefined;
    if (!issuer && !tokenEndpoint) throw bad('"auth" needs "issuer" or "tokenEndpoint"');
    return {
      gatewayUrl,
      auth: { kind: 'dev', clientId: text(a, 'clientId'), username: text(a, 'username'), scope: text(a, 'scope'), ...(issuer ? { issuer } : {}), ...(tokenEndpoint ? { tokenEndpoint } : {}) },
    };
  }
  throw bad('"auth.kind" must be "naa" or "dev"');
}
