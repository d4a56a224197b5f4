/**
 * Turns the raw (JSON- or YAML-parsed) configuration into a {@link GatewayConfig} with
 * defaults, collecting every shape mistake as a {@link ConfigIssue}.
 * @module
 */
import { FieldReader } from './FieldReader.js';
import type { RawObject } from './FieldReader.js';
import type { ConfigIssue } from './ConfigIssue.js';
import type {
  AuthConfig,
  ContactPointConfig,
  GatewayConfig,
  LedgerConfig,
  LetterLimits,
  RequiredMetadata,
  RouteConfig,
  SenderSystemConfig,
  ServerConfig,
} from './GatewayConfig.js';

export const DEFAULT_SANDBOX_URL = 'http://127.0.0.1:4000';
const REQUIRED_METADATA: readonly RequiredMetadata[] = ['caseId', 'kle', 'title'];

export interface ParsedConfig {
  /** Present even when there are issues, so checks can run on a best-effort config. */
  readonly config: GatewayConfig;
  readonly issues: readonly ConfigIssue[];
}

function route(r: FieldReader, raw: RawObject): RouteConfig {
  const o = r.object(raw['route'], 'route');
  const kind = r.oneOf(o, 'kind', 'route', ['sandbox', 'sf1601', 'ngdp'] as const);
  const environment = o['environment'] === undefined ? undefined : r.oneOf(o, 'environment', 'route', ['test', 'production'] as const);
  return {
    kind,
    ...opt('url', r.optionalString(o, 'url', 'route') ?? (kind === 'sandbox' ? DEFAULT_SANDBOX_URL : undefined)),
    ...opt('environment', environment),
    ...opt('certificateFile', r.optionalString(o, 'certificateFile', 'route')),
    ...opt('keyFile', r.optionalString(o, 'keyFile', 'route')),
    ...opt('passphraseEnv', r.optionalString(o, 'passphraseEnv', 'route')),
    ...opt('apiTokenEnv', r.optionalString(o, 'apiTokenEnv', 'route')),
    ...opt('caFile', r.optionalString(o, 'caFile', 'route')),
    pollIntervalMs: r.number(o, 'pollIntervalMs', 'route', 5000, 50),
  };
}

function contactPoint(r: FieldReader, raw: unknown, path: string): ContactPointConfig {
  const o = r.object(raw, path);
  return {
    id: r.string(o, 'id', path).toLowerCase(),
    label: r.string(o, 'label', path),
    active: r.boolean(o, 'active', path, true),
    visible: r.boolean(o, 'visible', path, true),
  };
}

function senderSystem(r: FieldReader, raw: unknown, path: string): SenderSystemConfig {
  const o = r.object(raw, path);
  const reply = r.object(o['reply'] ?? {}, `${path}.reply`);
  const options = o['pluginOptions'];
  const id = r.string(o, 'id', path);
  return {
    id,
    plugin: r.string(o, 'plugin', path, id),
    pluginOptions: typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {},
    senderLabel: r.string(o, 'senderLabel', path),
    contactPoints: r.stringList(o, 'contactPoints', path).map((c) => c.toLowerCase()),
    reply: {
      policy: r.oneOf(reply, 'policy', `${path}.reply`, ['always', 'never', 'caseworker-choice'] as const, 'never'),
      defaultOn: r.boolean(reply, 'default', `${path}.reply`, false),
      ...opt('replyByDays', r.optionalNumber(reply, 'replyByDays', `${path}.reply`, 1)),
    },
    channel: r.oneOf(o, 'channel', path, ['auto', 'digital-only'] as const, 'auto'),
    requiredMetadata: r.stringList(o, 'requiredMetadata', path).filter((m): m is RequiredMetadata => {
      const ok = (REQUIRED_METADATA as readonly string[]).includes(m);
      if (!ok) r.oneOf({ requiredMetadata: m }, 'requiredMetadata', path, REQUIRED_METADATA);
      return ok;
    }),
    groups: r.stringList(o, 'groups', path),
    apps: r.stringList(o, 'apps', path),
  };
}

function auth(r: FieldReader, raw: RawObject): AuthConfig {
  const o = r.object(raw['auth'], 'auth');
  return {
    issuer: r.string(o, 'issuer', 'auth'),
    audience: r.string(o, 'audience', 'auth'),
    ...opt('jwksUri', r.optionalString(o, 'jwksUri', 'auth')),
    ...opt('tenant', r.optionalString(o, 'tenant', 'auth')),
    requiredScope: r.string(o, 'requiredScope', 'auth', 'Postbud.Send'),
    groupsClaim: r.string(o, 'groupsClaim', 'auth', 'groups'),
  };
}

function server(r: FieldReader, raw: RawObject): ServerConfig {
  const o = r.object(raw['server'] ?? {}, 'server');
  return {
    host: r.string(o, 'host', 'server', '127.0.0.1'),
    port: r.number(o, 'port', 'server', 4100),
    corsOrigins: r.stringList(o, 'corsOrigins', 'server'),
    bodyLimitBytes: r.number(o, 'bodyLimitBytes', 'server', 40 * 1024 * 1024, 1024),
    rateLimitMax: r.number(o, 'rateLimitMax', 'server', 120, 1),
    rateLimitWindowMs: r.number(o, 'rateLimitWindowMs', 'server', 60_000, 100),
  };
}

function ledger(r: FieldReader, raw: RawObject): LedgerConfig {
  const o = r.object(raw['ledger'] ?? {}, 'ledger');
  return {
    kind: r.oneOf(o, 'kind', 'ledger', ['sqlite'] as const, 'sqlite'),
    file: r.string(o, 'file', 'ledger', '.postbud/ledger.sqlite'),
  };
}

/** The regulation's limits (10 attachments, 99.5 MB per letter) and the file types Digital Post shows. */
export const DEFAULT_LIMITS: LetterLimits = Object.freeze({
  maxAttachments: 10,
  maxFileBytes: 25 * 1024 * 1024,
  maxTotalBytes: 99.5 * 1024 * 1024,
  allowedExtensions: Object.freeze(['pdf', 'txt', 'html', 'htm', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'jpg', 'jpeg', 'png', 'gif', 'tif', 'tiff', 'eml', 'msg', 'csv', 'rtf', 'xml']),
});

function limits(r: FieldReader, raw: RawObject): LetterLimits {
  const o = r.object(raw['limits'] ?? {}, 'limits');
  const ext = r.stringList(o, 'allowedExtensions', 'limits').map((e) => e.toLowerCase().replace(/^\./, ''));
  return {
    maxAttachments: r.number(o, 'maxAttachments', 'limits', DEFAULT_LIMITS.maxAttachments, 0),
    maxFileBytes: r.number(o, 'maxFileBytes', 'limits', DEFAULT_LIMITS.maxFileBytes, 1),
    maxTotalBytes: r.number(o, 'maxTotalBytes', 'limits', DEFAULT_LIMITS.maxTotalBytes, 1),
    allowedExtensions: o['allowedExtensions'] === undefined ? DEFAULT_LIMITS.allowedExtensions : ext,
  };
}

/** Parses without throwing; the result's `issues` say what is wrong. */
export function parseConfig(raw: unknown): ParsedConfig {
  const r = new FieldReader();
  const root = r.object(raw, '(root)');
  const a = r.object(root['authority'], 'authority');
  const config: GatewayConfig = {
    authority: { cvr: r.string(a, 'cvr', 'authority'), name: r.string(a, 'name', 'authority') },
    route: route(r, root),
    contactPoints: r.array(root, 'contactPoints', '(root)').map((c, i) => contactPoint(r, c, `contactPoints[${i}]`)),
    senderSystems: r.array(root, 'senderSystems', '(root)').map((s, i) => senderSystem(r, s, `senderSystems[${i}]`)),
    auth: auth(r, root),
    server: server(r, root),
    ledger: ledger(r, root),
    limits: limits(r, root),
    ...opt('kleVersion', r.optionalString(root, 'kleVersion', '(root)')),
  };
  return { config: deepFreeze(config), issues: r.issues };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
