/**
 * A tiny DOM helper: elements with attributes and children, and labelled form fields that
 * screen readers announce with their hint and error.
 * @module
 */

type Attrs = Readonly<Record<string, string | boolean | undefined>>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

let counter = 0;
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export interface Field<E extends HTMLElement> {
  readonly root: HTMLElement;
  readonly control: E;
  readonly label: HTMLLabelElement;
  setError(text: string | undefined): void;
  setNote(text: string | undefined): void;
}

/** A label, a control, an optional hint, a warning note and an error, tied by ids. */
export function field<E extends HTMLElement>(labelText: string, control: E, hint?: string): Field<E> {
  const id = control.id || uid('f');
  control.id = id;
  const hintEl = hint ? h('div', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const noteEl = h('div', { class: 'note', id: `${id}-note`, hidden: true });
  const errorEl = h('div', { class: 'error', id: `${id}-error`, hidden: true });
  const label = h('label', { for: id }, labelText);
  const describe = (): void => {
    const ids = [hintEl?.id, noteEl.hidden ? undefined : noteEl.id, errorEl.hidden ? undefined : errorEl.id].filter(Boolean);
    if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
    else control.removeAttribute('aria-describedby');
  };
  describe();
  const set = (el: HTMLElement, text: string | undefined): void => {
    el.textContent = text ?? '';
    el.hidden = !text;
    describe();
  };
  return {
    root: h('div', { class: 'field' }, label, control, hintEl, noteEl, errorEl),
    control, label,
    setError: (text) => {
      set(errorEl, text);
      if (text) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
    setNote: (text) => set(noteEl, text),
  };
}

export function section(headingText: string, ...children: Child[]): HTMLElement {
  const id = uid('h');
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, headingText), ...children);
}

export function options(select: HTMLSelectElement, items: readonly { value: string; label: string }[], selected: string): void {
  select.replaceChildren(...items.map((i) => h('option', { value: i.value, selected: i.value === selected }, i.label)));
}
