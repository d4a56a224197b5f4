/**
 * Step 2: sender system and contact point from `/v1/me`; the reply toggle follows the
 * sender system's policy and says why; an optional reply-by date; and an optional reason
 * when the caseworker turns reply off although the policy's default is on.
 * @module
 */
import { MAX_OFF_REASON_LENGTH } from '../features/send/buildLetterRequest.js';
import { asksOffReason, defaultReplyBy, isValidReplyBy, replyOption } from '../features/sender/replyOption.js';
import { field, h, options, section } from './dom.js';
import type { PaneContext } from './PaneContext.js';

export interface SenderSectionHandle {
  readonly root: HTMLElement;
  /** Marks problems; returns false when the caseworker must fix something. */
  validate(): boolean;
}

export function senderSection(ctx: PaneContext): SenderSectionHandle {
  const { m, model } = ctx;
  const system = field(m.senderSystemLabel, h('select', {}));
  const contact = field(m.contactPointLabel, h('select', {}));
  const reply = h('input', { type: 'checkbox', id: 'reply-toggle' });
  const explain = h('p', { class: 'hint', id: 'reply-explain' });
  reply.setAttribute('aria-describedby', explain.id);
  const replyBy = field(m.replyByLabel, h('input', { type: 'date' }));
  const offReason = field(m.offReasonLabel, h('input', { type: 'text', maxlength: String(MAX_OFF_REASON_LENGTH), value: model.draft.replyOffReason }), m.offReasonHint);
  const quick = m.offReasonChoices.map((text) => {
    const b = h('button', { type: 'button', class: 'chip' }, text);
    b.addEventListener('click', () => { offReason.control.value = text; model.update({ replyOffReason: text }); offReason.control.focus(); });
    return b;
  });
  const offReasonBox = h('div', { class: 'off-reason' }, offReason.root, h('div', { role: 'group', 'aria-label': m.offReasonChoicesLabel, class: 'chips' }, ...quick));

  const render = (): void => {
    const s = model.senderSystem;
    if (!s) return;
    options(system.control, model.me.senderSystems.map((x) => ({ value: x.id, label: x.senderLabel })), s.id);
    const cp = s.contactPoints.some((c) => c.id === model.draft.contactPointId) ? model.draft.contactPointId : (s.contactPoints[0]?.id ?? '');
    options(contact.control, s.contactPoints.map((c) => ({ value: c.id, label: c.label })), cp);
    const opt = replyOption(s.reply, model.draft.replyChosen);
    reply.checked = opt.on;
    reply.disabled = !opt.editable;
    explain.textContent = opt.reason === 'forcedOn' ? m.replyForcedOn : opt.reason === 'forcedOff' ? m.replyForcedOff : m.replyChoice;
    replyBy.root.hidden = !opt.on;
    replyBy.control.value = model.draft.replyBy;
    offReasonBox.hidden = !asksOffReason(s.reply, opt.on);
  };

  const selectSystem = (id: string): void => {
    const s = model.me.senderSystems.find((x) => x.id === id);
    if (!s) return;
    const { replyChosen: _reset, ...rest } = model.draft;
    model.draft = rest;
    model.update({ senderSystemId: s.id, contactPointId: s.contactPoints[0]?.id ?? '', replyBy: defaultReplyBy(s.reply) ?? '' });
    render();
  };

  system.control.addEventListener('change', () => selectSystem(system.control.value));
  contact.control.addEventListener('change', () => model.update({ contactPointId: contact.control.value }));
  reply.addEventListener('change', () => { model.update({ replyChosen: reply.checked }); render(); });
  offReason.control.addEventListener('input', () => model.update({ replyOffReason: offReason.control.value }));
  replyBy.control.addEventListener('change', () => { model.update({ replyBy: replyBy.control.value }); replyBy.setError(undefined); });

  if (model.me.senderSystems.length === 0) {
    return { root: section(m.senderHeading, h('p', { role: 'alert', class: 'error' }, m.noSenderSystems)), validate: () => false };
  }
  if (!model.draft.senderSystemId) selectSystem(model.senderSystem!.id);
  render();
  const toggle = h('div', { class: 'toggle' }, reply, h('label', { for: reply.id }, m.replyLabel));
  return {
    root: section(m.senderHeading, system.root, contact.root, toggle, explain, offReasonBox, replyBy.root),
    validate: () => {
      const on = replyOption(model.senderSystem!.reply, model.draft.replyChosen).on;
      const bad = on && model.draft.replyBy !== '' && !isValidReplyBy(model.draft.replyBy);
      replyBy.setError(bad ? m.replyByInvalid : undefined);
      return !bad;
    },
  };
}
