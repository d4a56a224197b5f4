/**
 * The reply form: a labelled text area and an optional file, posted as multipart/form-data.
 * @module
 */
import type { LetterRecord } from '../../store/records.js';
import { esc, href, page } from '../html.js';
import { strings, type Lang } from '../strings.js';

export function replyPage(lang: Lang, letter: LetterRecord, error: string | null, contactPointName: string): string {
  const s = strings(lang);
  const body = `
<p>${esc(s.reply)} → ${esc(letter.senderLabel ?? letter.senderId)}, ${esc(contactPointName)}</p>
${error ? `<div class="notice warn" role="alert" id="reply-error">${esc(error)}</div>` : ''}
<form method="post" action="${href(lang, `/postkasse/brev/${letter.id}/svar`)}" enctype="multipart/form-data">
<label for="reply-text">${esc(s.replyText)}</label>
<textarea id="reply-text" name="text" ${error ? 'aria-describedby="reply-error" aria-invalid="true"' : ''}></textarea>
<label for="reply-file">${esc(s.replyFile)}</label>
<input id="reply-file" name="file" type="file">
<div><button type="submit">${esc(s.sendReply)}</button></div>
</form>
<p><a href="${href(lang, `/postkasse/brev/${letter.id}`)}">${esc(s.back)}</a></p>`;
  return page(lang, `${s.writeReply}: ${letter.title ?? ''}`, body, `/postkasse/brev/${letter.id}/svar`);
}
