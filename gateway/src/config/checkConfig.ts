/**
 * Checks that catch real-world configuration mistakes before a caseworker meets them:
 * a reply-enabled sender system whose replies would go nowhere, a sender label the citizen
 * cannot recognise, credentials pasted into the config, and more. Messages are plain Danish
 * and English. Plugin-related checks live in `checkPlugins`.
 * @module
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkCvr } from '@postbud/sdk';
import { configError, configWarning } from './ConfigIssue.js';
import type { ConfigIssue } from './ConfigIssue.js';
import type { GatewayConfig, SenderSystemConfig } from './GatewayConfig.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Labels that tell the citizen nothing about who wrote: seen in real municipal setups.
const GENERIC_LABEL =
  /^(?:(?:brev|post|besked|meddelelse)(?: fra)? )?(?:kommunen|myndigheden|afsender|forvaltningen|test|noreply|no-reply|digital post|system)$/i;

export interface CheckConfigOptions {
  /** Directory of the config file: relative certificate paths are resolved against it. */
  readonly baseDir: string;
}

export function checkConfig(config: GatewayConfig, options: CheckConfigOptions): ConfigIssue[] {
  return [
    ...checkAuthority(config),
    ...checkRoute(config, options.baseDir),
    ...checkContactPoints(config),
    ...checkSenderSystems(config),
    ...checkServer(config),
  ];
}

function checkAuthority(config: GatewayConfig): ConfigIssue[] {
  const cvr = checkCvr(config.authority.cvr);
  return cvr.ok
    ? []
    : [configError('AUTHORITY_CVR_INVALID', 'authority.cvr', `CVR-nummeret "${config.authority.cvr}" er ikke gyldigt (8 cifre med modulus 11-kontrol).`, `The CVR number "${config.authority.cvr}" is not valid (8 digits passing the modulus-11 check).`)];
}

function checkRoute(config: GatewayConfig, baseDir: string): ConfigIssue[] {
  const r = config.route;
  const issues: ConfigIssue[] = [];
  if (r.kind === 'sandbox') return issues;
  if (r.environment === undefined) {
    issues.push(configError('ROUTE_ENVIRONMENT_MISSING', 'route.environment', 'Angiv environment: test eller production.', 'Set environment: test or production.'));
  }
  if (r.certificateFile === undefined) {
    issues.push(configError('CERTIFICATE_MISSING', 'route.certificateFile', `Ruten ${r.kind} kræver et OCES3-certifikat: angiv stien til certifikatfilen.`, `The ${r.kind} route needs an OCES3 certificate: give the path to the certificate file.`));
  } else {
    for (const key of ['certificateFile', 'keyFile'] as const) {
      const file = r[key];
      if (file !== undefined && !existsSync(path.resolve(baseDir, file))) {
        issues.push(configError('CERTIFICATE_FILE_NOT_FOUND', `route.${key}`, `Filen ${file} findes ikke.`, `The file ${file} does not exist.`));
      }
    }
  }
  if (r.kind === 'ngdp' && r.apiTokenEnv === undefined) {
    issues.push(configError('API_TOKEN_MISSING', 'route.apiTokenEnv', 'NgDP kræver et API-token: angiv navnet på miljøvariablen, der indeholder det.', 'NgDP needs an API token: name the environment variable that holds it.'));
  }
  return issues;
}

function checkContactPoints(config: GatewayConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const seen = new Set<string>();
  config.contactPoints.forEach((c, i) => {
    if (!UUID.test(c.id)) {
      issues.push(configError('CONTACT_POINT_ID_INVALID', `contactPoints[${i}].id`, `Kontaktpunktets id "${c.id}" er ikke et UUID. Kopiér det fra NgDP-administrationen.`, `The contact point id "${c.id}" is not a UUID. Copy it from the NgDP administration.`));
    }
    if (seen.has(c.id)) {
      issues.push(configError('CONTACT_POINT_DUPLICATE', `contactPoints[${i}].id`, `Kontaktpunktet ${c.id} står der to gange.`, `The contact point ${c.id} is listed twice.`));
    }
    seen.add(c.id);
  });
  return issues;
}

function checkSenderSystems(config: GatewayConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (config.senderSystems.length === 0) {
    issues.push(configError('NO_SENDER_SYSTEMS', 'senderSystems', 'Der er ingen afsendersystemer: tilføj mindst ét.', 'There are no sender systems: add at least one.'));
  }
  const ids = new Set<string>();
  config.senderSystems.forEach((s, i) => {
    const p = `senderSystems[${i}]`;
    if (ids.has(s.id)) issues.push(configError('SENDER_SYSTEM_DUPLICATE', `${p}.id`, `Afsendersystemet "${s.id}" står der to gange.`, `The sender system "${s.id}" is listed twice.`));
    ids.add(s.id);
    issues.push(...checkSenderLabel(s, p, config.authority.name), ...checkReplyPolicy(s, p, config), ...checkAccess(s, p));
  });
  return issues;
}

function checkSenderLabel(s: SenderSystemConfig, p: string, authorityName: string): ConfigIssue[] {
  if (GENERIC_LABEL.test(s.senderLabel)) {
    return [configWarning('SENDER_LABEL_GENERIC', `${p}.senderLabel`, `Afsendernavnet "${s.senderLabel}" er for generelt: borgeren kan ikke se, hvem der skriver. Brug fx "${authorityName}, Borgerservice".`, `The sender label "${s.senderLabel}" is too generic: the citizen cannot tell who is writing. Use e.g. "${authorityName}, Borgerservice".`)];
  }
  if (s.senderLabel.length > 256) {
    return [configError('SENDER_LABEL_TOO_LONG', `${p}.senderLabel`, 'Afsendernavnet må højst være 256 tegn.', 'The sender label may be at most 256 characters.')];
  }
  return [];
}

function checkReplyPolicy(s: SenderSystemConfig, p: string, config: GatewayConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const known = new Map(config.contactPoints.map((c) => [c.id, c]));
  for (const id of s.contactPoints) {
    const c = known.get(id);
    if (c === undefined) {
      issues.push(configError('CONTACT_POINT_UNKNOWN', `${p}.contactPoints`, `Kontaktpunktet ${id} er ikke beskrevet under contactPoints.`, `The contact point ${id} is not described under contactPoints.`));
    } else if (!c.active || !c.visible) {
      issues.push(configWarning('CONTACT_POINT_INACTIVE', `${p}.contactPoints`, `Kontaktpunktet "${c.label}" er ${c.active ? 'skjult' : 'inaktivt'}: svar dertil når ikke frem.`, `The contact point "${c.label}" is ${c.active ? 'hidden' : 'inactive'}: replies to it will not arrive.`));
    }
  }
  const usable = s.contactPoints.some((id) => known.get(id)?.active === true && known.get(id)?.visible === true);
  if (s.reply.policy !== 'never' && !usable) {
    issues.push(configError('REPLY_WITHOUT_CONTACT_POINT', `${p}.reply`, `"${s.id}" tilbyder svar, men har intet aktivt og synligt kontaktpunkt: borgerens svar ville gå tabt. Tilføj et kontaktpunkt eller sæt reply.policy til never.`, `"${s.id}" offers replies but has no active, visible contact point: the citizen's reply would be lost. Add a contact point or set reply.policy to never.`));
  }
  if (s.reply.policy === 'never' && s.reply.replyByDays !== undefined) {
    issues.push(configWarning('REPLY_BY_WITHOUT_REPLY', `${p}.reply.replyByDays`, 'Svarfrist er sat, men svar er slået fra: svarfristen bruges ikke.', 'A reply-by period is set but replies are off: it is not used.'));
  }
  return issues;
}

function checkAccess(s: SenderSystemConfig, p: string): ConfigIssue[] {
  return s.groups.length > 0 || s.apps.length > 0
    ? []
    : [configWarning('NO_GROUPS', `${p}.groups`, `Ingen grupper har adgang til "${s.id}": ingen sagsbehandler kan bruge det via API'et.`, `No groups may use "${s.id}": no caseworker can use it through the API.`)];
}

function checkServer(config: GatewayConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (config.server.corsOrigins.includes('*')) {
    issues.push(configError('CORS_WILDCARD', 'server.corsOrigins', 'CORS må ikke være "*": angiv kun Outlook-tilføjelsens adresse.', 'CORS must not be "*": list only the Outlook add-in\'s origin.'));
  }
  const issuer = config.auth.issuer;
  if (config.route.kind !== 'sandbox' && !issuer.startsWith('https://')) {
    issues.push(configError('ISSUER_NOT_HTTPS', 'auth.issuer', 'I produktion skal token-udstederen bruge https (Entra ID).', 'In production the token issuer must use https (Entra ID).'));
  }
  return issues;
}
