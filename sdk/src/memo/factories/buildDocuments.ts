/**
 * Documents, files and actions of the MessageBody from the friendly input.
 * @module
 */
import type { ActionInput, DocumentInput, FileContentInput, FileInput } from '../letterInput.js';
import type { Action, BinaryContent, MemoFile, Reservation } from '../model.js';
import { isUuidV4 } from '../validation/simpleTypes.js';
import type { Mutable } from './cloneData.js';
import { encodingFormatFor } from './encodingFormatFor.js';
import { letterInputError } from './letterInputError.js';
import { toMemoDateTime } from './memoTime.js';

export interface DocumentParts {
  readonly id?: string;
  readonly label?: string;
  readonly File: readonly MemoFile[];
  readonly Action?: readonly Action[];
}

function binaryContent(content: FileContentInput, field: string): BinaryContent {
  if (content instanceof Uint8Array) {
    if (content.byteLength === 0) throw letterInputError(field, 'is empty (0 bytes); NgDP cannot show an empty file.');
    return { kind: 'bytes', bytes: content };
  }
  if (content !== null && typeof content === 'object') {
    if ('base64' in content && typeof content.base64 === 'string') {
      if (content.base64.trim() === '') throw letterInputError(field, 'is empty (0 bytes); NgDP cannot show an empty file.');
      return { kind: 'base64', base64: content.base64 };
    }
    if ('open' in content && typeof content.open === 'function') {
      if (content.byteLength === 0) throw letterInputError(field, 'is empty (0 bytes); NgDP cannot show an empty file.');
      return content.byteLength === undefined
        ? { kind: 'stream', open: content.open }
        : { kind: 'stream', byteLength: content.byteLength, open: content.open };
    }
  }
  throw letterInputError(field, 'must be a Uint8Array, { base64 } or a stream source { open() } (see fileContent()).');
}

function buildFile(input: FileInput, field: string): MemoFile {
  if (typeof input.filename !== 'string' || input.filename.trim() === '') throw letterInputError(`${field}.filename`, 'is required.');
  return {
    encodingFormat: input.encodingFormat ?? encodingFormatFor(input.filename),
    filename: input.filename,
    language: input.language ?? 'da',
    content: binaryContent(input.content, `${field}.content`),
  };
}

function buildReservation(input: NonNullable<ActionInput['reservation']>, field: string, uuid: () => string): Reservation {
  const reservationUUID = input.reservationUUID ?? uuid();
  if (!isUuidV4(reservationUUID)) throw letterInputError(`${field}.reservationUUID`, 'must be a version 4 UUID (MeMo accepts no other).');
  const r: Mutable<Reservation> = {
    description: input.description,
    reservationUUID,
    abstract: input.abstract,
    location: input.location,
    startDateTime: toMemoDateTime(input.startDateTime, `${field}.startDateTime`),
    endDateTime: toMemoDateTime(input.endDateTime, `${field}.endDateTime`),
  };
  if (input.organizerMail !== undefined) r.organizerMail = input.organizerMail;
  if (input.organizerName !== undefined) r.organizerName = input.organizerName;
  return r;
}

function buildAction(input: ActionInput, field: string, uuid: () => string): Action {
  const a: Mutable<Action> = { label: input.label, actionCode: input.actionCode };
  if (input.startDateTime !== undefined) a.startDateTime = toMemoDateTime(input.startDateTime, `${field}.startDateTime`);
  if (input.endDateTime !== undefined) a.endDateTime = toMemoDateTime(input.endDateTime, `${field}.endDateTime`);
  if (input.actionCode === 'AFTALE') {
    if (input.reservation === undefined) throw letterInputError(`${field}.reservation`, 'is required for an AFTALE action (the calendar entry).');
    if (input.url !== undefined) throw letterInputError(`${field}.url`, 'cannot be combined with an AFTALE reservation (MeMo allows one of them).');
    a.Reservation = buildReservation(input.reservation, `${field}.reservation`, uuid);
  } else {
    if (input.reservation !== undefined) throw letterInputError(`${field}.reservation`, `is only for AFTALE actions, not ${input.actionCode}.`);
    if (typeof input.url !== 'string' || input.url === '') {
      throw letterInputError(`${field}.url`, `is required for a ${input.actionCode} action: the absolute https:// address the button opens.`);
    }
    a.EntryPoint = { url: input.url };
  }
  return a;
}

/** The parts shared by MainDocument, AdditionalDocument and TechnicalDocument. */
export function buildDocument(input: DocumentInput, field: string, uuid: () => string, allowActions: boolean): DocumentParts {
  if (input === null || typeof input !== 'object' || !Array.isArray(input.files) || input.files.length === 0) {
    throw letterInputError(`${field}.files`, 'needs at least one file.');
  }
  const d: Mutable<DocumentParts> = { File: input.files.map((f, i) => buildFile(f, `${field}.files[${i}]`)) };
  if (input.id !== undefined) d.id = input.id;
  if (input.label !== undefined) d.label = input.label;
  if (input.actions !== undefined && input.actions.length > 0) {
    if (!allowActions) throw letterInputError(`${field}.actions`, 'are not allowed on a technical document.');
    d.Action = input.actions.map((a, i) => buildAction(a, `${field}.actions[${i}]`, uuid));
  }
  return d;
}
