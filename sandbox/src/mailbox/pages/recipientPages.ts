/**
 * The recipient picker and a recipient's inbox.
 * @module
 */
import { maskCpr } from '@postbud/sdk';
import type { SandboxContext } from '../../SandboxContext.js';
import type { LetterRecord } from '../../store/records.js';
import { esc, formatDate, href, page } from '../html.js';
import { strings, type Lang } from '../strings.js';

export function pickerPage(ctx: SandboxContext, lang: Lang): string {
  const s = strings(lang);
  const count = (id: string) => ctx.store.letters({ recipientId: id }).filter(visibleInInbox).length;
  const citizens = ctx.world.data.citizens
    .map((c) => `<tr><td><a href="${href(lang, `/postkasse/modtager/${c.cpr}`)}">${esc(c.name)}</a></td><td>${esc(maskCpr(c.cpr))}</td><td>${esc(c.note)}</td><td>${count(c.cpr)}</td></tr>`)
    .join('');
  const companies = ctx.world.data.companies
    .map((c) => `<tr><td><a href="${href(lang, `/postkasse/modtager/${c.cvr}`)}">${esc(c.name)}</a></td><td>CVR ${esc(c.cvr)}</td><td>${esc(c.note)}</td><td>${count(c.cvr)}</td></tr>`)
    .join('');
  const head = `<tr><th scope="col">${lang === 'da' ? 'Navn' : 'Name'}</th><th scope="col">${lang === 'da' ? 'Nummer' : 'Number'}</th><th scope="col">${esc(s.status)}</th><th scope="col">${lang === 'da' ? 'Breve' : 'Letters'}</th></tr>`;
  return page(lang, s.pickRecipient, `<p>${esc(s.pickIntro)}</p>
<table><caption>${esc(s.citizens)}</caption><thead>${head}</thead><tbody>${citizens}</tbody></table>
<table><caption>${esc(s.companies)}</caption><thead>${head}</thead><tbody>${companies}</tbody></table>`);
}

/** A mailbox shows what reached it: delivered letters (digital and NemSMS). */
export function visibleInInbox(l: LetterRecord): boolean {
  return l.status === 'delivered' && (l.channel === 'digital' || l.channel === 'nemsms');
}

export function inboxPage(ctx: SandboxContext, lang: Lang, id: string): string | null {
  const s = strings(lang);
  const party = ctx.world.party(id);
  const letters = ctx.store.letters({ recipientId: id }).filter(visibleInInbox);
  if (!party && letters.length === 0) return null;
  const name = party?.name ?? letters[0]?.recipientLabel ?? id;
  const rows = letters
    .map((l) => {
      const badges = [
        l.readAt === null ? `<span class="badge unread">${esc(s.unread)}</span>` : '',
        l.reply ? `<span class="badge reply">${esc(s.replyable)}</span>` : '',
      ].join(' ');
      const title = l.channel === 'nemsms' ? esc(l.title) : `<a href="${href(lang, `/postkasse/brev/${l.id}`)}">${esc(l.title)}</a>`;
      return `<tr><td>${title} ${badges}</td><td>${esc(l.senderLabel ?? l.senderId)}${l.pNumber ? `<br><span class="muted">P-nr. ${esc(l.pNumber)}</span>` : ''}</td><td>${esc(formatDate(l.deliveredAt ?? l.createdAt, lang))}</td><td>${esc(s.channels[l.channel])}</td><td>${esc(formatDate(l.replyBy, lang))}</td></tr>`;
    })
    .join('');
  const table = letters.length === 0
    ? `<p>${esc(s.noLetters)}</p>`
    : `<table><caption>${esc(s.inboxOf)} ${esc(name)}</caption><thead><tr><th scope="col">${esc(s.title)}</th><th scope="col">${esc(s.sender)}</th><th scope="col">${esc(s.date)}</th><th scope="col">${esc(s.channel)}</th><th scope="col">${esc(s.replyBy)}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const status = party ? `<p>${esc(s.status)}: ${esc(party.mailbox.publicRegistrationStatus)}${party.mailbox.exemptionReason ? ` (${esc(party.mailbox.exemptionReason)})` : ''}</p>` : '';
  return page(lang, `${s.inboxOf} ${name}`, `${status}${table}<p><a href="${href(lang, '/postkasse')}">${esc(s.back)}</a></p>`, `/postkasse/modtager/${id}`);
}
