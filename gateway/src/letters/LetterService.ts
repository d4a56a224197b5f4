/**
 * Accepting a letter: access check, plugin, limits, policy, validation, where it can go
 * (Digital Post, physical post, nowhere), then one ledger transaction (letter + first event
 * + audit entry). Sending happens later, from the outbox. HTTP and in-process callers
 * (`RunningGateway.submit`) take the same path.
 * @module
 */
import { createMemoMessage, isPostbudError, maskCprInText, validateMemo } from '@postbud/sdk';
import type { LetterInput, PostalAddress, SenderSystemPlugin } from '@postbud/sdk';
import type { Caller } from '../auth/Caller.js';
import { mayUse, senderSystemsFor } from '../auth/senderSystemsFor.js';
import type { GatewayConfig, SenderSystemConfig } from '../config/GatewayConfig.js';
import type { DirectoryQuery, RecipientDirectory } from '../directory/RecipientDirectory.js';
import { ApiError } from '../http/ApiError.js';
import type { Ledger } from '../ledger/Ledger.js';
import type { LetterRecord } from '../ledger/records.js';
import type { RoutePort } from '../route/RoutePort.js';
import { applyPolicy } from './applyPolicy.js';
import type { CaseworkerChoices, PolicyResult } from './applyPolicy.js';
import { checkDocumentText } from './checkDocumentText.js';
import { checkLimits } from './checkLimits.js';
import { maskRecipient } from './maskRecipient.js';
import type { OutboxPayload } from './OutboxPayload.js';
import { payloadJson } from './payloadJson.js';
import { unprintableFiles } from './printPdf.js';
import { resolveRecipient } from './resolveRecipient.js';
import { storableLetter } from './storableLetter.js';
import type { RecipientStatus } from './resolveRecipient.js';

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
  readonly route: RoutePort;
  readonly directory: RecipientDirectory;
  /** Tells the outbox worker there is work. */
  readonly onAccepted: () => void;
  readonly now?: () => Date;
}

/** How long intake waits for the route's lookup before accepting without knowing. @unit milliseconds */
const LOOKUP_TIMEOUT_MS = 10_000;

export class LetterService {
  readonly #deps: LetterServiceDeps;

  constructor(deps: LetterServiceDeps) {
    this.#deps = deps;
  }

  /** The sender system, if the caller may use it; 403 / 404 otherwise. */
  senderSystem(caller: Caller, id: string): SenderSystemConfig {
    const { config } = this.#deps;
    const s = config.senderSystems.find((x) => x.id === id);
    if (s === undefined) throw new ApiError(404, 'SENDER_SYSTEM_UNKNOWN', `There is no sender system "${id}".`);
    if (!mayUse(caller, s, config)) {
      throw new ApiError(403, 'SENDER_SYSTEM_FORBIDDEN', caller.kind === 'app'
        ? `This application may not use sender system "${id}": list its app id under apps, or give it the role ${config.auth.requiredScope}.${id}.`
        : `You are not in a group that may use sender system "${id}".`);
    }
    return s;
  }

  /** `POST /v1/lookup`: physical counts as reachable when any of the caller's systems may print. */
  lookup(caller: Caller, query: DirectoryQuery): Promise<RecipientStatus> {
    const auto = senderSystemsFor(caller, this.#deps.config).some((s) => s.channel === 'auto');
    return resolveRecipient(query, { route: this.#deps.route, directory: this.#deps.directory, channel: auto ? 'auto' : 'digital-only' });
  }

  async accept(req: AcceptRequest): Promise<{ readonly letter: LetterRecord; readonly created: boolean }> {
    const { config, ledger, plugins } = this.#deps;
    const now = (this.#deps.now ?? (() => new Date()))();
    const system = this.senderSystem(req.caller, req.senderSystemId);
    if (req.clientKey !== undefined) {
      // A retry (perhaps after a lost answer) gets the original letter, before any work is redone.
      const existing = await ledger.letterByClientKey(req.caller.id, req.clientKey);
      if (existing !== undefined) return { letter: existing, created: false };
    }
    checkDocumentText(req.document);
    const plugin = plugins.get(system.id);
    if (plugin === undefined) throw new ApiError(503, 'PLUGIN_UNAVAILABLE', `The plugin of sender system "${system.id}" is not loaded.`);
    const { physicalAddress, ...draft } = await plugin.toLetter(req.document, {
      senderSystemId: system.id, caseworker: req.caller.id, authorityCvr: config.authority.cvr, senderLabel: system.senderLabel,
      authorityName: config.authority.name, ...(req.caller.name ? { caseworkerName: req.caller.name } : {}),
    });
    // The plugin's address goes into the ForsendelseI, not the MeMo: its text is checked here.
    if (physicalAddress !== undefined) checkDocumentText({ physicalAddress });
    checkLimits(draft, config.limits);
    const policy = applyPolicy(withKleVersion(await storableLetter(draft), config.kleVersion), system, config, req.choices, now);
    validateLetter(policy.letter);
    const status = await this.#reachability(policy, system, physicalAddress);
    const payload: OutboxPayload = { letter: policy.letter, channel: system.channel, ...(status?.reachability === 'physical' && status.address ? { physical: { address: status.address } } : {}) };
    return this.#store(req, system, policy, payload, status, now);
  }

  /** Refuses letters that cannot go anywhere; undefined when the route could not be asked (decided at send). */
  async #reachability(policy: PolicyResult, system: SenderSystemConfig, address: PostalAddress | undefined): Promise<RecipientStatus | undefined> {
    const r = policy.letter.recipient;
    const query: DirectoryQuery = r.type === 'cpr' ? { cpr: r.cpr } : { cvr: r.cvr, ...(r.pNumber ? { pNumber: r.pNumber } : {}) };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS);
    });
    const status = await Promise.race([
      resolveRecipient(query, { route: this.#deps.route, directory: this.#deps.directory, channel: system.channel, ...(address ? { address } : {}) }).catch(() => undefined),
      timeout,
    ]).finally(() => clearTimeout(timer));
    if (status?.reachability === 'unreachable') {
      throw system.channel === 'digital-only' && status.reason !== 'no-print-route'
        ? new ApiError(422, 'RECIPIENT_NOT_DIGITAL', `The recipient cannot receive Digital Post (${status.reason ?? 'unknown'}), and sender system "${system.id}" sends Digital Post only. Send the letter another way.`, { reason: status.reason })
        : new ApiError(422, 'RECIPIENT_UNREACHABLE', `The recipient cannot receive Digital Post (${status.reason ?? 'unknown'}) and no postal address is known for physical post. Give physicalAddress or send the letter another way.`, { reason: status.reason });
    }
    const unprintable = status?.reachability === 'physical' ? unprintableFiles(policy.letter) : [];
    if (unprintable.length > 0) {
      throw new ApiError(422, 'NOT_PRINTABLE', `The recipient gets physical post, which prints PDF only: ${unprintable.join(', ')} cannot be printed. Send the letter and its attachments as PDF.`, { files: unprintable });
    }
    return status;
  }

  async #store(req: AcceptRequest, system: SenderSystemConfig, policy: PolicyResult, payload: OutboxPayload, status: RecipientStatus | undefined, now: Date) {
    const id = policy.letter.messageUUID as string;
    const caseId = policy.letter.metadata?.caseId?.id;
    const recipientMasked = maskRecipient(policy.letter.recipient);
    const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined ? {} : { [k]: v }) as { [P in K]?: V };
    const result = await this.#deps.ledger.acceptLetter(
      {
        id, senderSystem: system.id, caseworker: req.caller.id, recipientMasked, title: policy.letter.title,
        replyEnabled: policy.replyEnabled, payload: payloadJson(payload), acceptedAt: now.toISOString(), replyTurnedOff: policy.replyTurnedOff,
        ...opt('caseId', caseId), ...opt('contactPointId', policy.contactPointId), ...opt('replyBy', policy.replyBy),
        ...opt('clientKey', req.clientKey), ...opt('replyOffReason', policy.replyOffReason), ...opt('reachability', status?.reachability),
      },
      {
        at: now.toISOString(), actor: req.caller.id, action: 'letter.accepted', letterId: id, senderSystem: system.id,
        detail: {
          recipient: recipientMasked, title: maskCprInText(policy.letter.title), replyEnabled: policy.replyEnabled, replyBy: policy.replyBy,
          contactPointId: policy.contactPointId, caseId, reachability: status?.reachability ?? 'unknown', callerKind: req.caller.kind ?? 'user',
          ...(policy.replyTurnedOff ? { replyTurnedOff: true, replyOffReason: policy.replyOffReason ? maskCprInText(policy.replyOffReason) : null } : {}),
        },
      },
    );
    if (result.created) this.#deps.onAccepted();
    return result;
  }
}

/** A KLE subject without edition gets the municipality's configured edition. */
function withKleVersion(letter: LetterInput, version: string | undefined): LetterInput {
  const kle = letter.metadata?.kle;
  if (kle === undefined || kle.version !== undefined) return letter;
  if (version === undefined) {
    throw new ApiError(422, 'KLE_VERSION_MISSING', `The KLE subject ${kle.subjectKey} has no edition: send kle.version, or let municipal IT set kleVersion in the gateway config.`);
  }
  return { ...letter, metadata: { ...letter.metadata, kle: { ...kle, version } } };
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
