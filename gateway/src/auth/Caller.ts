/**
 * The authenticated caller of the HTTP API, taken from a verified identity token: a
 * caseworker (delegated token with `scp`) or a service identity (client-credentials token
 * with app `roles`, e.g. an output manager).
 * @module
 */
export interface Caller {
  /** Token subject (`oid` for Entra ID when present, else `sub`). */
  readonly id: string;
  readonly name?: string;
  readonly groups: readonly string[];
  /** `user` for caseworkers, `app` for service identities. Default `user`. */
  readonly kind?: 'user' | 'app';
  /** App roles from the token (`roles`). */
  readonly roles?: readonly string[];
  /** For `app`: the application (client) id (`azp` / `appid`). */
  readonly appId?: string;
}
