/**
 * Builds the task pane: loads the caseworker's profile and the remembered draft choices,
 * then shows the five steps. Knows nothing about `Office`: it gets a {@link MailboxAdapter}.
 * @module
 */
import { resolveLimits } from '../features/content/letterLimits.js';
import { DraftStore } from '../features/draft/DraftStore.js';
import { titleFromSubject } from '../features/metadata/title.js';
import type { GatewayClient } from '../gateway/GatewayClient.js';
import { describeError } from '../i18n/describeError.js';
import { pickMessages } from '../i18n/pickMessages.js';
import type { MailboxAdapter } from '../office/MailboxAdapter.js';
import { contentSection } from './ContentSection.js';
import { h } from './dom.js';
import { metadataSection } from './MetadataSection.js';
import { PaneModel } from './PaneModel.js';
import type { PaneContext } from './PaneContext.js';
import { recipientSection } from './RecipientSection.js';
import { senderSection } from './SenderSection.js';
import { sendSection } from './SendSection.js';

export interface TaskPaneDeps {
  readonly mailbox: MailboxAdapter;
  readonly gateway: GatewayClient;
}

export async function mountTaskPane(root: HTMLElement, deps: TaskPaneDeps): Promise<void> {
  const m = pickMessages(deps.mailbox.displayLanguage);
  document.documentElement.lang = m.lang;
  document.title = m.appTitle;
  const status = h('p', { role: 'status' }, m.loading);
  root.replaceChildren(h('h1', {}, m.appTitle), status);
  let ctx: PaneContext;
  try {
    const store = new DraftStore(deps.mailbox);
    const [me, draft, subject] = await Promise.all([deps.gateway.me(), store.load(), deps.mailbox.getSubject()]);
    const model = new PaneModel(draft.title ? draft : { ...draft, title: titleFromSubject(subject) }, me, store);
    ctx = { m, gateway: deps.gateway, mailbox: deps.mailbox, model, limits: resolveLimits(me.limits) };
  } catch (error) {
    const d = describeError(error, m);
    status.setAttribute('role', 'alert');
    status.textContent = [d.text, d.detail].filter(Boolean).join(' ');
    return;
  }
  const sender = senderSection(ctx);
  const metadata = metadataSection(ctx);
  const content = contentSection(ctx);
  const form = h('form', { novalidate: true, 'aria-label': m.appTitle }, recipientSection(ctx), sender.root, metadata.root, content.root);
  form.addEventListener('submit', (e) => e.preventDefault());
  const send = sendSection(ctx, {
    validate: () => [sender.validate(), metadata.validate(), content.validate()].every(Boolean),
    refreshContent: () => content.refresh(),
    lock: (locked) => { form.inert = locked; },
  });
  root.replaceChildren(h('h1', {}, m.appTitle), h('p', { class: 'hint' }, m.signedInAs(ctx.model.me.caller.name)), form, send);
  await content.refresh().catch(() => undefined);
}
