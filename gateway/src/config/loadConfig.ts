/**
 * Reads `postbud.config.json` / `.yaml` / `.yml`, parses and checks it.
 * Never throws for a bad config: callers decide (the gateway refuses to start on errors,
 * `postbud config check` prints everything).
 * @module
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { PostbudError } from '@postbud/sdk';
import { checkConfig } from './checkConfig.js';
import { configError } from './ConfigIssue.js';
import type { ConfigIssue } from './ConfigIssue.js';
import { parseConfig } from './parseConfig.js';
import type { GatewayConfig } from './GatewayConfig.js';

export interface LoadedConfig {
  readonly config: GatewayConfig;
  readonly issues: readonly ConfigIssue[];
  /** Directory relative paths (ledger file, certificates, plugins) are resolved against. */
  readonly baseDir: string;
  readonly file?: string;
}

/** Parses config text; `format` from the file extension. */
export function parseConfigText(text: string, format: 'json' | 'yaml'): unknown {
  return format === 'json' ? JSON.parse(text) : parseYaml(text);
}

export async function loadConfig(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new PostbudError('FILE_UNREADABLE', `Cannot read the config file ${file}. Check the path.`, { cause });
  }
  const format = /\.json$/i.test(file) ? 'json' : 'yaml';
  let raw: unknown;
  try {
    raw = parseConfigText(text, format);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new PostbudError('CONFIG_INVALID', `The config file ${file} is not valid ${format.toUpperCase()}: ${message}`, { cause });
  }
  const loaded = configFromObject(raw, path.dirname(path.resolve(file)));
  const secrets = /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/.test(text)
    ? [configError('CREDENTIALS_IN_CONFIG', '(file)', 'Konfigurationen indeholder et certifikat eller en nøgle. Læg dem i filer og angiv stierne (route.certificateFile, route.keyFile).', 'The config contains a certificate or key. Put them in files and give their paths (route.certificateFile, route.keyFile).')]
    : [];
  return { ...loaded, issues: [...secrets, ...loaded.issues], file: path.resolve(file) };
}

/** Parses and checks an already-parsed config object (used by tests and `startGateway`). */
export function configFromObject(raw: unknown, baseDir: string): LoadedConfig {
  const parsed = parseConfig(raw);
  const issues = [...parsed.issues, ...checkConfig(parsed.config, { baseDir })];
  return { config: parsed.config, issues, baseDir };
}

/** Formats issues for people: one line per issue, errors first. */
export function formatConfigIssues(issues: readonly ConfigIssue[], language: 'da' | 'en'): string {
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const word = (s: ConfigIssue['severity']): string =>
    language === 'da' ? (s === 'error' ? 'FEJL' : 'ADVARSEL') : s === 'error' ? 'ERROR' : 'WARNING';
  return sorted.map((i) => `${word(i.severity)} ${i.path}: ${language === 'da' ? i.da : i.en} [${i.code}]\n`).join('');
}
