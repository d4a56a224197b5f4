/**
 * HTML building blocks of the mailbox: escaping, the page layout (skip link, landmarks, visible
 * focus, AA contrast) and language-preserving links.
 * @module
 */
import { strings, type Lang } from './strings.js';

export function esc(value: unknown): string {
  return String(value ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A mailbox link that keeps `?lang=en`. */
export function href(lang: Lang, path: string): string {
  if (lang === 'da') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

export function formatDate(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'medium', timeStyle: 'short' });
}

const CSS = `
:root{--ink:#1a1a1a;--muted:#4a4a4a;--line:#c8c8c8;--accent:#0b4f8a;--bg:#fff;--soft:#f3f5f8;--ok:#1d5e20;--warn:#8a1c0b}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;box-shadow:0 0 0 5px var(--ink)}
.skip{position:absolute;left:-999px;top:0;background:#ffbf47;color:#000;padding:.5rem 1rem;z-index:9}.skip:focus{left:0}
header{background:var(--accent);color:#fff;padding:.75rem 1.25rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
header a{color:#fff}header nav ul{list-style:none;display:flex;gap:1.25rem;margin:0;padding:0}
main{max-width:70rem;margin:0 auto;padding:1.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border-bottom:1px solid var(--line);padding:.5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}caption{text-align:left;font-weight:600;padding:.25rem 0}
.badge{display:inline-block;border-radius:.75rem;padding:0 .6rem;font-size:.85rem;border:1px solid currentColor}
.badge.reply{color:var(--ok)}.badge.unread{color:var(--accent);font-weight:600}.badge.fail{color:var(--warn)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.meta dt{font-weight:600}
iframe.doc{width:100%;height:36rem;border:1px solid var(--line)}pre.doc{white-space:pre-wrap;background:var(--soft);padding:1rem;border:1px solid var(--line)}
.notice{border-left:4px solid var(--accent);background:var(--soft);padding:.75rem 1rem;margin:1rem 0}.notice.warn{border-color:var(--warn)}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}textarea{width:100%;min-height:10rem;font:inherit;padding:.5rem;border:2px solid var(--muted)}
button,.button{font:inherit;background:var(--accent);color:#fff;border:0;padding:.6rem 1.2rem;margin-top:1rem;cursor:pointer;text-decoration:none;display:inline-block}
.muted{color:var(--muted)}
`;

export function page(lang: Lang, title: string, body: string, currentPath = '/postkasse'): string {
  const s = strings(lang);
  const otherHref = lang === 'da' ? `${currentPath}${currentPath.includes('?') ? '&' : '?'}lang=en` : currentPath.replace(/[?&]lang=en/, '');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} · ${esc(s.appName)}</title><style>${CSS}</style></head>
<body>
<a class="skip" href="#main">${esc(s.skip)}</a>
<header><a href="${href(lang, '/postkasse')}"><strong>${esc(s.appName)}</strong></a>
<nav aria-label="${lang === 'da' ? 'Hovedmenu' : 'Main menu'}"><ul>
<li><a href="${href(lang, '/postkasse')}">${esc(s.navMailbox)}</a></li>
<li><a href="${href(lang, '/postkasse/fjernprint')}">${esc(s.navPrint)}</a></li>
<li><a href="${href(lang, '/postkasse/myndighed')}">${esc(s.navAuthorities)}</a></li>
<li><a href="${esc(otherHref || '/postkasse')}" lang="${lang === 'da' ? 'en' : 'da'}">${esc(s.otherLang)}</a></li>
</ul></nav></header>
<main id="main" tabindex="-1">
<h1>${esc(title)}</h1>
${body}
</main>
</body></html>`;
}
