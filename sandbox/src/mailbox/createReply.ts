/**
 * Builds the MeMo a citizen or company sends when answering a letter in the mailbox: a new
 * DIGITALPOST to the authority's contact point, with the original's ContentData carried forward
 * and a ReplyData entry pointing at the original, and delivers it to the recipient system bound
 * to that contact point (NgDP inbound memos).
 * @module
 */
import { randomUUID } from 'node:crypto';
import { sanitizeFilename, type MemoFile, type MemoMessage, type ReplyData } from '@postbud/sdk';
import type { SandboxContext } from '../SandboxContext.js';
import type { InboundRecord } from '../store/records.js';
import { parseMemo, validateMemo, writeMemo } from '../letters/sdkMemo.js';
import { replyEligibility, type ReplyBlock } from './replyEligibility.js';


export interface ReplyInput {
  readonly text: string;
  readonly attachment?: { readonly filename: string; readonly contentType: string; readonly bytes: Uint8Array };
}

export type ReplyResult =
  | { readonly ok: true; readonly inbound: InboundRecord }
  | { readonly ok: false; readonly reason: ReplyBlock | 'letter-not-found' | 'empty-reply' | 'reply-invalid'; readonly message: string };

const utcNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function replyEntry(original: MemoMessage): ReplyData {
  const h = original.MessageHeader;
  const entry: Record<string, string> = { messageUUID: h.messageUUID };
  if (h.messageID !== undefined) entry['messageID'] = h.messageID;
  entry['senderID'] = h.Sender.senderID;
  entry['recipientID'] = h.Recipient.recipientID;
  if (h.ContentData?.CaseID) entry['caseID'] = h.ContentData.CaseID.caseID;
  if (h.Sender.ContactPoint) entry['contactPointID'] = h.Sender.ContactPoint.contactPointID;
  const generating = h.Sender.AttentionData?.GeneratingSystem?.generatingSystemID;
  if (generating !== undefined) entry['generatingSystemID'] = generating;
  // Keys in XSD order (the model is keyed by element name; the writer orders them anyway).
  return entry as unknown as ReplyData;
}

export function buildReplyMessage(original: MemoMessage, from: { id: string; idType: 'CPR' | 'CVR'; name: string }, input: ReplyInput): MemoMessage {
  const h = original.MessageHeader;
  const files: MemoFile[] = [{ encodingFormat: 'text/plain', filename: 'svar.txt', language: 'da', content: { kind: 'bytes', bytes: new TextEncoder().encode(input.text) } }];
  const attachment = input.attachment;
  const label = `Sv: ${h.label}`.slice(0, 256);
  return {
    memoVersion: original.memoVersion,
    ...(original.memoVersion === '1.1' ? { memoSchVersion: '1.1.0' } : {}),
    MessageHeader: {
      messageType: 'DIGITALPOST',
      messageUUID: randomUUID(),
      label,
      mandatory: false,
      legalNotification: false,
      Sender: { senderID: from.id, idType: from.idType, label: from.name },
      Recipient: {
        recipientID: h.Sender.senderID,
        idType: h.Sender.idType,
        label: h.Sender.label,
        ...(h.Sender.ContactPoint ? { ContactPoint: h.Sender.ContactPoint } : {}),
      },
      ...(h.ContentData ? { ContentData: h.ContentData } : {}),
      ReplyData: [...(h.ReplyData ?? []), replyEntry(original)],
    },
    MessageBody: {
      createdDateTime: utcNow(),
      MainDocument: { label: 'Svar', File: files },
      ...(attachment
        ? { AdditionalDocument: [{ label: attachment.filename.slice(0, 256), File: [{ encodingFormat: attachment.contentType || 'application/octet-stream', filename: sanitizeFilename(attachment.filename), language: 'da', content: { kind: 'bytes', bytes: attachment.bytes } }] }] }
        : {}),
    },
  };
}

export function createReply(ctx: SandboxContext, letterId: string, input: ReplyInput): ReplyResult {
  const letter = ctx.store.letter(letterId);
  if (!letter || letter.memoXml === null) return { ok: false, reason: 'letter-not-found', message: 'No such letter.' };
  const eligibility = replyEligibility(ctx, letter);
  if (!eligibility.ok) return { ok: false, reason: eligibility.reason, message: `This letter cannot be answered: ${eligibility.reason}.` };
  if (input.text.trim() === '' && !input.attachment) return { ok: false, reason: 'empty-reply', message: 'Write a reply or attach a file.' };
  const original = parseMemo(letter.memoXml).message;
  const party = ctx.world.party(letter.recipientId ?? '');
  const from = party?.kind === 'company'
    ? { id: party.cvr, idType: 'CVR' as const, name: party.name }
    : { id: letter.recipientId ?? '', idType: 'CPR' as const, name: party?.name ?? letter.recipientLabel ?? 'Borger' };
  const reply = buildReplyMessage(original, from, input);
  const issues = validateMemo(reply).filter((i) => i.code !== 'CVR_INVALID' && i.code !== 'CPR_INVALID');
  if (issues.length > 0) return { ok: false, reason: 'reply-invalid', message: issues.map((i) => `${i.path}: ${i.message}`).join('\n') };
  const record: Omit<InboundRecord, 'seq'> = {
    id: reply.MessageHeader.messageUUID, systemId: eligibility.contactPoint.systemId, authorityCvr: eligibility.authority.cvr,
    contactPointId: eligibility.contactPoint.id, originalLetterId: letter.id, senderId: from.id, title: reply.MessageHeader.label,
    memoXml: writeMemo(reply), createdAt: new Date().toISOString(), fetchedAt: null, businessReceipt: null, deleted: false,
  };
  ctx.store.insertInbound(record);
  ctx.log(`reply ${record.id} to contact point ${record.contactPointId} (system ${record.systemId})`);
  return { ok: true, inbound: { ...record, seq: 0 } };
}
