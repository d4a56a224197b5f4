/**
 * Options of {@link DigitalPostClient} and their resolution into one frozen configuration.
 * Nothing is mutable after construction: create a new client for different settings.
 * @module
 */
import { PostbudError } from '../errors/PostbudError.js';
import { parseCvr } from '../identifiers/cvr.js';
import { ENVIRONMENTS, SANDBOX_NGDP_API_TOKEN, singleHostEnvironment, type Environment, type EnvironmentName } from '../environments/environments.js';
import { SANDBOX_CERTIFICATE_BASE64 } from '../environments/sandboxCertificate.js';
import { createRedactingLogger, type Logger, type LogLevel } from '../logging/Logger.js';
import type { ContactPointInput } from '../memo/letterInput.js';
import type { MemoVersion } from '../memo/model.js';
import type { NgdpApiToken } from '../ngdp/NgdpClient.js';
import { AxiosTransport } from '../transport/AxiosTransport.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../transport/RetryPolicy.js';
import type { Transport } from '../transport/Transport.js';
import type { Channel } from '../send/SendResult.js';

/** Which public service carries the letters. */
export type ServiceName = 'sf1601' | 'ngdp';

/** Per-attempt timeout. @default 30000 @unit milliseconds */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** How long a lookup answer is reused. @default 600000 @unit milliseconds */
export const DEFAULT_LOOKUP_TTL_MS = 10 * 60_000;
/** Largest letter a public sender may send (Bekendtgørelse om størrelse på filer i Digital Post). @unit bytes */
export const DEFAULT_MAX_LETTER_BYTES = 99.5 * 1024 * 1024;
/** Most attachments per letter (same regulation). */
export const DEFAULT_MAX_ATTACHMENTS = 10;

export interface DigitalPostClientOptions {
  /** @default 'sandbox' (the local sandbox at http://127.0.0.1:4000) */
  readonly environment?: EnvironmentName;
  /** Serve every endpoint from this base URL instead (a sandbox on another port, a test server). */
  readonly baseUrl?: string;
  /** @default 'sf1601' */
  readonly service?: ServiceName;
  /** HTTP transport. @default a plain {@link AxiosTransport}; use `createNodeTransport` from `@postbud/sdk/node` for mutual TLS. */
  readonly transport?: Transport;
  readonly credentials?: {
    /** Base64 DER of the OCES3 certificate (the STS `UseKey`); `loadClientCertificate` from `@postbud/sdk/node` gives it. */
    readonly certificateBase64?: string;
    /** NgDP API token (sent as `Authorization: Basic`). */
    readonly ngdpApiToken?: NgdpApiToken;
  };
  /** The sending authority. */
  readonly sender: {
    /** The authority's CVR: MeMo sender id and STS `AnvenderKontekst`. */
    readonly cvr: string;
    /** The name recipients see. */
    readonly label: string;
    /** Default contact point for replies. */
    readonly contactPoint?: ContactPointInput;
  };
  readonly defaults?: {
    /** @default '1.2' */
    readonly memoVersion?: MemoVersion;
    /** @default 'digital' */
    readonly channel?: Channel;
  };
  readonly retry?: Partial<RetryPolicy>;
  /** @default DEFAULT_TIMEOUT_MS @unit milliseconds */
  readonly timeoutMs?: number;
  /** @default DEFAULT_LOOKUP_TTL_MS @unit milliseconds; 0 disables the cache. */
  readonly lookupCacheTtlMs?: number;
  readonly limits?: { readonly maxLetterBytes?: number; readonly maxAttachments?: number };
  /** Off by default. Lines are redacted before they reach it. */
  readonly logger?: Logger;
  /** @default 'info' */
  readonly logLevel?: LogLevel;
  /** Clock and id sources (tests freeze them). */
  readonly now?: () => Date;
  readonly uuid?: () => string;
  readonly random?: () => number;
}

export interface ResolvedClientConfig {
  readonly environment: Environment;
  readonly service: ServiceName;
  readonly transport: Transport;
  readonly certificateBase64: string;
  readonly ngdpApiToken: NgdpApiToken;
  readonly sender: DigitalPostClientOptions['sender'];
  readonly memoVersion: MemoVersion;
  readonly defaultChannel: Channel;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly lookupCacheTtlMs: number;
  readonly maxLetterBytes: number;
  readonly maxAttachments: number;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly uuid: () => string;
  readonly random: () => number;
}

function credentialsFor(options: DigitalPostClientOptions, environment: Environment): Pick<ResolvedClientConfig, 'certificateBase64' | 'ngdpApiToken'> {
  const sandbox = environment.name === 'sandbox';
  const certificateBase64 = options.credentials?.certificateBase64?.replace(/\s+/g, '') ?? (sandbox ? SANDBOX_CERTIFICATE_BASE64 : undefined);
  const ngdpApiToken = options.credentials?.ngdpApiToken ?? (sandbox ? SANDBOX_NGDP_API_TOKEN : undefined);
  const service = options.service ?? 'sf1601';
  if (service === 'sf1601' && certificateBase64 === undefined) {
    throw new PostbudError('CERTIFICATE_MISSING', `SF1601 in the ${environment.name} environment needs your OCES3 certificate: pass credentials.certificateBase64 (loadClientCertificate from @postbud/sdk/node gives it) and a mutual-TLS transport.`);
  }
  if (service === 'ngdp' && ngdpApiToken === undefined) {
    throw new PostbudError('CONFIG_INVALID', `NgDP in the ${environment.name} environment needs credentials.ngdpApiToken (from Administrativ Adgang).`);
  }
  return { certificateBase64: certificateBase64 ?? '', ngdpApiToken: ngdpApiToken ?? SANDBOX_NGDP_API_TOKEN };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new PostbudError('CONFIG_INVALID', `${name} must be a number ≥ 0; got ${value}.`);
  return value;
}

/** Validates options and returns the frozen configuration. Throws CONFIG_INVALID / CERTIFICATE_MISSING / CVR_INVALID. */
export function resolveClientConfig(options: DigitalPostClientOptions): ResolvedClientConfig {
  if (options?.sender?.label === undefined || options.sender.label.trim() === '') {
    throw new PostbudError('CONFIG_INVALID', 'sender.label is required: the authority name recipients see.');
  }
  const name = options.environment ?? 'sandbox';
  if (!(name in ENVIRONMENTS)) throw new PostbudError('CONFIG_INVALID', `environment must be sandbox, test or production; got ${JSON.stringify(name)}.`);
  const environment = options.baseUrl ? singleHostEnvironment(name, options.baseUrl) : ENVIRONMENTS[name];
  const retry = Object.freeze({ ...DEFAULT_RETRY_POLICY, ...options.retry });
  return Object.freeze({
    environment,
    service: options.service ?? 'sf1601',
    transport: options.transport ?? new AxiosTransport(),
    ...credentialsFor(options, environment),
    sender: Object.freeze({ ...options.sender, cvr: parseCvr(options.sender.cvr) }),
    memoVersion: options.defaults?.memoVersion ?? '1.2',
    defaultChannel: options.defaults?.channel ?? 'digital',
    retry,
    timeoutMs: positive('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS),
    lookupCacheTtlMs: positive('lookupCacheTtlMs', options.lookupCacheTtlMs, DEFAULT_LOOKUP_TTL_MS),
    maxLetterBytes: positive('limits.maxLetterBytes', options.limits?.maxLetterBytes, DEFAULT_MAX_LETTER_BYTES),
    maxAttachments: positive('limits.maxAttachments', options.limits?.maxAttachments, DEFAULT_MAX_ATTACHMENTS),
    logger: createRedactingLogger(options.logger, options.logLevel),
    now: options.now ?? (() => new Date()),
    uuid: options.uuid ?? (() => globalThis.crypto.randomUUID()),
    random: options.random ?? Math.random,
  });
}
