/**
 * Named environments: where each service lives. `sandbox` (the default) is the local Postbud
 * sandbox on one port with the real hosts' paths; `test` is KOMBIT exttest / NgDP test;
 * `production` the real services.
 * @module
 */

export type EnvironmentName = 'sandbox' | 'test' | 'production';

export interface Sf1601Endpoints {
  /** KOMBIT STS JSON issue endpoint. */
  readonly stsIssueUrl: string;
  readonly accessTokenUrl: string;
  readonly kombiUrl: string;
  /** Append `digitalpost` or `nemsms`. */
  readonly postForespoergBaseUrl: string;
  /** Sandbox stand-in for Beskedfordeler pull (real Beskedfordeler pull is AMQP). */
  readonly beskedfordelerBaseUrl: string;
}

export interface Environment {
  readonly name: EnvironmentName;
  readonly sf1601: Sf1601Endpoints;
  /** NgDP REST base ending in `/apis/v1/`. */
  readonly ngdpBaseUrl: string;
}

/** Entity ids (SAML `AppliesTo`) of the SF1601 services; tokens are per entity id. */
export const SF1601_ENTITY_IDS = Object.freeze({
  kombiPostAfsend: 'http://entityid.kombit.dk/service/kombipostafsend/1',
  postForespoerg: 'http://entityid.kombit.dk/service/postforespoerg/1',
  beskedfordeler: 'http://entityid.kombit.dk/service/bfo_modtag/2',
});

/** The local sandbox's default base URL. */
export const SANDBOX_BASE_URL = 'http://127.0.0.1:4000';

/** Endpoints of a server that serves every path on one base URL (the sandbox, a test server). */
export function singleHostEnvironment(name: EnvironmentName, baseUrl: string): Environment {
  const base = baseUrl.replace(/\/+$/, '');
  return Object.freeze({
    name,
    sf1601: Object.freeze({
      stsIssueUrl: `${base}/runtime/api/rest/wstrust/v1/issue`,
      accessTokenUrl: `${base}/service/AccessTokenService_1/token`,
      kombiUrl: `${base}/service/KombiPostAfsend_1/kombi`,
      postForespoergBaseUrl: `${base}/service/PostForespoerg_1/`,
      beskedfordelerBaseUrl: `${base}/beskedfordeler/v1/`,
    }),
    ngdpBaseUrl: `${base}/apis/v1/`,
  });
}

function kombitEnvironment(name: EnvironmentName, stsHost: string, spHost: string, ngdpBase: string): Environment {
  return Object.freeze({
    name,
    sf1601: Object.freeze({
      stsIssueUrl: `https://${stsHost}/runtime/api/rest/wstrust/v1/issue`,
      accessTokenUrl: `https://${spHost}/service/AccessTokenService_1/token`,
      kombiUrl: `https://${spHost}/service/KombiPostAfsend_1/kombi`,
      postForespoergBaseUrl: `https://${spHost}/service/PostForespoerg_1/`,
      beskedfordelerBaseUrl: `https://${spHost}/beskedfordeler/v1/`,
    }),
    ngdpBaseUrl: ngdpBase,
  });
}

export const ENVIRONMENTS: Readonly<Record<EnvironmentName, Environment>> = Object.freeze({
  sandbox: singleHostEnvironment('sandbox', SANDBOX_BASE_URL),
  test: kombitEnvironment('test', 'n2adgangsstyring.eksterntest-stoettesystemerne.dk', 'exttest.serviceplatformen.dk', 'https://api.test.digitalpost.dk/apis/v1/'),
  production: kombitEnvironment('production', 'n2adgangsstyring.stoettesystemerne.dk', 'prod.serviceplatformen.dk', 'https://api.digitalpost.dk/apis/v1/'),
});

/** The sandbox's built-in NgDP API token (`Authorization: Basic base64(user:token)`). */
export const SANDBOX_NGDP_API_TOKEN = Object.freeze({ username: 'postbud-sandbox', token: 'sandbox-api-token' });
