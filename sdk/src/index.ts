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
export { writeMemoBytes } from './memo/xml/writeMemoBytes.js';
export { base64ByteLength } from './memo/base64ByteLength.js';
export { parseMemo } from './memo/xml/parseMemo.js';
export type { ParseMemoOptions, ParsedMemo } from './memo/xml/parseMemo.js';
export { tokenizeXml } from './memo/xml/tokenizeXml.js';
export { MemoTreeBuilder } from './memo/xml/MemoTreeBuilder.js';
export type { XmlAttribute, XmlHandler, XmlLimits } from './memo/xml/tokenizeXml.js';

// ---- MeMo factories and validation ----
export { createMemoMessage, NEMSMS_MAX_LENGTH } from './memo/factories/createMemoMessage.js';
export type { CreateMemoMessageOptions } from './memo/factories/createMemoMessage.js';
export { sanitizeFilename } from './memo/factories/sanitizeFilename.js';
export { encodingFormatFor } from './memo/factories/encodingFormatFor.js';
export { assertValidMemo, formatIssues, validateMemo } from './memo/validation/validateMemo.js';
export type { ValidateMemoOptions } from './memo/validation/validateMemo.js';
export { validateMemoXml } from './memo/validation/validateMemoXml.js';
export type { ValidateMemoXmlOptions } from './memo/validation/validateMemoXml.js';

// ---- Client: transports, lookup, send, receipts, replies ----
export { DigitalPostClient } from './client/DigitalPostClient.js';
export type { LookupOptions, LookupManyItem } from './client/DigitalPostClient.js';
export { resolveClientConfig, DEFAULT_TIMEOUT_MS, DEFAULT_LOOKUP_TTL_MS, DEFAULT_MAX_LETTER_BYTES, DEFAULT_MAX_ATTACHMENTS } from './client/ClientOptions.js';
export type { DigitalPostClientOptions, ResolvedClientConfig, ServiceName } from './client/ClientOptions.js';
export type { BatchLetter, SendManyItem, SendManyOptions, SendManyProgress, SendManySummary } from './client/sendMany.js';
export { ENVIRONMENTS, SF1601_ENTITY_IDS, SANDBOX_BASE_URL, SANDBOX_NGDP_API_TOKEN, singleHostEnvironment } from './environments/environments.js';
export type { Environment, EnvironmentName, Sf1601Endpoints } from './environments/environments.js';
export { SANDBOX_CERTIFICATE_BASE64 } from './environments/sandboxCertificate.js';
export { createRedactingLogger, silentLogger } from './logging/Logger.js';
export type { Logger, LogLevel } from './logging/Logger.js';
export { redactText, redactFields } from './logging/redact.js';
export type { Transport, HttpRequest, HttpResponse, HttpMethod, TransportSendOptions } from './transport/Transport.js';
export { AxiosTransport } from './transport/AxiosTransport.js';
export type { AxiosTransportOptions } from './transport/AxiosTransport.js';
export { DEFAULT_RETRY_POLICY, retryDelayMs, shouldRetry } from './transport/RetryPolicy.js';
export type { RetryPolicy } from './transport/RetryPolicy.js';
export { errorFromException, errorFromResponse, parseRetryAfter } from './transport/mapTransportError.js';
export { normaliseRecipient } from './lookup/RecipientId.js';
export type { RecipientId, NormalisedRecipient } from './lookup/RecipientId.js';
export type { LookupResult } from './lookup/LookupResult.js';
export type { ContactReachability, NotReachableReason } from './ngdp/NgdpContact.js';
export type { Channel, SendOptions, SendResult } from './send/SendResult.js';
export type { ClientLetter, ClientLetterInput } from './send/ClientLetter.js';
export type { PhysicalPostOptions, PostalAddress } from './send/PhysicalLetter.js';
export { deriveMessageUuid } from './send/deriveMessageUuid.js';
export { writeKombiRequest } from './sf1601/writeKombiRequest.js';
export type { KombiValgKode, KombiRequestParts } from './sf1601/writeKombiRequest.js';
export { writeForsendelseI, FJERNPRINT_NAMESPACES } from './sf1601/writeForsendelseI.js';
export type { ForsendelseIInput } from './sf1601/writeForsendelseI.js';
export { parseKombiResponse } from './sf1601/parseKombiResponse.js';
export type { KombiResponse, KombiAdvis } from './sf1601/parseKombiResponse.js';
export { stsIssueRequest } from './sf1601/KombitStsClient.js';
export { parseNgdpReceipt } from './ngdp/NgdpReceipt.js';
export type { NgdpReceipt, ReceiptStatus, PagingResultUUID } from './ngdp/NgdpReceipt.js';
export type { NgdpApiToken } from './ngdp/NgdpClient.js';
export type { ReceiptsApi } from './ngdp/ReceiptsApi.js';
export { parsePostStatus, PKO_POST_STATUS_NAMESPACE } from './status/parsePostStatus.js';
export type { PostStatus, PostStatusOutcome } from './status/parsePostStatus.js';
export type { StatusMessages, FetchedStatus } from './status/StatusMessages.js';
export { correlateReply } from './replies/correlateReply.js';
export type { ReplyCorrelation } from './replies/correlateReply.js';
export type { InboundMemos, InboundReply } from './replies/InboundMemos.js';

// ---- Plugin contract ----
export type { SenderSystemPlugin, SenderSystemPluginFactory } from './plugins/SenderSystemPlugin.js';
export type { SenderSystemCapabilities } from './plugins/SenderSystemCapabilities.js';
export type { LetterContext } from './plugins/LetterContext.js';
export type { PluginLetter } from './plugins/PluginLetter.js';
export type {
  LetterEventBase,
  LetterReceiptEvent,
  LetterDeliveryStatus,
  LetterStatusEvent,
  LetterReplyEvent,
  LetterEvent,
} from './plugins/LetterEvents.js';
