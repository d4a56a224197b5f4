import { expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { configFromObject, formatConfigIssues, loadConfig } from './loadConfig.js';
import { loadPlugins } from '../plugins/loadPlugins.js';
import { aRawConfig, CONTACT_POINT, tempDir } from '../../test/fixtures.js';

const codes = (raw: unknown) => configFromObject(raw, tempDir()).issues.map((i) => `${i.severity}:${i.code}`);

test('a sound config has no issues and is deeply frozen with defaults', () => {
  const { config, issues } = configFromObject(aRawConfig(), tempDir());
  expect(issues).toEqual([]);
  expect(config.ledger.file).toBe('.postbud/ledger.sqlite');
  expect(config.senderSystems[0]?.reply).toEqual({ policy: 'caseworker-choice', defaultOn: true, replyByDays: 14 });
  expect(Object.isFrozen(config.senderSystems[0]?.reply)).toBe(true);
});

test('a reply-enabled sender system without an active, visible contact point is an error', () => {
  const hidden = aRawConfig({ contactPoints: [{ id: CONTACT_POINT, label: 'Borgerservice', active: true, visible: false }] });
  expect(codes(hidden)).toEqual(['warning:CONTACT_POINT_INACTIVE', 'error:REPLY_WITHOUT_CONTACT_POINT']);
  const raw = aRawConfig();
  (raw['senderSystems'] as Record<string, unknown>[])[0]!['contactPoints'] = [];
  expect(codes(raw)).toEqual(['error:REPLY_WITHOUT_CONTACT_POINT']);
});

test('a generic sender label like "Brev fra Kommunen" is a warning in Danish and English', () => {
  const raw = aRawConfig();
  (raw['senderSystems'] as Record<string, unknown>[])[0]!['senderLabel'] = 'Brev fra Kommunen';
  const { issues } = configFromObject(raw, tempDir());
  expect(issues.map((i) => i.code)).toEqual(['SENDER_LABEL_GENERIC']);
  expect(formatConfigIssues(issues, 'da')).toMatch(/^ADVARSEL senderSystems\[0\]\.senderLabel: Afsendernavnet "Brev fra Kommunen" er for generelt/);
  expect(formatConfigIssues(issues, 'en')).toMatch(/^WARNING .*too generic/);
});

test('shape mistakes are all reported at once with their paths', () => {
  const issues = configFromObject({ authority: { cvr: '12345678' }, route: { kind: 'fax' }, senderSystems: 'x' }, tempDir()).issues;
  const paths = issues.map((i) => `${i.code}@${i.path}`);
  expect(paths).toEqual(expect.arrayContaining([
    'CONFIG_MISSING@authority.name', 'CONFIG_VALUE@route.kind', 'CONFIG_TYPE@(root).senderSystems',
    'CONFIG_MISSING@auth', 'AUTHORITY_CVR_INVALID@authority.cvr', 'NO_SENDER_SYSTEMS@senderSystems',
  ]));
});

test('production routes need a certificate file that exists, https issuer, no CORS wildcard', () => {
  const raw = aRawConfig({ route: { kind: 'ngdp', environment: 'production', certificateFile: 'missing.p12' }, server: { corsOrigins: ['*'] } });
  expect(codes(raw).sort()).toEqual(['error:API_TOKEN_MISSING', 'error:CERTIFICATE_FILE_NOT_FOUND', 'error:CORS_WILDCARD', 'error:ISSUER_NOT_HTTPS']);
});

test('YAML and JSON files load the same; a pasted private key is refused', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'a.yaml'), stringify(aRawConfig()));
  writeFileSync(path.join(dir, 'b.json'), JSON.stringify(aRawConfig()));
  const [y, j] = await Promise.all([loadConfig(path.join(dir, 'a.yaml')), loadConfig(path.join(dir, 'b.json'))]);
  expect(y.config).toEqual(j.config);
  expect(y.issues).toEqual([]);
  const withKey = aRawConfig({ route: { kind: 'sandbox', key: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----' } });
  writeFileSync(path.join(dir, 'c.yaml'), stringify(withKey));
  expect((await loadConfig(path.join(dir, 'c.yaml'))).issues.map((i) => i.code)).toEqual(['CREDENTIALS_IN_CONFIG']);
  await expect(loadConfig(path.join(dir, 'nope.yaml'))).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
});

test('an unknown plugin and a plugin that cannot carry replies are errors', async () => {
  const raw = aRawConfig();
  const systems = raw['senderSystems'] as Record<string, unknown>[];
  systems[0]!['plugin'] = './no-such-plugin.js';
  systems[1]!['pluginOptions'] = { caseIds: false, reply: false };
  systems[1]!['reply'] = { policy: 'always' };
  systems[1]!['contactPoints'] = [CONTACT_POINT];
  const { config, baseDir } = configFromObject(raw, tempDir());
  const { issues, plugins } = await loadPlugins(config, baseDir);
  expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual([
    'PLUGIN_UNKNOWN@senderSystems[0].plugin', 'PLUGIN_CANNOT_REPLY@senderSystems[1].reply.policy', 'PLUGIN_NO_CASE_IDS@senderSystems[1].requiredMetadata',
  ]);
  expect([...plugins.keys()]).toEqual(['opkraevning']);
});
