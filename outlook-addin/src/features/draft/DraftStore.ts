/**
 * Loads and saves {@link DraftState} in the draft's session data.
 * @module
 */
import type { MailboxAdapter } from '../../office/MailboxAdapter.js';
import { EMPTY_DRAFT } from './DraftState.js';
import type { DraftState } from './DraftState.js';

export const DRAFT_KEY = 'postbud.draft.v1';

const STRING_FIELDS = ['cpr', 'cvr', 'pNumber', 'companyName', 'senderSystemId', 'contactPointId', 'replyBy', 'replyOffReason', 'title', 'caseId', 'kle'] as const;

function fromJson(text: string): DraftState {
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null) return EMPTY_DRAFT;
  const o = raw as Record<string, unknown>;
  const draft: Record<string, unknown> = { ...EMPTY_DRAFT };
  if (o['mode'] === 'cpr' || o['mode'] === 'cvr' || o['mode'] === 'cvr-p') draft['mode'] = o['mode'];
  for (const f of STRING_FIELDS) if (typeof o[f] === 'string') draft[f] = o[f];
  if (typeof o['replyChosen'] === 'boolean') draft['replyChosen'] = o['replyChosen'];
  if (typeof o['idempotencyKey'] === 'string') draft['idempotencyKey'] = o['idempotencyKey'];
  if (typeof o['sentLetterId'] === 'string') draft['sentLetterId'] = o['sentLetterId'];
  return draft as unknown as DraftState;
}

export class DraftStore {
  readonly #mailbox: Pick<MailboxAdapter, 'getSessionValue' | 'setSessionValue'>;

  constructor(mailbox: Pick<MailboxAdapter, 'getSessionValue' | 'setSessionValue'>) {
    this.#mailbox = mailbox;
  }

  async load(): Promise<DraftState> {
    const text = await this.#mailbox.getSessionValue(DRAFT_KEY);
    if (text === undefined) return EMPTY_DRAFT;
    try {
      return fromJson(text);
    } catch {
      return EMPTY_DRAFT; // a damaged entry must not block the pane
    }
  }

  async save(draft: DraftState): Promise<void> {
    await this.#mailbox.setSessionValue(DRAFT_KEY, JSON.stringify(draft));
  }
}
