/**
 * Per authority: its contact structure (active, inactive, invisible contact points), the replies
 * it received and the status events of its letters.
 * @module
 */
import { maskCpr } from '@postbud/sdk';
import type { SandboxContext } from '../../SandboxContext.js';
import { esc, formatDate, href, page } from '../html.js';
import { strings, type Lang } from '../strings.js';

export function authorityListPage(ctx: SandboxContext, lang: Lang): string {
  const s = strings(lang);
  const items = ctx.world.data.authorities.map((a) => `<li><a href="${href(lang, `/postkasse/myndighed/${a.cvr}`)}">${esc(a.name)}</a> (CVR ${esc(a.cvr)})</li>`).join('');
  return page(lang, s.authorities, `<ul>${items}</ul>`, '/postkasse/myndighed');
}

export function authorityPage(ctx: SandboxContext, lang: Lang, cvr: string): string | null {
  const s = strings(lang);
  const a = ctx.world.authority(cvr);
  if (!a) return null;
  const yn = (b: boolean) => (b ? s.yes : s.no);
  const cps = a.contactPoints.map((c) => `<tr><td>${esc(c.name)}<br><span class="muted">${esc(c.id)}</span></td><td>${yn(c.active)}</td><td>${yn(c.visible)}</td><td>${esc(c.systemId)}</td><td>${esc(c.description)}</td></tr>`).join('');
  const replies = ctx.store.inboundList({ authorityCvr: cvr, includeDeleted: true }).map((r) => {
    const cp = a.contactPoints.find((c) => c.id === r.contactPointId);
    const receipt = r.businessReceipt ? (JSON.parse(r.businessReceipt) as { receiptStatus?: string }).receiptStatus ?? '' : '';
    return `<tr><td>${esc(r.title)}</td><td>${esc(r.senderId.length === 10 ? maskCpr(r.senderId) : r.senderId)}</td><td>${esc(cp?.name ?? r.contactPointId)}</td><td>${esc(r.systemId)}</td><td>${esc(formatDate(r.createdAt, lang))}</td><td>${esc(formatDate(r.fetchedAt, lang))}</td><td>${esc(receipt)}</td></tr>`;
  }).join('');
  const events = ctx.store.events({ authorityCvr: cvr }).slice(-200).reverse().map((e) => {
    const letter = e.letterId ? ctx.store.letter(e.letterId) : undefined;
    return `<tr><td>${esc(formatDate(e.createdAt, lang))}</td><td>${esc(letter?.title ?? e.messageUuid ?? '')}</td><td>${esc(e.statusCode)}</td><td>${esc(letter?.status === 'failed' || letter?.status === 'refused' ? letter.failCode : '')}</td></tr>`;
  }).join('');
  const body = `
<h2>${esc(s.contactPoints)}</h2>
<table><thead><tr><th scope="col">${esc(s.contactPoint)}</th><th scope="col">${esc(s.active)}</th><th scope="col">${esc(s.visible)}</th><th scope="col">${esc(s.system)}</th><th scope="col">${lang === 'da' ? 'Beskrivelse' : 'Description'}</th></tr></thead><tbody>${cps}</tbody></table>
<h2>${esc(s.repliesReceived)}</h2>
${replies ? `<table><thead><tr><th scope="col">${esc(s.title)}</th><th scope="col">${esc(s.from)}</th><th scope="col">${esc(s.contactPoint)}</th><th scope="col">${esc(s.system)}</th><th scope="col">${esc(s.date)}</th><th scope="col">${esc(s.fetched)}</th><th scope="col">${esc(s.receipt)}</th></tr></thead><tbody>${replies}</tbody></table>` : `<p>${esc(s.noLetters)}</p>`}
<h2>${esc(s.statusEvents)}</h2>
${events ? `<table><thead><tr><th scope="col">${esc(s.time)}</th><th scope="col">${esc(s.letter)}</th><th scope="col">${esc(s.status)}</th><th scope="col">${esc(s.error)}</th></tr></thead><tbody>${events}</tbody></table>` : `<p>${esc(s.noLetters)}</p>`}`;
  return page(lang, a.name, body, `/postkasse/myndighed/${cvr}`);
}
