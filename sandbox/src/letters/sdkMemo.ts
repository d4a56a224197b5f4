/**
 * The SDK's MeMo functions the sandbox reuses (it never re-implements MeMo), in one place.
 * The parse limit allows the largest body the sandbox accepts.
 * @module
 */
import { parseMemo as sdkParseMemo, validateMemo, writeMemo, type ParsedMemo } from '@postbud/sdk';

export function parseMemo(xml: string | Uint8Array): ParsedMemo {
  return sdkParseMemo(xml, { maxBytes: 160 * 1024 * 1024 });
}

export { validateMemo, writeMemo };
export type { ParsedMemo };
