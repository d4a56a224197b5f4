/**
 * Routes of the web mailbox (postkasse): recipient picker, inbox, letter, files, calendar
 * entries, reply form, fjernprint tray and authority views.
 * @module
 */
import { htmlResult, redirectResult, type HttpResult } from '../http/HttpResult.js';
import { readBody } from '../http/readBody.js';
import { parseMultipart } from '../http/multipart.js';
import type { RequestContext, Router } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';
import { esc, href, page } from './html.js';
import { strings, type Lang } from './strings.js';
import { documents, fileBytes, isInlineType, loadMessage, reservationIcs } from './letterContent.js';
import { markRead } from './markRead.js';
import { createReply } from './createReply.js';
import { replyEligibility } from './replyEligibility.js';
import { inboxPage, pickerPage } from './pages/recipientPages.js';
import { letterPage } from './pages/letterPage.js';
import { replyPage } from './pages/replyPage.js';
import { printTrayPage } from './pages/printTrayPage.js';
import { authorityListPage, authorityPage } from './pages/authorityPages.js';

const MAX_REPLY_BYTES = 12 * 1024 * 1024;

function langOf(rc: RequestContext): Lang {
  return rc.url.searchParams.get('lang') === 'en' ? 'en' : 'da';
}

function notFound(lang: Lang): HttpResult {
  const s = strings(lang);
  return htmlResult(404, page(lang, s.notFound, `<p><a href="${href(lang, '/postkasse')}">${esc(s.back)}</a></p>`));
}

function fileResult(bytes: Buffer, type: string, filename: string, download: boolean): HttpResult {
  const inline = !download && isInlineType(type);
  const safeName = filename.replace(/[^\w.\-æøåÆØÅ ]/g, '_');
  return {
    status: 200,
    headers: {
      'content-type': inline ? type : 'application/octet-stream',
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${safeName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(safeName)}`,
      'x-content-type-options': 'nosniff',
    },
    body: bytes,
  };
}

export function registerMailboxRoutes(router: Router, ctx: SandboxContext): void {
  const letterOf = (rc: RequestContext) => {
    const letter = ctx.store.letter(rc.params['id'] ?? '');
    const message = letter ? loadMessage(letter.memoXml) : null;
    return letter && message ? { letter, message } : null;
  };
  router
    .add('GET', '/', () => redirectResult('/postkasse'))
    .add('GET', '/mailbox', () => redirectResult('/postkasse?lang=en'))
    .add('GET', '/postkasse', (rc) => htmlResult(200, pickerPage(ctx, langOf(rc))))
    .add('GET', '/postkasse/modtager/:id', (rc) => {
      const html = inboxPage(ctx, langOf(rc), rc.params['id'] ?? '');
      return html ? htmlResult(200, html) : notFound(langOf(rc));
    })
    .add('GET', '/postkasse/brev/:id', (rc) => {
      const found = letterOf(rc);
      if (!found) return notFound(langOf(rc));
      const letter = markRead(ctx, found.letter);
      const sent = rc.url.searchParams.get('svar');
      const sentTo = sent ? (ctx.world.contactPoint(letter.contactPointId ?? '')?.contactPoint.name ?? sent) : null;
      return htmlResult(200, letterPage(ctx, langOf(rc), letter, found.message, sentTo));
    })
    .add('GET', '/postkasse/brev/:id/fil/:doc/:n', (rc) => {
      const found = letterOf(rc);
      const doc = found ? documents(found.message).find((d) => d.key === rc.params['doc']) : undefined;
      const file = doc?.files[Number(rc.params['n'])];
      const bytes = file ? fileBytes(file) : null;
      if (!file || !bytes) return notFound(langOf(rc));
      return fileResult(bytes, file.encodingFormat, file.filename, rc.url.searchParams.has('download'));
    })
    .add('GET', '/postkasse/brev/:id/kalender/:doc/:ics', (rc) => {
      const found = letterOf(rc);
      const doc = found ? documents(found.message).find((d) => d.key === rc.params['doc']) : undefined;
      const action = doc?.actions[Number.parseInt(rc.params['ics'] ?? '', 10)];
      const ics = action ? reservationIcs(action) : null;
      if (!ics) return notFound(langOf(rc));
      return { status: 200, headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="aftale.ics"' }, body: ics };
    })
    .add('GET', '/postkasse/brev/:id/svar', (rc) => {
      const found = letterOf(rc);
      if (!found) return notFound(langOf(rc));
      const e = replyEligibility(ctx, found.letter);
      if (!e.ok) return redirectResult(href(langOf(rc), `/postkasse/brev/${found.letter.id}`));
      return htmlResult(200, replyPage(langOf(rc), found.letter, null, e.contactPoint.name));
    })
    .add('POST', '/postkasse/brev/:id/svar', async (rc) => submitReply(ctx, rc))
    .add('GET', '/postkasse/fjernprint', (rc) => htmlResult(200, printTrayPage(ctx, langOf(rc))))
    .add('GET', '/postkasse/fjernprint/:file', (rc) => {
      const letter = ctx.store.letter((rc.params['file'] ?? '').replace(/\.pdf$/, ''));
      if (!letter?.printPdfBase64) return notFound(langOf(rc));
      return fileResult(Buffer.from(letter.printPdfBase64, 'base64'), 'application/pdf', `fjernprint-${letter.id}.pdf`, false);
    })
    .add('GET', '/postkasse/myndighed', (rc) => htmlResult(200, authorityListPage(ctx, langOf(rc))))
    .add('GET', '/postkasse/myndighed/:cvr', (rc) => {
      const html = authorityPage(ctx, langOf(rc), rc.params['cvr'] ?? '');
      return html ? htmlResult(200, html) : notFound(langOf(rc));
    });
}

async function submitReply(ctx: SandboxContext, rc: RequestContext): Promise<HttpResult> {
  const lang = langOf(rc);
  const letter = ctx.store.letter(rc.params['id'] ?? '');
  if (!letter) return notFound(lang);
  const type = rc.header('content-type') ?? '';
  const body = await readBody(rc.req, MAX_REPLY_BYTES);
  let text = '';
  let attachment: { filename: string; contentType: string; bytes: Uint8Array } | undefined;
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    const parts = parseMultipart(body, type) ?? [];
    text = parts.find((p) => p.name === 'text')?.data.toString('utf8') ?? '';
    const file = parts.find((p) => p.name === 'file' && p.filename);
    if (file && file.data.length > 0) attachment = { filename: file.filename!, contentType: file.contentType ?? 'application/octet-stream', bytes: file.data };
  } else {
    text = new URLSearchParams(body.toString('utf8')).get('text') ?? '';
  }
  const result = createReply(ctx, letter.id, { text, ...(attachment ? { attachment } : {}) });
  if (result.ok) return redirectResult(href(lang, `/postkasse/brev/${letter.id}?svar=${result.inbound.id}`));
  const e = replyEligibility(ctx, letter);
  const s = strings(lang);
  const message = result.reason === 'empty-reply' ? s.errorEmpty : result.reason in s.reasons ? s.reasons[result.reason as keyof typeof s.reasons] : result.message;
  return htmlResult(400, replyPage(lang, letter, message, e.ok ? e.contactPoint.name : ''));
}
