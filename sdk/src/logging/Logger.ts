/**
 * The injectable logger: four methods, off by default. Every line the SDK writes goes
 * through {@link createRedactingLogger}, so CPR numbers, tokens and certificates are masked
 * before the caller's logger sees them.
 * @module
 */
import { redactText, redactFields } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

export interface Logger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40, off: 100 };

/** A logger that drops everything: the default. */
export const silentLogger: Logger = Object.freeze({
  debug() {},
  info() {},
  warn() {},
  error() {},
});

/**
 * Wraps a caller's logger: filters by level, prefixes `[postbud]` and redacts message and
 * fields. With no logger (or level `off`) it returns {@link silentLogger}.
 */
export function createRedactingLogger(target: Logger | undefined, level: LogLevel = 'info'): Logger {
  if (target === undefined || level === 'off') return silentLogger;
  const make =
    (method: Exclude<LogLevel, 'off'>) =>
    (message: string, fields?: Readonly<Record<string, unknown>>): void => {
      if (RANK[method] < RANK[level]) return;
      const text = `[postbud] ${redactText(message)}`;
      if (fields === undefined) target[method](text);
      else target[method](text, redactFields(fields));
    };
  return Object.freeze({ debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') });
}
