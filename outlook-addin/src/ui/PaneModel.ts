/**
 * The pane's state: the draft choices (saved to session data as they change), the
 * caseworker's profile, and the confirmed recipient. Sections read it and call `update`.
 * @module
 */
import type { DraftState } from '../features/draft/DraftState.js';
import type { DraftStore } from '../features/draft/DraftStore.js';
import type { LookupResult, Me, Recipient, SenderSystem } from '../gateway/types.js';

export interface ConfirmedRecipient {
  readonly recipient: Recipient;
  readonly lookup: LookupResult;
}

export class PaneModel {
  draft: DraftState;
  readonly me: Me;
  confirmed: ConfirmedRecipient | undefined;
  readonly #store: DraftStore;
  readonly #listeners: (() => void)[] = [];
  #saving: Promise<void> = Promise.resolve();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(draft: DraftState, me: Me, store: DraftStore) {
    this.draft = draft;
    this.me = me;
    this.#store = store;
  }

  get senderSystem(): SenderSystem | undefined {
    return this.me.senderSystems.find((s) => s.id === this.draft.senderSystemId) ?? this.me.senderSystems[0];
  }

  onChange(listener: () => void): void {
    this.#listeners.push(listener);
  }

  update(patch: Partial<DraftState>): void {
    this.draft = { ...this.draft, ...patch };
    for (const l of this.#listeners) l();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), 300);
  }

  setConfirmed(value: ConfirmedRecipient | undefined): void {
    this.confirmed = value;
    for (const l of this.#listeners) l();
  }

  /** Writes pending changes now (before sending, so nothing is lost if the pane closes). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    const draft = this.draft;
    this.#saving = this.#saving.then(() => this.#store.save(draft)).catch(() => {});
    return this.#saving;
  }

  /** Takes over what the send use case saved (idempotency key, letter id). */
  async reload(): Promise<void> {
    const saved = await this.#store.load();
    this.draft = { ...this.draft, ...pickSendState(saved) };
    const { idempotencyKey, ...rest } = this.draft;
    if (saved.idempotencyKey === undefined && idempotencyKey !== undefined) this.draft = rest;
  }
}

function pickSendState(d: DraftState): Partial<DraftState> {
  return { ...(d.idempotencyKey ? { idempotencyKey: d.idempotencyKey } : {}), ...(d.sentLetterId ? { sentLetterId: d.sentLetterId } : {}) };
}
