/**
 * Step 3: title (from the subject, editable, warned when generic), case number and KLE
 * number, each marked when the sender system's policy requires it.
 * @module
 */
import { checkMetadata } from '../features/metadata/checkMetadata.js';
import { isGenericTitle, MAX_TITLE_LENGTH } from '../features/metadata/title.js';
import type { RequiredMetadata } from '../gateway/types.js';
import { field, h, section } from './dom.js';
import type { Field } from './dom.js';
import type { PaneContext } from './PaneContext.js';

export interface MetadataSectionHandle {
  readonly root: HTMLElement;
  validate(): boolean;
}

export function metadataSection(ctx: PaneContext): MetadataSectionHandle {
  const { m, model } = ctx;
  const title = field(m.titleLabel, h('input', { type: 'text', maxlength: String(MAX_TITLE_LENGTH), value: model.draft.title }));
  const caseId = field(m.caseIdLabel, h('input', { type: 'text', value: model.draft.caseId }));
  const kle = field(m.kleLabel, h('input', { type: 'text', value: model.draft.kle }), m.kleHint);
  const fields: Readonly<Record<RequiredMetadata, Field<HTMLInputElement>>> = { title, caseId, kle };
  const labels: Readonly<Record<RequiredMetadata, string>> = { title: m.titleLabel, caseId: m.caseIdLabel, kle: m.kleLabel };

  const markRequired = (): void => {
    const required = model.senderSystem?.requiredMetadata ?? [];
    for (const key of ['caseId', 'kle'] as const) {
      const on = required.includes(key);
      fields[key].label.textContent = on ? `${labels[key]} (${m.requiredByPolicy})` : labels[key];
      if (on) fields[key].control.setAttribute('aria-required', 'true');
      else fields[key].control.removeAttribute('aria-required');
    }
    title.control.setAttribute('aria-required', 'true');
  };
  const warnTitle = (): void => title.setNote(isGenericTitle(title.control.value) ? m.titleGeneric : undefined);

  title.control.addEventListener('input', () => { model.update({ title: title.control.value }); warnTitle(); });
  caseId.control.addEventListener('input', () => model.update({ caseId: caseId.control.value }));
  kle.control.addEventListener('input', () => model.update({ kle: kle.control.value }));
  model.onChange(markRequired);
  markRequired();
  warnTitle();

  return {
    root: section(m.metadataHeading, title.root, caseId.root, kle.root),
    validate: () => {
      for (const f of Object.values(fields)) f.setError(undefined);
      const problems = checkMetadata(model.draft, model.senderSystem?.requiredMetadata ?? []);
      for (const p of problems) {
        const text = p.kind === 'required' ? m.fieldRequired(labels[p.field].split(' (')[0]!) : p.kind === 'kleFormat' ? m.kleFormat : m.titleTooLong;
        fields[p.field].setError(text);
      }
      return problems.length === 0;
    },
  };
}
