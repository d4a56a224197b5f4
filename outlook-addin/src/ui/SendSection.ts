/**
 * Step 5: send through the gateway, show progress, then the receipt; only then offer to
 * close and discard the draft (or say what to do with it where Outlook cannot).
 * @module
 */
import type { ContentPlan } from '../features/content/planContent.js';
import { DraftStore } from '../features/draft/DraftStore.js';
import { finishDraft } from '../features/send/finishDraft.js';
import { sendLetter } from '../features/send/sendLetter.js';
import type { SendProgress } from '../features/send/sendLetter.js';
import type { Letter } from '../gateway/types.js';
import { describeError } from '../i18n/describeError.js';
import { h, section } from './dom.js';
import type { PaneContext } from './PaneContext.js';

export interface SendChecks {
  /** Runs every section's checks; false when something must be fixed first. */
  validate(): boolean;
  refreshContent(): Promise<ContentPlan>;
  /** Disables or enables the form while sending. */
  lock(locked: boolean): void;
}

export function sendSection(ctx: PaneContext, checks: SendChecks): HTMLElement {
  const { m, model } = ctx;
  const button = h('button', { type: 'button', class: 'primary', id: 'send' }, m.send);
  const status = h('div', { class: 'progress', role: 'status', 'aria-live': 'polite' });
  const problem = h('div', { class: 'problem', role: 'alert' });
  const receipt = h('div', { class: 'receipt', hidden: true, tabindex: '-1' });

  const progressText = (p: SendProgress): string =>
    p.step === 'reading' ? m.progressReading(p.done, p.total) : p.step === 'sending' ? m.progressSending : m.progressWaiting;

  const showReceipt = (s: Letter): void => {
    const row = (k: string, v: string): HTMLElement => h('div', {}, h('dt', {}, k), h('dd', {}, v));
    const close = h('button', { type: 'button', class: 'primary' }, m.closeDraft);
    const after = h('p', { role: 'status' });
    close.addEventListener('click', () => void finishDraft(ctx.mailbox).then((outcome) => {
      if (outcome === 'manual') { after.textContent = m.draftManual; close.hidden = true; }
    }));
    const canClose = ctx.mailbox.supportsMailbox('1.14');
    if (!canClose) after.textContent = m.draftManual;
    receipt.replaceChildren(h('div', {},
      h('h3', {}, m.receiptHeading),
      h('dl', {}, row(m.receiptId, s.id), row(m.receiptChannel, s.channel ? m.channel[s.channel] : m.channelPending), row(m.receiptStatus, m.status[s.state])),
      s.lastError && (s.state === 'failed' || s.state === 'rejected') ? h('p', { class: 'error' }, s.lastError) : null,
      canClose ? close : null, after,
    ));
    receipt.hidden = false;
    button.hidden = true;
    receipt.focus();
  };

  const send = async (): Promise<void> => {
    problem.replaceChildren();
    const plan = await checks.refreshContent();
    const confirmed = model.confirmed;
    const sender = model.senderSystem;
    if (!checks.validate() || !confirmed || !sender) {
      problem.textContent = m.fixBeforeSend;
      return;
    }
    checks.lock(true);
    button.disabled = true;
    try {
      await model.flush();
      const result = await sendLetter(
        { gateway: ctx.gateway, mailbox: ctx.mailbox, drafts: new DraftStore(ctx.mailbox) },
        { draft: model.draft, recipient: confirmed.recipient, sender, plan },
        (p) => { status.textContent = progressText(p); },
      );
      status.textContent = '';
      showReceipt(result);
    } catch (error) {
      const d = describeError(error, m);
      status.textContent = '';
      problem.replaceChildren(h('div', {}, h('p', {}, d.text), d.detail ? h('p', { class: 'detail' }, d.detail) : null,
        d.retryable ? h('p', { class: 'hint' }, m.retryNote) : null));
      button.textContent = m.sendAgain;
      checks.lock(false);
    } finally {
      await model.reload();
      button.disabled = false;
    }
  };

  button.addEventListener('click', () => void send());
  const root = section(m.send, status, problem, button, receipt);
  if (model.draft.sentLetterId) {
    queueMicrotask(() => {
      problem.textContent = m.alreadySent;
      void ctx.gateway.letterStatus(model.draft.sentLetterId!).then((r) => showReceipt(r.letter), () => {});
    });
  }
  return root;
}
