/**
 * The authenticated caller of the HTTP API, taken from a verified identity token.
 * @module
 */
export interface Caller {
  /** Token subject (`oid` for Entra ID when present, else `sub`). */
  readonly id: string;
  readonly name?: string;
  readonly groups: readonly string[];
}
