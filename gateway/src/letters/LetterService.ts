/**
 * Accepting a letter: access check, plugin, policy, validation, then one ledger transaction
 * (letter + first event + audit entry). Sending happens later, from the outbox.
 * @module
 */
import { createMemoMessage, isPostbudError, maskCprInText, validateMemo } from '@postbud/sdk';
import type { SenderSystemPlugin } from '@postbud/sdk';
import type { Caller } from '../auth/Caller.js';
import type { GatewayConfig, SenderSystemConfig } from '../config/GatewayConfig.js';
import { ApiError } from '../http/ApiError.js';
import type { Ledger } from '../ledger/Ledger.js';
import type { LetterRecord } from '../ledger/records.js';
import { applyPolicy } from './applyPolicy.js';
import type { CaseworkerChoices } from './applyPolicy.js';
import { maskRecipient } from './maskRecipient.js';
import type { OutboxPayload } from './OutboxPayload.js';

export interface AcceptRequest {
  readonly caller: Caller;
  readonly senderSystemId: string;
  readonly document: unknown;
  readonly choices: CaseworkerChoices;
  readonly clientKey?: string;
}

export interface LetterServiceDeps {
  readonly config: GatewayConfig;
  readonly ledger: Ledger;
  readonly plugins: ReadonlyMap<string, SenderSystemPlugin>;
  /** Tells the outbox worker there is work. */
  readonly onAccepted: () => void;
  readonly now?: () => Date;
}

export class LetterService {
  readonly #deps: LetterServiceDeps;

  constructor(deps: LetterServiceDeps) {
    this.#deps = deps;
  }

  /** The sender system, if the caller may use it; 403 / 404 otherwise. */
  senderSystem(caller: Caller, id: string): SenderSystemConfig {
    const s = this.#deps.config.senderSystems.find((x) => x.id === id);
    if (s === undefined) throw new ApiError(404, 'SENDER_SYSTEM_UNKNOWN', `There is no sender system "${id}".`);
    if (!s.groups.some((g) => caller.groups.includes(g))) {
      throw new ApiError(403, 'SENDER_SYSTEM_FORBIDDEN', `You are not in a group that may use sender system "${id}".`);
    }
    return s;
  }

  async accept(req: AcceptRequest): Promise<{ readonly letter: LetterRecord; readonly created: boolean }> {
    const { config, ledger, plugins } = this.#deps;
    const now = (this.#deps.now ?? (() => new Date()))();
    const system = this.senderSystem(req.caller, req.senderSystemId);
    const plugin = plugins.get(system.id);
    if (plugin === undefined) throw new ApiError(503, 'PLUGIN_UNAVAILABLE', `The plugin of sender system "${system.id}" is not loaded.`);
    const draft = await plugin.toLetter(req.document, {
      senderSystemId: system.id, caseworker: req.caller.id, authorityCvr: config.authority.cvr, senderLabel: system.senderLabel,
    });
    const policy = applyPolicy(draft, system, config, req.choices, now);
    validateLetter(policy.letter);
    const id = policy.letter.messageUUID as string;
    const caseId = policy.letter.metadata?.caseId?.id;
    const recipientMasked = maskRecipient(policy.letter.recipient);
    const payload: OutboxPayload = { letter: policy.letter, channel: system.channel };
    const result = await ledger.acceptLetter(
      {
        id, senderSystem: system.id, caseworker: req.caller.id, recipientMasked, title: policy.letter.title,
        replyEnabled: policy.replyEnabled, payload: JSON.stringify(payload), acceptedAt: now.toISOString(),
        ...(caseId === undefined ? {} : { caseId }),
        ...(policy.contactPointId === undefined ? {} : { contactPointId: policy.contactPointId }),
        ...(policy.replyBy === undefined ? {} : { replyBy: policy.replyBy }),
        ...(req.clientKey === undefined ? {} : { clientKey: req.clientKey }),
      },
      {
        at: now.toISOString(), actor: req.caller.id, action: 'letter.accepted', letterId: id, senderSystem: system.id,
        detail: { recipient: recipientMasked, title: maskCprInText(policy.letter.title), replyEnabled: policy.replyEnabled, replyBy: policy.replyBy, contactPointId: policy.contactPointId, caseId },
      },
    );
    if (result.created) this.#deps.onAccepted();
    return result;
  }
}

/** Builds and validates the MeMo now, so 202 means "this letter will go out". */
function validateLetter(letter: Parameters<typeof createMemoMessage>[0]): void {
  try {
    const issues = validateMemo(createMemoMessage(letter));
    if (issues.length > 0) {
      throw new ApiError(422, 'LETTER_INVALID', `The letter is not valid MeMo: ${maskCprInText(issues[0]?.message ?? '')}`, {
        issues: issues.map((i) => ({ path: i.path, code: i.code, message: maskCprInText(i.message) })),
      });
    }
  } catch (error) {
    if (isPostbudError(error)) throw new ApiError(422, error.code, maskCprInText(error.message));
    throw error;
  }
}
