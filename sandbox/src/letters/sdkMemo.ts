/**
 * The SDK's MeMo functions the sandbox reuses (it never re-implements MeMo). Bound through the
 * SDK namespace so this file compiles while parts of the SDK are still being written; once
 * `parseMemo` is exported, these are plain calls into it.
 * @module
 */
import * as sdk from '@postbud/sdk';
import type { MemoMessage, ValidationIssue } from '@postbud/sdk';

export interface ParsedMemo {
  readonly message: MemoMessage;
  readonly issues: readonly ValidationIssue[];
}

type ParseMemo = (xml: string | Uint8Array, options?: Record<string, unknown>) => ParsedMemo;

export function parseMemo(xml: string | Uint8Array): ParsedMemo {
  const fn = (sdk as unknown as Record<string, unknown>)['parseMemo'];
  if (typeof fn !== 'function') {
    throw new sdk.PostbudError('MEMO_NOT_MEMO', 'This build of @postbud/sdk has no parseMemo; the sandbox cannot read MeMo messages.', { fault: 'server' });
  }
  return (fn as ParseMemo)(xml);
}

export const validateMemo = sdk.validateMemo;
export const writeMemo = sdk.writeMemo;
