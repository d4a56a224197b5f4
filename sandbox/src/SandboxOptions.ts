/**
 * Options of {@link startSandbox} and their defaults.
 * @module
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ValidationSetting = 'full' | 'light';
export type DuplicatePolicy = 'original' | 'reject';

export interface SandboxOptions {
  /** TCP port; 0 picks a free one. @default 4000 */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** Folder for the SQLite state; `null` keeps everything in memory. @default null */
  readonly dataDir?: string | null;
  /** Serve HTTPS with mutual TLS, using certificates generated into `tlsDir`. @default false */
  readonly tls?: boolean;
  /** Where TLS certificates are kept. @default `<dataDir>/tls`, or a temp folder in memory mode */
  readonly tlsDir?: string;
  /** Seed of the fault generator. @default 1 */
  readonly seed?: number;
  /** Fault spec, e.g. `503=0.1:2,drop=0.05` (see FaultPlan). @default '' */
  readonly faults?: string;
  /** Folder with the official MeMo XSDs; `null` = never use XSDs. @default ../shared/reference/memo when present */
  readonly xsdDir?: string | null;
  /** `light` skips XSD validation (for load tests). @default 'full' */
  readonly validation?: ValidationSetting;
  /** Answer a repeated message UUID with the original receipt, or reject it. @default 'original' */
  readonly duplicates?: DuplicatePolicy;
  /** Delay before an accepted letter is delivered (status event). @default 1000 */
  readonly deliveryDelayMs?: number;
  /** URL the Beskedfordeler stand-in POSTs status messages to. */
  readonly statusPushUrl?: string;
  /** Accept self-signed certificates on the push endpoint. @default true */
  readonly statusPushInsecure?: boolean;
  /** Access token lifetime. @default 3600 */
  readonly accessTokenSeconds?: number;
  /** SAML assertion lifetime. @default 28800 (8 h) */
  readonly samlTokenSeconds?: number;
  /** Emit a status message when a letter is accepted (before delivery). @default true */
  readonly emitAcceptedEvents?: boolean;
  /** Log sink (one line per call, CPR numbers masked). @default no logging */
  readonly log?: (line: string) => void;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string | null;
  readonly tls: boolean;
  readonly tlsDir: string | null;
  readonly seed: number;
  readonly faults: string;
  readonly xsdDir: string | null;
  readonly validation: ValidationSetting;
  readonly duplicates: DuplicatePolicy;
  readonly deliveryDelayMs: number;
  readonly statusPushUrl: string | null;
  readonly statusPushInsecure: boolean;
  readonly accessTokenSeconds: number;
  readonly samlTokenSeconds: number;
  readonly emitAcceptedEvents: boolean;
  readonly log: (line: string) => void;
}

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared/reference/memo` beside the repository (CI and development), if present. */
export function defaultXsdDir(cwd: string = process.cwd()): string | null {
  const candidates = [path.resolve(cwd, '../shared/reference/memo'), path.resolve(packageRoot, '../../shared/reference/memo')];
  return candidates.find((c) => existsSync(c)) ?? null;
}

export function resolveOptions(o: SandboxOptions): ResolvedOptions {
  const dataDir = o.dataDir ?? null;
  return Object.freeze({
    port: o.port ?? 4000,
    host: o.host ?? '127.0.0.1',
    dataDir,
    tls: o.tls ?? false,
    tlsDir: o.tlsDir ?? (dataDir ? path.join(dataDir, 'tls') : null),
    seed: o.seed ?? 1,
    faults: o.faults ?? '',
    xsdDir: o.xsdDir === undefined ? defaultXsdDir() : o.xsdDir,
    validation: o.validation ?? 'full',
    duplicates: o.duplicates ?? 'original',
    deliveryDelayMs: o.deliveryDelayMs ?? 1000,
    statusPushUrl: o.statusPushUrl ?? null,
    statusPushInsecure: o.statusPushInsecure ?? true,
    accessTokenSeconds: o.accessTokenSeconds ?? 3600,
    samlTokenSeconds: o.samlTokenSeconds ?? 28800,
    emitAcceptedEvents: o.emitAcceptedEvents ?? true,
    log: o.log ?? (() => undefined),
  });
}
