/**
 * The preview document: letterhead (sender, date, case number, caseworker), title and the
 * mail body, as the gateway will render it. Shown in an iframe with `sandbox` and a CSP
 * that forbids scripts and remote content, so the body cannot run or fetch anything.
 * @module
 */
import type { Messages } from '../i18n/Messages.js';

export interface PreviewInput {
  readonly senderLabel: string;
  readonly caseworker: string;
  readonly caseId: string;
  readonly title: string;
  readonly bodyHtml: string;
  readonly date: Date;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function letterPreviewHtml(p: PreviewInput, m: Messages): string {
  const date = p.date.toLocaleDateString(m.lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const row = (k: string, v: string): string => (v ? `<div><dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd></div>` : '');
  return `<!doctype html><html lang="${m.lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<style>
body{font-family:"Segoe UI",system-ui,sans-serif;font-size:13px;color:#242424;margin:16px;background:#fff}
header{display:flex;justify-content:space-between;gap:12px;border-bottom:2px solid #0f6cbd;padding-bottom:8px;margin-bottom:16px}
.sender{font-weight:600;font-size:15px}
dl{margin:0;font-size:12px}dl div{display:flex;gap:6px;justify-content:flex-end}dt{color:#616161}dd{margin:0}
h1{font-size:18px;margin:0 0 12px}
img{max-width:100%}
</style></head><body>
<header><div class="sender">${escapeHtml(p.senderLabel)}</div><dl>${row(m.letterheadDate, date)}${row(m.letterheadCase, p.caseId)}${row(m.letterheadCaseworker, p.caseworker)}</dl></header>
<h1>${escapeHtml(p.title)}</h1>
<main>${p.bodyHtml}</main>
</body></html>`;
}
