/**
 * Structured JSON logs (pino) with CPR numbers masked in every message and field, and
 * authorization headers removed.
 * @module
 */
import { pino } from 'pino';
import type { Logger, DestinationStream } from 'pino';
import { maskCprInText } from '@postbud/sdk';

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Masks CPR-like text in plain data (depth-limited; class instances such as sockets are left to serializers). */
function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskCprInText(value);
  if (value instanceof Error) return { type: value.name, message: maskCprInText(value.message) };
  if (depth > 5 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (!isPlain(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
}

export function createLogger(options: { readonly level?: string; readonly destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'postbud-gateway' },
      redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.token'], censor: '[redacted]' },
      formatters: { log: (obj) => maskDeep(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskCprInText(a) : a)) as Parameters<typeof method>);
        },
      },
      serializers: {
        req: (req: { method?: string; url?: string; id?: unknown }) => ({ id: req.id, method: req.method, url: maskCprInText(req.url ?? '') }),
      },
    },
    options.destination,
  );
}
