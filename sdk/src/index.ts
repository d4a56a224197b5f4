/**
 * `@postbud/sdk`: the public surface. Named exports only; internals are never re-exported.
 * @module
 */
export type { Fault, PostbudErrorCode } from './errors/codes.js';
export { PostbudError, isPostbudError } from './errors/PostbudError.js';
export type { PostbudErrorOptions } from './errors/PostbudError.js';

export { checkCpr, isCpr, parseCpr, cprBirthYear } from './identifiers/cpr.js';
export type { Cpr, IdentifierCheck } from './identifiers/cpr.js';
export { checkCvr, isCvr, parseCvr } from './identifiers/cvr.js';
export type { Cvr } from './identifiers/cvr.js';
export { checkPNumber, isPNumber, parsePNumber } from './identifiers/pNumber.js';
export type { PNumber } from './identifiers/pNumber.js';
export { maskCpr, maskCprInText } from './identifiers/mask.js';

export { MEMO_NAMESPACES } from './memo/model.js';
export type * from './memo/model.js';
export type * from './memo/letterInput.js';
export type { MemoIssueCode, ValidationIssue } from './memo/validation/ValidationIssue.js';

// ---- MeMo XML (writer, parser) ----
export { memoSchema, inVersion } from './memo/schema/memoSchema.js';
export type { AttributeSpec, ComplexSpec, ElementSpec, SimpleKind } from './memo/schema/memoSchema.js';
export { writeMemo } from './memo/xml/writeMemo.js';
export type { WriteMemoOptions } from './memo/xml/writeMemo.js';
export { writeMemoStream } from './memo/xml/writeMemoStream.js';

// ---- MeMo factories and validation ----

// ---- Client: transports, lookup, send, receipts, replies ----

// ---- Plugin contract ----
export type { SenderSystemPlugin, SenderSystemPluginFactory } from './plugins/SenderSystemPlugin.js';
export type { SenderSystemCapabilities } from './plugins/SenderSystemCapabilities.js';
export type { LetterContext } from './plugins/LetterContext.js';
export type {
  LetterEventBase,
  LetterReceiptEvent,
  LetterDeliveryStatus,
  LetterStatusEvent,
  LetterReplyEvent,
  LetterEvent,
} from './plugins/LetterEvents.js';
