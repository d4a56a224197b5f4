/**
 * Step 1: who receives the letter. A citizen by CPR number, a company by CVR number or
 * name, or one production unit of a company; the lookup result is said in words with the
 * recipient's name to confirm.
 * @module
 */
import { findCompanies } from '../features/recipient/findCompanies.js';
import { validateRecipient } from '../features/recipient/validateRecipient.js';
import type { RecipientMode } from '../features/recipient/validateRecipient.js';
import type { Company, LookupResult } from '../gateway/types.js';
import { describeError } from '../i18n/describeError.js';
import type { Messages } from '../i18n/Messages.js';
import { field, h, options, section, uid } from './dom.js';
import type { PaneContext } from './PaneContext.js';

export function describeLookup(r: LookupResult, m: Messages): string {
  const unit = r.productionUnitName;
  const name = (unit && r.name && unit.startsWith(r.name) ? unit : [r.name, unit].filter(Boolean).join(', ')) || m.unknownName;
  const main = r.reachability === 'digital' ? m.reachDigital(name) : r.reachability === 'physical' ? m.reachPhysical(name) : m.reachUnreachable(name);
  const why = r.reason ? (m.lookupReasons[r.reason] ?? '') : '';
  return [main, why, r.reachability === 'unreachable' ? '' : m.confirmName].filter(Boolean).join(' ');
}

export function recipientSection(ctx: PaneContext): HTMLElement {
  const { m, model } = ctx;
  const group = uid('mode');
  const radio = (mode: RecipientMode, text: string): HTMLLabelElement =>
    h('label', { class: 'radio' }, h('input', { type: 'radio', name: group, value: mode, checked: model.draft.mode === mode }), text);
  const modes = h('fieldset', {}, h('legend', { class: 'visually-hidden' }, m.recipientHeading),
    radio('cpr', m.modeCpr), radio('cvr', m.modeCvr), radio('cvr-p', m.modeCvrP));

  const cpr = field(m.cprLabel, h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', value: model.draft.cpr, maxlength: '11' }), m.cprHint);
  const lookupButton = h('button', { type: 'button', class: 'secondary' }, m.lookup);
  const cprPanel = h('div', { class: 'panel' }, cpr.root, lookupButton);

  const company = field(m.companyLabel, h('input', { type: 'search', autocomplete: 'off', value: model.draft.cvr }), m.companyHint);
  const searchButton = h('button', { type: 'button', class: 'secondary' }, m.search);
  const results = h('ul', { class: 'results', 'aria-live': 'polite' });
  const chosen = h('p', { class: 'chosen' });
  const unit = field(m.unitLabel, h('select', {}));
  const companyPanel = h('div', { class: 'panel' }, company.root, searchButton, results, chosen, unit.root);
  const result = h('div', { class: 'lookup', role: 'status', 'aria-live': 'polite' });

  let details: Company | undefined;

  const showMode = (): void => {
    const mode = model.draft.mode;
    cprPanel.hidden = mode !== 'cpr';
    companyPanel.hidden = mode === 'cpr';
    unit.root.hidden = mode !== 'cvr-p' || !details;
    chosen.hidden = !model.draft.companyName || mode === 'cpr';
    chosen.textContent = model.draft.companyName ? m.chosenCompany(model.draft.companyName, model.draft.cvr) : '';
  };

  const lookup = async (): Promise<void> => {
    model.setConfirmed(undefined);
    cpr.setError(undefined);
    company.setError(undefined);
    unit.setError(undefined);
    const d = model.draft;
    const whole = d.mode === 'cvr-p' && d.pNumber === 'whole';
    const check = validateRecipient({ mode: whole ? 'cvr' : d.mode, cpr: d.cpr, cvr: d.cvr, pNumber: d.pNumber });
    if (!check.ok) {
      const target = check.problem.startsWith('cpr') ? cpr : check.problem.startsWith('pNumber') ? unit : company;
      target.setError(m.problems[check.problem]);
      result.textContent = '';
      return;
    }
    result.textContent = m.lookingUp;
    try {
      const found = await ctx.gateway.lookup(check.recipient);
      result.textContent = describeLookup(found, m);
      result.dataset['reachability'] = found.reachability;
      if (found.reachability !== 'unreachable') model.setConfirmed({ recipient: check.recipient, lookup: found });
    } catch (error) {
      result.textContent = describeError(error, m).text;
      result.dataset['reachability'] = 'error';
    }
  };

  const chooseCompany = async (cvr: string, name: string, keepUnit = false): Promise<void> => {
    model.update({ cvr, companyName: name, ...(keepUnit ? {} : { pNumber: '' }) });
    results.replaceChildren();
    company.control.value = cvr;
    try {
      details = await ctx.gateway.company(cvr);
      const units = details.productionUnits.map((u) => ({ value: u.pNumber, label: `${u.name} (P ${u.pNumber})${u.address ? `, ${u.address}` : ''}` }));
      options(unit.control, [{ value: '', label: `— ${m.unitLabel} —` }, { value: 'whole', label: m.wholeCompany }, ...units], model.draft.pNumber);
      unit.setNote(units.length ? undefined : m.noUnits);
    } catch (error) {
      company.setError(describeError(error, m).text);
    }
    showMode();
    if (model.draft.mode === 'cvr') await lookup();
    else unit.control.focus();
  };

  const search = async (): Promise<void> => {
    company.setError(undefined);
    results.replaceChildren(h('li', {}, m.searching));
    try {
      const found = await findCompanies(ctx.gateway, company.control.value);
      if (found.kind !== 'found') {
        results.replaceChildren();
        company.setError(m.problems[found.kind]);
        return;
      }
      if (found.companies.length === 0) return void results.replaceChildren(h('li', {}, m.noCompanies));
      results.replaceChildren(...found.companies.map((c) => {
        const b = h('button', { type: 'button', class: 'link' }, m.chooseCompany(c.name, c.cvr));
        b.addEventListener('click', () => void chooseCompany(c.cvr, c.name));
        return h('li', {}, b);
      }));
      results.querySelector('button')?.focus();
    } catch (error) {
      results.replaceChildren();
      company.setError(describeError(error, m).text);
    }
  };

  modes.addEventListener('change', (e) => {
    const mode = (e.target as HTMLInputElement).value as RecipientMode;
    model.update({ mode });
    model.setConfirmed(undefined);
    result.textContent = '';
    showMode();
  });
  cpr.control.addEventListener('input', () => { model.update({ cpr: cpr.control.value }); model.setConfirmed(undefined); });
  cpr.control.addEventListener('keydown', (e) => { if (e.key === 'Enter') void lookup(); });
  lookupButton.addEventListener('click', () => void lookup());
  company.control.addEventListener('keydown', (e) => { if (e.key === 'Enter') void search(); });
  searchButton.addEventListener('click', () => void search());
  unit.control.addEventListener('change', () => { model.update({ pNumber: unit.control.value }); void lookup(); });

  showMode();
  const root = section(m.recipientHeading, modes, cprPanel, companyPanel, result);
  // Reopened pane: restore the company and look the remembered recipient up again.
  queueMicrotask(() => {
    const d = model.draft;
    if (d.mode !== 'cpr' && d.cvr && d.companyName) void chooseCompany(d.cvr, d.companyName, true).then(() => (d.mode === 'cvr-p' && d.pNumber ? lookup() : undefined));
    else if (d.mode === 'cpr' && d.cpr) void lookup();
  });
  return root;
}
