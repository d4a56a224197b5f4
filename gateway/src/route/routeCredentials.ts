/**
 * The route's production credentials, read from the files and environment variables the
 * config names (never from the config itself): the OCES3 certificate for mutual TLS and the
 * KOMBIT STS (PEM + key, or PKCS#12 with a passphrase), extra trusted CAs, and the NgDP API
 * token. Loaded and checked once at start, so a wrong passphrase stops the gateway at once.
 * @module
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PostbudError } from '@postbud/sdk';
import type { DigitalPostClientOptions } from '@postbud/sdk';
import { createNodeTransport, loadClientCertificate } from '@postbud/sdk/node';
import type { ClientCertificateSource } from '@postbud/sdk/node';
import type { RouteConfig } from '../config/GatewayConfig.js';

type Env = Readonly<Record<string, string | undefined>>;

function fromEnv(env: Env, name: string, what: string): string {
  const value = env[name];
  if (value === undefined || value === '') throw new PostbudError('CONFIG_INVALID', `The environment variable ${name} (${what}) is not set. Set it before starting the gateway.`);
  return value;
}

function certificateSource(r: RouteConfig, baseDir: string, env: Env): ClientCertificateSource {
  const file = path.resolve(baseDir, r.certificateFile as string);
  const passphrase = r.passphraseEnv === undefined ? {} : { passphrase: fromEnv(env, r.passphraseEnv, 'route.passphraseEnv: the certificate passphrase') };
  if (/\.(p12|pfx)$/i.test(file)) return { pfxFile: file, ...passphrase };
  // One PEM file may hold both certificate and key.
  return { certFile: file, keyFile: path.resolve(baseDir, r.keyFile ?? (r.certificateFile as string)), ...passphrase };
}

function apiToken(r: RouteConfig, env: Env): { username: string; token: string } | undefined {
  if (r.apiTokenEnv === undefined) return undefined;
  const raw = fromEnv(env, r.apiTokenEnv, 'route.apiTokenEnv: the NgDP API token as username:token');
  const at = raw.indexOf(':');
  if (at <= 0) throw new PostbudError('CONFIG_INVALID', `The environment variable ${r.apiTokenEnv} must hold the NgDP API token as username:token.`);
  return { username: raw.slice(0, at), token: raw.slice(at + 1) };
}

/** Client options for the route: always the SDK's Node transport (cheaper per letter than the default axios one), plus credentials when configured. */
export async function routeCredentials(r: RouteConfig, baseDir: string, env: Env = process.env): Promise<Partial<DigitalPostClientOptions>> {
  const ca = r.caFile === undefined ? undefined : await readFile(path.resolve(baseDir, r.caFile)).catch((cause: unknown) => {
    throw new PostbudError('FILE_UNREADABLE', `Cannot read route.caFile ${r.caFile}.`, { cause });
  });
  const certificate = r.certificateFile === undefined ? undefined : await loadClientCertificate(certificateSource(r, baseDir, env));
  const token = apiToken(r, env);
  const transport = createNodeTransport({ ...(certificate ? { certificate } : {}), ...(ca ? { ca } : {}) });
  if (certificate === undefined && token === undefined) return { transport };
  return {
    transport,
    credentials: { ...(certificate ? { certificateBase64: certificate.certificateBase64 } : {}), ...(token ? { ngdpApiToken: token } : {}) },
  };
}
