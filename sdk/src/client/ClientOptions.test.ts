import { expect, test } from '@jest/globals';
import { AUTHORITY_CVR } from '../../test/client/fixtures.js';
import { SANDBOX_CERTIFICATE_BASE64 } from '../environments/sandboxCertificate.js';
import { resolveClientConfig } from './ClientOptions.js';
import { X509Certificate } from 'node:crypto';

const sender = { cvr: AUTHORITY_CVR, label: 'Postbud Kommune' };

test('the sandbox is the default, with the built-in fictional certificate and API token', () => {
  const config = resolveClientConfig({ sender });
  expect(config.environment.sf1601.kombiUrl).toBe('http://127.0.0.1:4000/service/KombiPostAfsend_1/kombi');
  expect(config.environment.ngdpBaseUrl).toBe('http://127.0.0.1:4000/apis/v1/');
  expect(config.certificateBase64).toBe(SANDBOX_CERTIFICATE_BASE64);
  expect(new X509Certificate(Buffer.from(SANDBOX_CERTIFICATE_BASE64, 'base64')).subject).toContain('Postbud Sandbox');
  expect(Object.isFrozen(config)).toBe(true);
  expect(Object.isFrozen(config.retry)).toBe(true);
});

test('test and production use the real hosts and demand credentials', () => {
  expect(() => resolveClientConfig({ sender, environment: 'production' })).toThrow(expect.objectContaining({ code: 'CERTIFICATE_MISSING' }));
  expect(() => resolveClientConfig({ sender, environment: 'test', service: 'ngdp' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  const prod = resolveClientConfig({ sender, environment: 'production', credentials: { certificateBase64: SANDBOX_CERTIFICATE_BASE64 } });
  expect(prod.environment.sf1601.stsIssueUrl).toBe('https://n2adgangsstyring.stoettesystemerne.dk/runtime/api/rest/wstrust/v1/issue');
  expect(resolveClientConfig({ sender, environment: 'test', service: 'ngdp', credentials: { ngdpApiToken: { username: 'u', token: 't' } } }).environment.ngdpBaseUrl).toBe('https://api.test.digitalpost.dk/apis/v1/');
});

test('bad options fail with typed errors', () => {
  expect(() => resolveClientConfig({ sender: { cvr: '13748137', label: 'x' } })).toThrow(expect.objectContaining({ code: 'CVR_INVALID' }));
  expect(() => resolveClientConfig({ sender: { cvr: AUTHORITY_CVR, label: ' ' } })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  expect(() => resolveClientConfig({ sender, timeoutMs: -1 })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
});
