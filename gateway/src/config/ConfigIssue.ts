/**
 * A finding of the configuration checks, in plain Danish and English.
 * `error` stops the gateway from starting; `warning` is printed and the gateway starts.
 * @module
 */
export interface ConfigIssue {
  readonly severity: 'error' | 'warning';
  /** Stable code, e.g. `REPLY_WITHOUT_CONTACT_POINT`. */
  readonly code: string;
  /** Where in the config, e.g. `senderSystems[0].senderLabel`. */
  readonly path: string;
  readonly da: string;
  readonly en: string;
}

export function configError(code: string, path: string, da: string, en: string): ConfigIssue {
  return Object.freeze({ severity: 'error', code, path, da, en });
}

export function configWarning(code: string, path: string, da: string, en: string): ConfigIssue {
  return Object.freeze({ severity: 'warning', code, path, da, en });
}
