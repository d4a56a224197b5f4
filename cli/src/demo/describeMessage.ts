/**
 * A readable summary of a MeMo message for people (the demo, and later `send`): who sends
 * to whom, the title, reply settings, metadata and documents. CPR numbers are masked.
 * @module
 */
import { maskCpr } from '@postbud/sdk';
import type { BinaryContent, MemoFile, MemoMessage } from '@postbud/sdk';

function sizeOf(content: BinaryContent): string {
  if (content.kind === 'bytes') return `${content.bytes.byteLength} bytes`;
  if (content.kind === 'base64') {
    const text = content.base64.replace(/\s+/g, '');
    const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    return `${Math.floor((text.length * 3) / 4) - padding} bytes`;
  }
  return content.byteLength === undefined ? 'streamed' : `${content.byteLength} bytes, streamed`;
}

function fileLine(file: MemoFile): string {
  return `${file.filename} (${file.encodingFormat}, ${sizeOf(file.content)})`;
}

function recipientText(message: MemoMessage): string {
  const r = message.MessageHeader.Recipient;
  const id = r.idType === 'CPR' ? maskCpr(r.recipientID) : r.recipientID;
  const unit = r.AttentionData?.ProductionUnit?.productionUnitNumber;
  return `${r.idType} ${id}${r.label ? ` (${r.label})` : ''}${unit ? `, production unit ${unit}` : ''}`;
}

export function describeMessage(message: MemoMessage): string[] {
  const h = message.MessageHeader;
  const lines = [
    `MeMo ${message.memoVersion} ${h.messageType}  ${h.messageUUID}`,
    `  Title:      ${h.label}`,
    `  From:       ${h.Sender.label} (${h.Sender.idType} ${h.Sender.senderID})`,
    `  To:         ${recipientText(message)}`,
  ];
  if (h.reply) {
    const cp = h.Sender.ContactPoint;
    lines.push(`  Reply:      enabled${h.replyByDateTime ? ` until ${h.replyByDateTime}` : ''}${cp ? `, answers go to contact point ${cp.contactPointID}` : ''}`);
  }
  const c = h.ContentData;
  if (c?.CaseID) lines.push(`  Case:       ${c.CaseID.caseID} in ${c.CaseID.caseSystem}`);
  if (c?.KLEdata) lines.push(`  KLE:        ${c.KLEdata.subjectKey} ${c.KLEdata.label}`);
  const body = message.MessageBody;
  if (body) {
    lines.push(`  Letter:     ${body.MainDocument.File.map(fileLine).join(', ')}`);
    for (const action of body.MainDocument.Action ?? []) {
      lines.push(`  Action:     ${action.actionCode} "${action.label}"${action.EntryPoint ? ` → ${action.EntryPoint.url}` : ''}`);
    }
    for (const doc of body.AdditionalDocument ?? []) lines.push(`  Attachment: ${doc.File.map(fileLine).join(', ')}`);
  }
  return lines;
}
