/** Gets a bearer token for the gateway's API. Implementations cache and renew on their own. */
export interface TokenProvider {
  getToken(): Promise<string>;
}
