// Build-time configuration of the add-in: where it is hosted (manifest URLs) and which
// gateway and sign-in the pane uses (addin-config.json). Everything can be set by environment
// variables, so a municipality builds its production add-in without editing files.
const env = process.env;

export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** @param {'development' | 'production'} mode */
export function addinBuildConfig(mode) {
  const production = mode === 'production';
  return Object.freeze({
    /** HTTPS origin + path where the built add-in is served (manifest URLs). */
    baseUrl: ensureSlash(production
      ? env.POSTBUD_ADDIN_URL ?? 'https://postbud.kommune.example/outlook/'
      : env.POSTBUD_ADDIN_DEV_URL ?? 'https://localhost:3000/'),
    addinConfig: Object.freeze(production
      ? {
          gatewayUrl: env.POSTBUD_GATEWAY_URL ?? 'https://postbud.kommune.example',
          auth: {
            kind: 'naa',
            clientId: env.POSTBUD_ADDIN_CLIENT_ID ?? '00000000-0000-0000-0000-000000000000',
            authority: env.POSTBUD_ENTRA_AUTHORITY ?? 'https://login.microsoftonline.com/organizations',
            scopes: [env.POSTBUD_GATEWAY_SCOPE ?? 'api://postbud-gateway/Letters.Send'],
          },
        }
      : {
          gatewayUrl: env.POSTBUD_GATEWAY_URL ?? 'http://127.0.0.1:4100',
          auth: {
            kind: 'dev',
            issuer: env.POSTBUD_DEV_ISSUER ?? 'http://127.0.0.1:4000/idp',
            clientId: 'postbud-outlook-addin',
            username: env.POSTBUD_DEV_USER ?? 'sagsbehandler',
            scope: env.POSTBUD_GATEWAY_SCOPE ?? 'api://postbud-gateway/Letters.Send',
          },
        }),
  });
}

function ensureSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}
