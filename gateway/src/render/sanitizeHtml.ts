/**
 * Reads a mail body (HTML from Outlook or a sender system) into a small, safe text model:
 * only an allow-list of elements survives (paragraphs, line breaks, bold/italic/underline,
 * lists, headings h1–h3, links as text + URL, simple tables, `cid:` images). Scripts,
 * styles, event handlers and every other element are dropped; their text stays only where
 * it is ordinary content (never for script, style and similar containers).
 * @module
 */
import { decodeEntities } from './decodeEntities.js';

export interface TextRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

export type BlockStyle = 'p' | 'h1' | 'h2' | 'h3';

export type BodyBlock =
  | { readonly kind: 'paragraph'; readonly style: BlockStyle; readonly runs: readonly TextRun[]; readonly indent: number; readonly bullet?: string }
  | { readonly kind: 'table'; readonly rows: readonly (readonly (readonly TextRun[])[])[] }
  | { readonly kind: 'image'; readonly contentId: string };

/** Elements whose content is never text for the reader. */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'xml', 'frameset', 'frame', 'applet', 'canvas', 'audio', 'video', 'select', 'textarea', 'button']);
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'address', 'center']);
const VOID = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source', 'track', 'param']);

interface Format { bold: number; italic: number; underline: number }
interface ListFrame { readonly ordered: boolean; counter: number }

/** Builds blocks from a stream of tags and text. */
class BlockBuilder {
  readonly blocks: BodyBlock[] = [];
  readonly #format: Format = { bold: 0, italic: 0, underline: 0 };
  readonly #lists: ListFrame[] = [];
  #runs: TextRun[] = [];
  #style: BlockStyle = 'p';
  #bullet: string | undefined;
  #links: (string | undefined)[] = [];
  #table: TextRun[][][] | undefined;
  #row: TextRun[][] | undefined;
  #cell: TextRun[] | undefined;

  text(raw: string): void {
    // Collapse markup whitespace (as a browser does); a non-breaking space is an ordinary space on paper.
    const text = decodeEntities(raw.replace(/[ \t\r\n\f]+/g, ' ')).replace(/\u00a0/g, ' ');
    if (text === '') return;
    const f = this.#format;
    const run: TextRun = { text, ...(f.bold > 0 ? { bold: true } : {}), ...(f.italic > 0 ? { italic: true } : {}), ...(f.underline > 0 ? { underline: true } : {}) };
    (this.#cell ?? this.#runs).push(run);
  }

  open(tag: string, attrs: ReadonlyMap<string, string>): void {
    if (tag === 'b' || tag === 'strong') this.#format.bold += 1;
    else if (tag === 'i' || tag === 'em') this.#format.italic += 1;
    else if (tag === 'u') this.#format.underline += 1;
    else if (tag === 'br') this.#lineBreak();
    else if (tag === 'a') this.#links.push(safeUrl(attrs.get('href')));
    else if (tag === 'ul' || tag === 'ol') {
      this.flush();
      this.#lists.push({ ordered: tag === 'ol', counter: 0 });
    } else if (tag === 'img') this.#image(attrs.get('src'));
    else if (tag === 'table') {
      this.flush();
      this.#table = [];
    } else if (tag === 'tr' && this.#table) this.#row = [];
    else if ((tag === 'td' || tag === 'th') && this.#row) {
      this.#cell = [];
      if (tag === 'th') this.#format.bold += 1;
    } else if (BLOCKS.has(tag)) this.#startBlock(tag);
  }

  close(tag: string): void {
    if (tag === 'b' || tag === 'strong') this.#format.bold = Math.max(0, this.#format.bold - 1);
    else if (tag === 'i' || tag === 'em') this.#format.italic = Math.max(0, this.#format.italic - 1);
    else if (tag === 'u') this.#format.underline = Math.max(0, this.#format.underline - 1);
    else if (tag === 'a') this.#closeLink();
    else if (tag === 'ul' || tag === 'ol') {
      this.flush();
      this.#lists.pop();
    } else if ((tag === 'td' || tag === 'th') && this.#cell) {
      if (tag === 'th') this.#format.bold = Math.max(0, this.#format.bold - 1);
      this.#row?.push(trimRuns(this.#cell));
      this.#cell = undefined;
    } else if (tag === 'tr' && this.#row) {
      if (this.#row.length > 0) this.#table?.push(this.#row);
      this.#row = undefined;
    } else if (tag === 'table' && this.#table) {
      if (this.#table.length > 0) this.blocks.push({ kind: 'table', rows: this.#table });
      this.#table = undefined;
    } else if (BLOCKS.has(tag)) this.flush();
  }

  /** Ends the current paragraph. */
  flush(): void {
    const runs = trimRuns(this.#runs);
    if (runs.length > 0) {
      this.blocks.push({ kind: 'paragraph', style: this.#style, runs, indent: this.#lists.length, ...(this.#bullet ? { bullet: this.#bullet } : {}) });
    }
    this.#runs = [];
    this.#style = 'p';
    this.#bullet = undefined;
  }

  #startBlock(tag: string): void {
    if (this.#cell) return; // block elements inside a table cell stay in the cell
    this.flush();
    if (tag === 'h1' || tag === 'h2' || tag === 'h3') this.#style = tag;
    else if (tag === 'h4' || tag === 'h5' || tag === 'h6') this.#style = 'h3';
    if (tag === 'li') {
      const list = this.#lists[this.#lists.length - 1];
      if (list) list.counter += 1;
      this.#bullet = list?.ordered ? `${list.counter}.` : '•';
    }
  }

  #lineBreak(): void {
    (this.#cell ?? this.#runs).push({ text: '\n' });
  }

  #closeLink(): void {
    const href = this.#links.pop();
    if (href === undefined) return;
    const target = this.#cell ?? this.#runs;
    const shown = target.map((r) => r.text).join('');
    // The reader of a printed or PDF letter cannot click: show where the link goes.
    if (!shown.includes(href.replace(/^mailto:/, ''))) target.push({ text: ` (${href.replace(/^mailto:/, '')})` });
  }

  #image(src: string | undefined): void {
    const m = /^cid:(.+)$/i.exec(src?.trim() ?? '');
    if (m === null || this.#table) return;
    this.flush();
    this.blocks.push({ kind: 'image', contentId: (m[1] as string).replace(/^<|>$/g, '') });
  }
}

function safeUrl(href: string | undefined): string | undefined {
  const url = decodeEntities(href ?? '').trim();
  return /^(https?:|mailto:)/i.test(url) ? url : undefined;
}

/** Drops leading/trailing blanks of a paragraph and empty runs. */
function trimRuns(runs: readonly TextRun[]): TextRun[] {
  const out = runs.filter((r) => r.text !== '');
  while (out.length > 0 && /^[ \n]*$/.test(out[0]?.text ?? '')) out.shift();
  while (out.length > 0 && /^ *$/.test(out[out.length - 1]?.text ?? '')) out.pop();
  const first = out[0];
  if (first) out[0] = { ...first, text: first.text.replace(/^ +/, '') };
  const last = out[out.length - 1];
  if (last) out[out.length - 1] = { ...last, text: last.text.replace(/ +$/, '') };
  return out;
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>|<\?[^>]*>|<\/?([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTR = /([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function attributes(raw: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of raw.matchAll(ATTR)) {
    const name = (m[1] as string).toLowerCase();
    // Only what the text model needs; on* handlers, style and the rest are never read.
    if (name === 'href' || name === 'src') map.set(name, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return map;
}

/** Parses a mail body into blocks. Never throws: unreadable markup degrades to text. */
export function sanitizeHtml(html: string): readonly BodyBlock[] {
  const b = new BlockBuilder();
  let dropping: string | undefined;
  let last = 0;
  for (const m of html.matchAll(TOKEN)) {
    const tag = m[1]?.toLowerCase();
    if (dropping === undefined && m.index > last) b.text(html.slice(last, m.index));
    last = m.index + m[0].length;
    if (tag === undefined) continue; // comment, doctype, CDATA, processing instruction
    const closing = m[0].startsWith('</');
    if (dropping !== undefined) {
      if (closing && tag === dropping) dropping = undefined;
      continue;
    }
    if (DROP_WITH_CONTENT.has(tag)) {
      if (!closing && !m[0].endsWith('/>')) dropping = tag;
      continue;
    }
    if (closing) b.close(tag);
    else {
      b.open(tag, attributes(m[2] ?? ''));
      if (m[0].endsWith('/>') && !VOID.has(tag)) b.close(tag);
    }
  }
  if (dropping === undefined && last < html.length) b.text(html.slice(last));
  b.flush();
  return b.blocks;
}
