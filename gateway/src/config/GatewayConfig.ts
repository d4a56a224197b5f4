/**
 * The gateway's resolved configuration: what municipal IT writes in `postbud.config.yaml`
 * (or `.json`), validated, with defaults filled in and deep-frozen.
 * Credentials are never inside the config: only paths to certificate files and names of
 * environment variables that hold secrets.
 * @module
 */

export type RouteKind = 'sandbox' | 'sf1601' | 'ngdp';
export type ReplyPolicyKind = 'always' | 'never' | 'caseworker-choice';
export type ChannelPolicy = 'auto' | 'digital-only';
export type RequiredMetadata = 'caseId' | 'kle' | 'title';

export interface AuthorityConfig {
  /** The authority's CVR number (8 digits, modulus 11). */
  readonly cvr: string;
  readonly name: string;
}

export interface RouteConfig {
  readonly kind: RouteKind;
  /** Base URL override. Default for `sandbox`: `http://127.0.0.1:4000`. */
  readonly url?: string;
  /** `test` or `production` for SF1601 and NgDP. */
  readonly environment?: 'test' | 'production';
  /** PEM or PKCS#12 certificate file (OCES3 organisation/system certificate). */
  readonly certificateFile?: string;
  /** Private key file when the certificate file is PEM. */
  readonly keyFile?: string;
  /** Name of the environment variable holding the key or PKCS#12 passphrase. */
  readonly passphraseEnv?: string;
  /** Name of the environment variable holding the NgDP API token, as `username:token`. */
  readonly apiTokenEnv?: string;
  /** Extra CA certificate(s) (PEM file) to trust for the route's TLS server: test setups, private endpoints. */
  readonly caFile?: string;
  /** How often replies and status events are fetched. @unit milliseconds */
  readonly pollIntervalMs: number;
}

export interface ContactPointConfig {
  /** The NgDP contact point UUID (kontaktpunkt) that receives replies. */
  readonly id: string;
  readonly label: string;
  /** As registered in NgDP administration: replies only arrive at an active, visible point. */
  readonly active: boolean;
  readonly visible: boolean;
}

export interface ReplyPolicy {
  readonly policy: ReplyPolicyKind;
  /** For `caseworker-choice`: whether the reply option starts switched on. */
  readonly defaultOn: boolean;
  /** Default reply-by date, in days after sending; none when absent. @unit days */
  readonly replyByDays?: number;
}

export interface SenderSystemConfig {
  readonly id: string;
  /** Built-in plugin name (`outlook`, `http`) or a module path/package exporting a plugin factory. */
  readonly plugin: string;
  readonly pluginOptions: Readonly<Record<string, unknown>>;
  /** The sender name citizens see, e.g. "Aarhus Kommune, Borgerservice". */
  readonly senderLabel: string;
  /** Ids of contact points this system may use; the first is the default. */
  readonly contactPoints: readonly string[];
  readonly reply: ReplyPolicy;
  readonly channel: ChannelPolicy;
  readonly requiredMetadata: readonly RequiredMetadata[];
  /** Identity-token groups whose members may use this system. Empty = nobody via the API. */
  readonly groups: readonly string[];
  /**
   * Application (client) ids of service identities (client-credentials tokens, e.g. an
   * output manager) that may use this system. An app may also hold the role
   * `<auth.requiredScope>.<id>` instead of being listed here.
   */
  readonly apps: readonly string[];
}

/** What a letter may carry: checked at intake and shown to the add-in in `GET /v1/me`. */
export interface LetterLimits {
  /** Attachments besides the letter itself. */
  readonly maxAttachments: number;
  /** @unit bytes */
  readonly maxFileBytes: number;
  /** All files of one letter together. @unit bytes */
  readonly maxTotalBytes: number;
  /** Lower-case extensions without the dot. */
  readonly allowedExtensions: readonly string[];
}

export interface AuthConfig {
  /** Expected `iss`: Entra ID in production, the sandbox IdP in development. */
  readonly issuer: string;
  readonly audience: string;
  /** Default: read from the issuer's OpenID discovery document. */
  readonly jwksUri?: string;
  /** Expected `tid` claim (Entra tenant id), when set. */
  readonly tenant?: string;
  /** Scope that must be in `scp` (space separated) or `roles`. */
  readonly requiredScope: string;
  /** Claim that holds the caller's groups. Default `groups`. */
  readonly groupsClaim: string;
}

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  /** Origins allowed by CORS: only the Outlook add-in's. */
  readonly corsOrigins: readonly string[];
  /** Largest request body. @unit bytes */
  readonly bodyLimitBytes: number;
  /** Requests per user per window. */
  readonly rateLimitMax: number;
  /** @unit milliseconds */
  readonly rateLimitWindowMs: number;
}

export interface LedgerConfig {
  readonly kind: 'sqlite';
  /** SQLite file; relative paths are relative to the config file. */
  readonly file: string;
}

export interface GatewayConfig {
  readonly authority: AuthorityConfig;
  readonly route: RouteConfig;
  readonly contactPoints: readonly ContactPointConfig[];
  readonly senderSystems: readonly SenderSystemConfig[];
  readonly auth: AuthConfig;
  readonly server: ServerConfig;
  readonly ledger: LedgerConfig;
  readonly limits: LetterLimits;
  /** KLE edition put on letters whose KLE subject has none (e.g. the add-in's "27.12.00"), e.g. `Maj 2018`. */
  readonly kleVersion?: string;
}
