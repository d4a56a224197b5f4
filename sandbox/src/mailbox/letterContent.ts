/**
 * Reading documents, files and actions out of a stored letter's MeMo for display.
 * @module
 */
import type { Action, MainDocument, MemoFile, MemoMessage } from '@postbud/sdk';
import { parseMemo } from '../letters/sdkMemo.js';

export interface DocumentView {
  readonly key: string;
  readonly label: string | null;
  readonly files: readonly MemoFile[];
  readonly actions: readonly Action[];
}

export function loadMessage(memoXml: string | null): MemoMessage | null {
  if (memoXml === null) return null;
  try {
    return parseMemo(memoXml).message;
  } catch {
    return null;
  }
}

export function documents(m: MemoMessage): DocumentView[] {
  const body = m.MessageBody;
  if (!body) return [];
  const main: MainDocument = body.MainDocument;
  return [
    { key: 'main', label: main.label ?? null, files: main.File, actions: main.Action ?? [] },
    ...(body.AdditionalDocument ?? []).map((d, i) => ({ key: `a${i}`, label: d.label ?? null, files: d.File, actions: d.Action ?? [] })),
  ];
}

export function fileBytes(f: MemoFile): Buffer | null {
  if (f.content.kind === 'base64') return Buffer.from(f.content.base64.replace(/\s+/g, ''), 'base64');
  if (f.content.kind === 'bytes') return Buffer.from(f.content.bytes);
  return null;
}

/** Types safe to show inline; anything else is offered as a download. */
export function isInlineType(type: string): boolean {
  return /^(application\/pdf|text\/plain|image\/(png|jpeg|gif))$/i.test(type.split(';')[0]!.trim());
}

const icsDate = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/[,;]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

export function reservationIcs(a: Action): string | null {
  const r = a.Reservation;
  if (!r) return null;
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Postbud sandbox//DA', 'BEGIN:VEVENT',
    `UID:${r.reservationUUID}`, `DTSTAMP:${icsDate(new Date().toISOString())}`, `DTSTART:${icsDate(r.startDateTime)}`, `DTEND:${icsDate(r.endDateTime)}`,
    `SUMMARY:${icsText(r.abstract)}`, `DESCRIPTION:${icsText(r.description)}`, `LOCATION:${icsText(r.location)}`,
    ...(r.organizerMail ? [`ORGANIZER;CN=${icsText(r.organizerName ?? r.organizerMail)}:mailto:${r.organizerMail}`] : []),
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}
