/**
 * Applies the municipality's rules for a sender system to the letter a plugin produced:
 * sender label, contact point, reply setting (always / never / caseworker's choice),
 * reply-by date and required metadata. The message UUID is fixed here, once, and becomes the
 * letter id and the idempotency key of every send attempt.
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { LetterInput } from '@postbud/sdk';
import type { GatewayConfig, SenderSystemConfig } from '../config/GatewayConfig.js';
import { ApiError } from '../http/ApiError.js';

export interface CaseworkerChoices {
  readonly reply?: { readonly enabled?: boolean; readonly replyBy?: string; readonly offReason?: string };
  readonly contactPointId?: string;
}

export interface PolicyResult {
  readonly letter: LetterInput;
  readonly replyEnabled: boolean;
  readonly contactPointId?: string;
  readonly replyBy?: string;
  /** The caseworker switched off a reply option that is on by default. */
  readonly replyTurnedOff: boolean;
  readonly replyOffReason?: string;
}

const DAY_MS = 86_400_000;

function chooseReply(s: SenderSystemConfig, choice: CaseworkerChoices): boolean {
  const asked = choice.reply?.enabled;
  if (s.reply.policy === 'caseworker-choice') return asked ?? s.reply.defaultOn;
  const fixed = s.reply.policy === 'always';
  if (asked !== undefined && asked !== fixed) {
    throw new ApiError(422, 'REPLY_POLICY', `Sender system "${s.id}" ${fixed ? 'always lets the recipient reply' : 'does not allow replies'}; the reply choice cannot be changed.`);
  }
  return fixed;
}

function chooseContactPoint(s: SenderSystemConfig, config: GatewayConfig, asked: string | undefined): string | undefined {
  if (asked !== undefined) {
    if (!s.contactPoints.includes(asked.toLowerCase())) {
      throw new ApiError(422, 'CONTACT_POINT_NOT_ALLOWED', `Contact point ${asked} is not allowed for sender system "${s.id}".`);
    }
    return asked.toLowerCase();
  }
  const usable = config.contactPoints.filter((c) => c.active && c.visible).map((c) => c.id);
  return s.contactPoints.find((id) => usable.includes(id)) ?? s.contactPoints[0];
}

function checkRequired(s: SenderSystemConfig, letter: LetterInput): void {
  const missing = s.requiredMetadata.filter((m) =>
    m === 'caseId' ? letter.metadata?.caseId === undefined : m === 'kle' ? letter.metadata?.kle === undefined : letter.title.trim() === '',
  );
  if (missing.length > 0) {
    throw new ApiError(422, 'METADATA_REQUIRED', `Sender system "${s.id}" requires: ${missing.join(', ')}.`, { missing });
  }
}

export function applyPolicy(letter: LetterInput, s: SenderSystemConfig, config: GatewayConfig, choice: CaseworkerChoices, now: Date): PolicyResult {
  checkRequired(s, letter);
  const replyEnabled = chooseReply(s, choice);
  const contactPointId = chooseContactPoint(s, config, choice.contactPointId);
  if (replyEnabled && contactPointId === undefined) {
    throw new ApiError(422, 'NO_CONTACT_POINT', `Sender system "${s.id}" has no contact point to receive replies.`);
  }
  const replyBy = !replyEnabled
    ? undefined
    : (choice.reply?.replyBy ?? (s.reply.replyByDays === undefined ? undefined : new Date(now.getTime() + s.reply.replyByDays * DAY_MS).toISOString()));
  const cp = contactPointId === undefined ? undefined : config.contactPoints.find((c) => c.id === contactPointId);
  const contactPoint = contactPointId === undefined ? undefined : { id: contactPointId, ...(cp ? { label: cp.label } : {}) };
  const final: LetterInput = {
    ...letter,
    messageUUID: randomUUID(),
    sender: { id: config.authority.cvr, idType: 'CVR', label: s.senderLabel, ...(contactPoint ? { contactPoint } : {}) },
    reply: { enabled: replyEnabled, ...(replyBy === undefined ? {} : { replyBy }), ...(replyEnabled && contactPoint ? { contactPoint } : {}) },
  };
  const replyTurnedOff = s.reply.policy === 'caseworker-choice' && s.reply.defaultOn && !replyEnabled;
  const offReason = replyTurnedOff ? choice.reply?.offReason?.trim().slice(0, 500) : undefined;
  return {
    letter: final, replyEnabled, replyTurnedOff,
    ...(contactPointId === undefined ? {} : { contactPointId }), ...(replyBy === undefined ? {} : { replyBy }), ...(offReason ? { replyOffReason: offReason } : {}),
  };
}
