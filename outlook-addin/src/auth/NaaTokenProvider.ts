/**
 * Production sign-in: Nested App Authentication (MSAL.js inside Outlook) for the gateway's
 * API scope. MSAL is loaded on first use only, so the pane starts without it. No secret or
 * certificate is involved: the add-in is a public client.
 * @module
 */
import { PostbudError } from '@postbud/sdk';
import type { IPublicClientApplication } from '@azure/msal-browser';
import type { TokenProvider } from './TokenProvider.js';

export interface NaaOptions {
  readonly clientId: string;
  /** e.g. `https://login.microsoftonline.com/<tenant-id>` */
  readonly authority: string;
  /** The gateway's API scope, e.g. `api://<gateway-client-id>/Letters.Send`. */
  readonly scopes: readonly string[];
}

export class NaaTokenProvider implements TokenProvider {
  readonly #o: NaaOptions;
  #app: Promise<IPublicClientApplication> | undefined;

  constructor(options: NaaOptions) {
    this.#o = options;
  }

  #application(): Promise<IPublicClientApplication> {
    this.#app ??= import(/* webpackChunkName: "msal" */ '@azure/msal-browser').then((msal) =>
      msal.createNestablePublicClientApplication({ auth: { clientId: this.#o.clientId, authority: this.#o.authority } }));
    return this.#app;
  }

  async getToken(): Promise<string> {
    const app = await this.#application();
    const request = { scopes: [...this.#o.scopes] };
    try {
      return (await app.acquireTokenSilent(request)).accessToken;
    } catch {
      try {
        return (await app.acquireTokenPopup(request)).accessToken; // consent or MFA needed
      } catch (cause) {
        throw new PostbudError('AUTH_FAILED', 'Signing in with your Microsoft account failed.', { fault: 'unknown', retryable: true, cause });
      }
    }
  }
}
