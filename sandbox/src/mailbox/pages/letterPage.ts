/**
 * One letter: metadata, the main document inline (PDF in a frame, text as text), attachments,
 * actions (links, calendar reservations) and the reply section (or why there is none).
 * @module
 */
import { maskCpr, type Action, type MemoMessage } from '@postbud/sdk';
import type { SandboxContext } from '../../SandboxContext.js';
import type { LetterRecord } from '../../store/records.js';
import { esc, formatDate, href, page } from '../html.js';
import { strings, type Lang } from '../strings.js';
import { documents, fileBytes, type DocumentView } from '../letterContent.js';
import { replyEligibility } from '../replyEligibility.js';

function fileUrl(letterId: string, doc: string, n: number): string {
  return `/postkasse/brev/${letterId}/fil/${doc}/${n}`;
}

function mainDocumentHtml(lang: Lang, letter: LetterRecord, doc: DocumentView): string {
  return doc.files
    .map((f, n) => {
      const url = fileUrl(letter.id, doc.key, n);
      const type = f.encodingFormat.toLowerCase();
      if (type === 'application/pdf') return `<iframe class="doc" src="${esc(url)}" title="${esc(f.filename)}"></iframe><p><a href="${esc(url)}?download=1">${esc(strings(lang).download)} ${esc(f.filename)}</a></p>`;
      if (type.startsWith('text/plain')) return `<pre class="doc">${esc(fileBytes(f)?.toString('utf8') ?? '')}</pre>`;
      return `<p><a href="${esc(url)}?download=1">${esc(strings(lang).download)} ${esc(f.filename)}</a> <span class="muted">(${esc(f.encodingFormat)})</span></p>`;
    })
    .join('');
}

function actionsHtml(lang: Lang, letter: LetterRecord, docs: readonly DocumentView[]): string {
  const s = strings(lang);
  const items = docs.flatMap((d) =>
    d.actions.map((a: Action, i: number) => {
      if (a.EntryPoint) return `<li><a href="${esc(a.EntryPoint.url)}" rel="noopener noreferrer">${esc(a.label)}</a> <span class="muted">(${esc(a.actionCode)})</span></li>`;
      if (a.Reservation) {
        const r = a.Reservation;
        return `<li>${esc(a.label)}: ${esc(r.abstract)}, ${esc(formatDate(r.startDateTime, lang))}–${esc(formatDate(r.endDateTime, lang))}, ${esc(r.location)}. <a href="${href(lang, `/postkasse/brev/${letter.id}/kalender/${d.key}/${i}.ics`)}">${esc(s.addToCalendar)}</a></li>`;
      }
      return `<li>${esc(a.label)} <span class="muted">(${esc(a.actionCode)})</span></li>`;
    }),
  );
  return items.length === 0 ? '' : `<h2>${esc(s.actions)}</h2><ul>${items.join('')}</ul>`;
}

function metadataHtml(lang: Lang, letter: LetterRecord, m: MemoMessage): string {
  const s = strings(lang);
  const h = m.MessageHeader;
  const rows: [string, string | undefined][] = [
    [s.sender, `${h.Sender.label} (${h.Sender.idType} ${h.Sender.senderID})`],
    [s.recipient, `${h.Recipient.label ?? ''} (${h.Recipient.idType} ${h.Recipient.idType === 'CPR' ? maskCpr(h.Recipient.recipientID) : h.Recipient.recipientID})`],
    [s.date, formatDate(letter.deliveredAt ?? letter.createdAt, lang)],
    [s.channel, s.channels[letter.channel]],
    ['messageUUID', h.messageUUID],
    ['messageID', h.messageID],
    [s.contactPoint, h.Sender.ContactPoint ? `${h.Sender.ContactPoint.label ?? ''} ${h.Sender.ContactPoint.contactPointID}` : undefined],
    [lang === 'da' ? 'Sagsnummer' : 'Case id', h.ContentData?.CaseID ? `${h.ContentData.CaseID.caseID} (${h.ContentData.CaseID.caseSystem})` : undefined],
    ['KLE', h.ContentData?.KLEdata ? `${h.ContentData.KLEdata.subjectKey} ${h.ContentData.KLEdata.label}` : undefined],
    [s.replyBy, h.replyByDateTime ? formatDate(h.replyByDateTime, lang) : undefined],
    ['MeMo', m.memoVersion],
  ];
  return `<h2>${esc(s.metadata)}</h2><dl class="meta">${rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

export function letterPage(ctx: SandboxContext, lang: Lang, letter: LetterRecord, m: MemoMessage, sentReplyTo: string | null): string {
  const s = strings(lang);
  const docs = documents(m);
  const main = docs[0];
  const attachments = docs.slice(1).flatMap((d) => d.files.map((f, n) => `<li><a href="${esc(fileUrl(letter.id, d.key, n))}?download=1">${esc(d.label ?? f.filename)}: ${esc(f.filename)}</a> <span class="muted">(${esc(f.encodingFormat)})</span></li>`));
  const eligibility = replyEligibility(ctx, letter);
  const replyHtml = sentReplyTo !== null
    ? `<div class="notice" role="status">${esc(s.replySent)} ${esc(sentReplyTo)}.</div>`
    : eligibility.ok
      ? `<p><a class="button" href="${href(lang, `/postkasse/brev/${letter.id}/svar`)}">${esc(s.writeReply)}</a></p>`
      : `<div class="notice warn"><strong>${esc(s.cannotReply)}:</strong> ${esc(s.reasons[eligibility.reason])}</div>`;
  const body = `
${letter.reply ? `<p><span class="badge reply">${esc(s.replyable)}</span>${letter.replyBy ? ` ${esc(s.replyBy)}: ${esc(formatDate(letter.replyBy, lang))}` : ''}</p>` : ''}
<section aria-labelledby="doc-h"><h2 id="doc-h">${esc(s.mainDocument)}${main?.label ? `: ${esc(main.label)}` : ''}</h2>${main ? mainDocumentHtml(lang, letter, main) : ''}</section>
${attachments.length > 0 ? `<h2>${esc(s.attachments)}</h2><ul>${attachments.join('')}</ul>` : ''}
${actionsHtml(lang, letter, docs)}
<h2>${esc(s.reply)}</h2>${replyHtml}
${metadataHtml(lang, letter, m)}
<p><a href="${href(lang, `/postkasse/modtager/${letter.recipientId ?? ''}`)}">${esc(s.back)}</a></p>`;
  return page(lang, letter.title ?? s.letter, body, `/postkasse/brev/${letter.id}`);
}
