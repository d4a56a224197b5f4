/**
 * Step 4: what goes into the letter (body as main document, attachments, inline images),
 * what is refused and why, and a preview of what the recipient will see.
 * @module
 */
import { planContent } from '../features/content/planContent.js';
import type { ContentPlan } from '../features/content/planContent.js';
import { h, section } from './dom.js';
import { letterPreviewHtml } from './letterPreviewHtml.js';
import type { PaneContext } from './PaneContext.js';

export interface ContentSectionHandle {
  readonly root: HTMLElement;
  /** Re-reads the attachment list from Outlook; the plan used for sending. */
  refresh(): Promise<ContentPlan>;
  validate(): boolean;
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function contentSection(ctx: PaneContext): ContentSectionHandle {
  const { m, model } = ctx;
  const list = h('ul', { class: 'documents', 'aria-label': m.attachmentsHeading });
  const inline = h('p', { class: 'hint' });
  const refused = h('ul', { class: 'refused' });
  const total = h('p', { class: 'error', hidden: true }, m.tooLarge);
  const frame = h('iframe', { class: 'preview', title: m.previewHeading, sandbox: '' });
  const update = h('button', { type: 'button', class: 'secondary' }, m.showPreview);
  let plan: ContentPlan = { documents: [], inlineImages: [], refused: [], totalBytes: 0, tooLarge: false };

  const preview = async (): Promise<void> => {
    const s = model.senderSystem;
    frame.srcdoc = letterPreviewHtml({
      senderLabel: s?.senderLabel ?? '', caseworker: model.me.caller.name, caseId: model.draft.caseId,
      title: model.draft.title, bodyHtml: await ctx.mailbox.getBodyHtml(), date: new Date(),
    }, m);
  };

  const refresh = async (): Promise<ContentPlan> => {
    plan = planContent(await ctx.mailbox.listAttachments(), ctx.limits);
    list.replaceChildren(...(plan.documents.length
      ? plan.documents.map((d) => h('li', {}, `${d.filename} (${kb(d.size)})`))
      : [h('li', {}, m.noAttachments)]));
    inline.textContent = plan.inlineImages.length ? m.inlineImages(plan.inlineImages.length) : '';
    inline.hidden = plan.inlineImages.length === 0;
    refused.replaceChildren(...plan.refused.map((r) => h('li', { class: 'error' }, m.refused[r.reason](r.name))));
    refused.hidden = plan.refused.length === 0;
    total.hidden = !plan.tooLarge;
    await preview();
    return plan;
  };

  update.addEventListener('click', () => void refresh());
  let timer: ReturnType<typeof setTimeout> | undefined;
  model.onChange(() => { clearTimeout(timer); timer = setTimeout(() => void preview().catch(() => {}), 600); });
  return {
    root: section(m.contentHeading,
      h('p', {}, m.mainDocument),
      h('h3', {}, m.attachmentsHeading), list, inline, refused, total,
      h('h3', {}, m.previewHeading), h('p', { class: 'hint' }, m.previewNote), frame, update),
    refresh,
    validate: () => plan.refused.length === 0 && !plan.tooLarge,
  };
}
