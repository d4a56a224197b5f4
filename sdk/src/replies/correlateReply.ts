/**
 * Links an inbound MeMo (a reply) back to the letter it answers: its `ReplyData` carries the
 * original `messageUUID` (or, in a thread entry for the reply itself, `replyUUID` = the
 * original) plus `caseID` / `contactPointID` that the sender put on the original.
 * @module
 */
import type { MemoMessage } from '../memo/model.js';

export interface ReplyCorrelation {
  /** The reply's own message UUID. */
  readonly messageUUID: string;
  /** The message it answers (the most recent earlier message in the thread), if any. */
  readonly originalMessageUUID?: string;
  /** Every earlier message UUID named in ReplyData, oldest first. */
  readonly threadMessageUUIDs: readonly string[];
  /** ReplyData `caseID`, else ContentData `CaseID/caseID`. */
  readonly caseID?: string;
  readonly caseSystem?: string;
  readonly contactPointID?: string;
  readonly generatingSystemID?: string;
  /** The reply's sender (citizen CPR or company CVR, unmasked: handle as personal data). */
  readonly senderID: string;
}

export function correlateReply(message: MemoMessage): ReplyCorrelation {
  const header = message.MessageHeader;
  const own = header.messageUUID;
  const thread: string[] = [];
  for (const entry of header.ReplyData ?? []) {
    const earlier = entry.messageUUID !== own ? entry.messageUUID : entry.replyUUID;
    if (earlier !== undefined && !thread.includes(earlier)) thread.push(earlier);
  }
  const withCase = [...(header.ReplyData ?? [])].reverse();
  const pick = <K extends 'caseID' | 'contactPointID' | 'generatingSystemID'>(key: K): string | undefined => withCase.find((e) => e[key] !== undefined)?.[key];
  const caseID = pick('caseID') ?? header.ContentData?.CaseID?.caseID;
  const caseSystem = header.ContentData?.CaseID?.caseSystem;
  const contactPointID = pick('contactPointID') ?? header.Recipient.ContactPoint?.contactPointID;
  const generatingSystemID = pick('generatingSystemID');
  const original = thread[thread.length - 1];
  return Object.freeze({
    messageUUID: own,
    threadMessageUUIDs: Object.freeze(thread),
    senderID: header.Sender.senderID,
    ...(original ? { originalMessageUUID: original } : {}),
    ...(caseID ? { caseID } : {}),
    ...(caseSystem ? { caseSystem } : {}),
    ...(contactPointID ? { contactPointID } : {}),
    ...(generatingSystemID ? { generatingSystemID } : {}),
  });
}
