/**
 * The fjernprint tray: letters that went (or will go) out as physical post.
 * @module
 */
import { maskCpr } from '@postbud/sdk';
import type { SandboxContext } from '../../SandboxContext.js';
import { readForsendelseI } from '../../sf1601/forsendelseI.js';
import { esc, formatDate, page } from '../html.js';
import { strings, type Lang } from '../strings.js';

export function printTrayPage(ctx: SandboxContext, lang: Lang): string {
  const s = strings(lang);
  const letters = ctx.store.letters({ channel: 'physical' }).filter((l) => l.status !== 'refused');
  const rows = letters.map((l) => {
    const f = l.forsendelseXml ? readForsendelseI(l.forsendelseXml) : null;
    const who = f?.personName ?? l.recipientLabel ?? (l.recipientId ? maskCpr(l.recipientId) : '');
    const pdf = l.printPdfBase64 ? `<a href="/postkasse/fjernprint/${l.id}.pdf">PDF</a>` : '';
    return `<tr><td>${esc(l.title ?? f?.title ?? '')}</td><td>${esc(who)}<br><span class="muted">${esc(f?.addressLines.join(', ') ?? '')}</span></td><td>${esc(l.senderLabel ?? l.authorityCvr ?? '')}</td><td>${esc(formatDate(l.createdAt, lang))}</td><td>${esc(l.status)}</td><td>${pdf}</td></tr>`;
  });
  const table = rows.length === 0 ? `<p>${esc(s.noLetters)}</p>` : `<table><thead><tr><th scope="col">${esc(s.title)}</th><th scope="col">${esc(s.recipient)}</th><th scope="col">${esc(s.sender)}</th><th scope="col">${esc(s.date)}</th><th scope="col">${esc(s.status)}</th><th scope="col">${lang === 'da' ? 'Dokument' : 'Document'}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  return page(lang, s.printTray, `<p>${esc(s.printIntro)}</p>${table}`, '/postkasse/fjernprint');
}
