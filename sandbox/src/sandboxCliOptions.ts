/**
 * Turns command-line option values (strings, as commander or util.parseArgs give them) into
 * {@link SandboxOptions}, with plain-words errors. Shared by `postbud sandbox` and the
 * package's own `postbud-sandbox` bin.
 * @module
 */
import path from 'node:path';
import { parseFaultSpec } from './faults/FaultPlan.js';
import type { SandboxOptions } from './SandboxOptions.js';

export interface SandboxCliValues {
  readonly port?: string;
  readonly host?: string;
  readonly data?: string;
  readonly memory?: boolean;
  readonly tls?: boolean;
  readonly seed?: string;
  readonly faults?: string;
  readonly xsdDir?: string;
  readonly xsd?: boolean;
  readonly validation?: string;
  readonly duplicates?: string;
  readonly deliveryDelay?: string;
  readonly statusPush?: string;
}

export class SandboxOptionError extends Error {
  override readonly name = 'SandboxOptionError';
}

function integer(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new SandboxOptionError(`${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  return n;
}

/** `cwd` resolves relative paths; the default state folder is `<cwd>/.postbud/sandbox`. */
export function sandboxOptionsFromCli(v: SandboxCliValues, cwd: string, log: (line: string) => void): SandboxOptions {
  if (v.memory && v.data !== undefined) throw new SandboxOptionError('--data and --memory exclude each other.');
  if (v.faults) {
    try {
      parseFaultSpec(v.faults);
    } catch (err) {
      throw new SandboxOptionError(`--faults: ${(err as Error).message}`);
    }
  }
  if (v.validation !== undefined && v.validation !== 'full' && v.validation !== 'light') throw new SandboxOptionError('--validation must be full or light.');
  if (v.duplicates !== undefined && v.duplicates !== 'original' && v.duplicates !== 'reject') throw new SandboxOptionError('--duplicates must be original or reject.');
  if (v.statusPush !== undefined && !/^https?:\/\//.test(v.statusPush)) throw new SandboxOptionError('--status-push must be an http:// or https:// URL.');
  const dataDir = v.memory ? null : path.resolve(cwd, v.data ?? path.join('.postbud', 'sandbox'));
  return {
    port: v.port === undefined ? 4000 : integer(v.port, '--port', 0, 65535),
    ...(v.host !== undefined ? { host: v.host } : {}),
    dataDir,
    tls: v.tls === true,
    ...(v.seed !== undefined ? { seed: integer(v.seed, '--seed', 0, 2 ** 32 - 1) } : {}),
    ...(v.faults !== undefined ? { faults: v.faults } : {}),
    ...(v.xsd === false ? { xsdDir: null } : v.xsdDir !== undefined ? { xsdDir: path.resolve(cwd, v.xsdDir) } : {}),
    ...(v.validation !== undefined ? { validation: v.validation as 'full' | 'light' } : {}),
    ...(v.duplicates !== undefined ? { duplicates: v.duplicates as 'original' | 'reject' } : {}),
    ...(v.deliveryDelay !== undefined ? { deliveryDelayMs: integer(v.deliveryDelay, '--delivery-delay', 0, 86_400_000) } : {}),
    ...(v.statusPush !== undefined ? { statusPushUrl: v.statusPush } : {}),
    log,
  };
}
