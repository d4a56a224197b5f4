/**
 * Maps the options of `postbud memo new` to a {@link LetterInput}. Pure: files are turned
 * into content by the injected `content` function (lazy streams in the real command), so
 * nothing is read here and the mapping is testable on its own.
 * @module
 */
import path from 'node:path';
import type { DocumentInput, FileContentInput, LetterInput, MemoVersion, MetadataInput, ReplyInput } from '@postbud/sdk';
import { sanitizeFilename } from '@postbud/sdk';
import { CliUsageError } from '../CliUsageError.js';
import { DEMO_AUTHORITY } from './demoAuthority.js';
import { recipientFromIdentifier } from './recipientFromIdentifier.js';

export interface MemoNewOptions {
  readonly to: string;
  readonly pNumber?: string;
  readonly title: string;
  readonly pdf?: string;
  readonly attach?: readonly string[];
  readonly reply?: boolean;
  readonly contactPoint?: string;
  readonly replyBy?: string;
  readonly caseId?: string;
  readonly caseSystem?: string;
  readonly kle?: string;
  readonly kleLabel?: string;
  readonly kleVersion?: string;
  readonly memoVersion?: string;
  readonly senderCvr?: string;
  readonly senderLabel?: string;
  readonly recipientName?: string;
  readonly nemsms?: boolean;
  readonly notification?: string;
}

export type ContentForPath = (filePath: string) => FileContentInput;

function memoVersion(value: string | undefined): MemoVersion {
  if (value === undefined || value === '1.2') return '1.2';
  if (value === '1.1') return '1.1';
  throw new CliUsageError(`--memo-version must be 1.1 or 1.2, not "${value}".`);
}

/** `YYYY-MM-DD` means the end of that day (UTC); anything else must be an ISO date-time. */
export function replyByDate(value: string): Date {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T23:59:59Z` : value);
  if (Number.isNaN(date.getTime()) || (!dateOnly && !/^\d{4}-\d{2}-\d{2}T/.test(value))) {
    throw new CliUsageError(`--reply-by must be a date (2026-12-31) or an ISO date-time (2026-12-31T12:00:00Z), not "${value}".`);
  }
  return date;
}

/** The file's own name, made NgDP-safe (`:` `?` `*` … become `-`), so a letter is never refused for it. */
function document(filePath: string, content: ContentForPath): DocumentInput {
  const filename = sanitizeFilename(path.basename(filePath));
  return { label: filename.replace(/\.[^.]+$/, ''), files: [{ filename, content: content(filePath) }] };
}

function replyInput(o: MemoNewOptions): ReplyInput | undefined {
  if (!o.reply) {
    if (o.replyBy !== undefined) throw new CliUsageError('--reply-by only makes sense with --reply.');
    return undefined;
  }
  if (o.contactPoint === undefined) {
    throw new CliUsageError('--reply needs --contact-point <uuid>: the NgDP contact point that receives the answers.');
  }
  // The contact point itself goes on the Sender (see letterInputFromOptions).
  return {
    enabled: true,
    ...(o.replyBy === undefined ? {} : { replyBy: replyByDate(o.replyBy) }),
  };
}

function metadataInput(o: MemoNewOptions): MetadataInput | undefined {
  if ((o.caseId === undefined) !== (o.caseSystem === undefined)) {
    throw new CliUsageError('--case-id and --case-system go together: give both or neither.');
  }
  if ((o.kleLabel !== undefined || o.kleVersion !== undefined) && o.kle === undefined) {
    throw new CliUsageError('--kle-label and --kle-version need --kle <key>.');
  }
  if (o.kle !== undefined && o.kleVersion === undefined) {
    throw new CliUsageError('--kle needs --kle-version <edition>: the KLE edition the key comes from, e.g. "Maj 2018".');
  }
  const caseId = o.caseId === undefined || o.caseSystem === undefined ? {} : { caseId: { id: o.caseId, system: o.caseSystem } };
  const kle =
    o.kle === undefined || o.kleVersion === undefined
      ? {}
      : { kle: { subjectKey: o.kle, version: o.kleVersion, label: o.kleLabel ?? `KLE ${o.kle}` } };
  const metadata: MetadataInput = { ...caseId, ...kle };
  return Object.keys(metadata).length === 0 ? undefined : metadata;
}

function documents(o: MemoNewOptions, content: ContentForPath): Pick<LetterInput, 'mainDocument' | 'attachments'> {
  if (o.nemsms) {
    if (o.pdf !== undefined || (o.attach?.length ?? 0) > 0) {
      throw new CliUsageError('A NemSMS has no documents: drop --pdf and --attach, or drop --nemsms.');
    }
    return {};
  }
  if (o.pdf === undefined) throw new CliUsageError('A letter needs its main document: add --pdf <file> (or --nemsms for an SMS).');
  const attachments = (o.attach ?? []).map((p) => document(p, content));
  return { mainDocument: document(o.pdf, content), ...(attachments.length > 0 ? { attachments } : {}) };
}

export function letterInputFromOptions(o: MemoNewOptions, content: ContentForPath): LetterInput {
  if (o.nemsms && o.notification === undefined) throw new CliUsageError('--nemsms needs --notification <text>: the SMS itself.');
  const reply = replyInput(o);
  const metadata = metadataInput(o);
  const contactPoint = o.contactPoint === undefined ? {} : { contactPoint: { id: o.contactPoint, label: DEMO_AUTHORITY.contactPointLabel } };
  return {
    memoVersion: memoVersion(o.memoVersion),
    messageType: o.nemsms ? 'NEMSMS' : 'DIGITALPOST',
    title: o.title,
    ...(o.notification === undefined ? {} : { notification: o.notification }),
    sender: { id: o.senderCvr ?? DEMO_AUTHORITY.cvr, label: o.senderLabel ?? DEMO_AUTHORITY.label, ...contactPoint },
    recipient: recipientFromIdentifier({
      to: o.to,
      ...(o.pNumber === undefined ? {} : { pNumber: o.pNumber }),
      ...(o.recipientName === undefined ? {} : { name: o.recipientName }),
    }),
    ...(reply === undefined ? {} : { reply }),
    ...(metadata === undefined ? {} : { metadata }),
    ...documents(o, content),
  };
}
