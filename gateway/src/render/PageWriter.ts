/**
 * Lays text out on A4 pages: wraps runs into lines within the content width, moves to a new
 * page when the next line (or image, or table row) does not fit, and records what to draw.
 * Pure (fonts are given as width functions), so the layout is testable without a PDF.
 * @module
 */
import type { TextRun } from './sanitizeHtml.js';

export type FontKey = 'regular' | 'bold' | 'italic' | 'boldItalic';

export type DrawOp =
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly font: FontKey; readonly size: number; readonly underline?: boolean }
  | { readonly kind: 'line'; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number; readonly width: number }
  | { readonly kind: 'image'; readonly contentId: string; readonly x: number; readonly y: number; readonly width: number; readonly height: number };

export interface FontMetrics {
  /** Width of `text` in points. */
  width(text: string, font: FontKey, size: number): number;
}

/** A4 in points, and the margins of the letter. */
export const PAGE = Object.freeze({ width: 595.28, height: 841.89, left: 64, right: 64, top: 64, bottom: 72 });
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

interface Piece { readonly text: string; readonly font: FontKey; readonly underline: boolean }

export function fontOf(run: TextRun): FontKey {
  return run.bold ? (run.italic ? 'boldItalic' : 'bold') : run.italic ? 'italic' : 'regular';
}

/** Splits runs into words (keeping the space after each) and forced line breaks. */
function pieces(runs: readonly TextRun[], bold: boolean): (Piece | 'break')[] {
  const out: (Piece | 'break')[] = [];
  for (const run of runs) {
    const font = fontOf(bold ? { ...run, bold: true } : run);
    for (const part of run.text.split(/(\n)/)) {
      if (part === '\n') out.push('break');
      else for (const word of part.match(/[^ ]+ *| +/g) ?? []) out.push({ text: word, font, underline: run.underline === true });
    }
  }
  return out;
}

export class PageWriter {
  readonly pages: DrawOp[][] = [[]];
  /** Baseline cursor on the current page. */
  y = PAGE.height - PAGE.top;
  /** Called when a page is added (continuation header). */
  onNewPage: ((writer: PageWriter) => void) | undefined;

  constructor(private readonly metrics: FontMetrics) {}

  get ops(): DrawOp[] {
    return this.pages[this.pages.length - 1] as DrawOp[];
  }

  /** Makes room for `height` points, starting a new page when needed. */
  ensure(height: number): void {
    if (this.y - height >= PAGE.bottom) return;
    this.pages.push([]);
    this.y = PAGE.height - PAGE.top;
    this.onNewPage?.(this);
  }

  draw(op: DrawOp): void {
    this.ops.push(op);
  }

  /** Wraps runs into lines of at most `width` points from `x`; returns the lines as text. */
  wrap(runs: readonly TextRun[], o: { readonly x: number; readonly width: number; readonly size: number; readonly bold?: boolean; readonly lineGap?: number }): string[] {
    const lineHeight = o.size * (o.lineGap ?? 1.35);
    const lines: Piece[][] = [[]];
    let used = 0;
    for (const p of pieces(runs, o.bold === true)) {
      if (p === 'break') {
        lines.push([]);
        used = 0;
        continue;
      }
      for (const part of this.#fit(p, o.width, o.size)) {
        const w = this.metrics.width(part.text.trimEnd(), part.font, o.size);
        const current = lines[lines.length - 1] as Piece[];
        if (used + w > o.width && current.length > 0) {
          lines.push([]);
          used = 0;
        }
        if (used === 0 && part.text.trim() === '') continue;
        (lines[lines.length - 1] as Piece[]).push(part);
        used += this.metrics.width(part.text, part.font, o.size);
      }
    }
    return lines.map((line) => {
      this.ensure(lineHeight);
      this.y -= lineHeight;
      this.#drawLine(line, o.x, o.size);
      return line.map((p) => p.text).join('').trimEnd();
    });
  }

  /** A word longer than the line is cut into pieces that fit. */
  #fit(p: Piece, width: number, size: number): Piece[] {
    if (this.metrics.width(p.text.trimEnd(), p.font, size) <= width) return [p];
    const out: Piece[] = [];
    let current = '';
    for (const ch of p.text) {
      if (current !== '' && this.metrics.width(current + ch, p.font, size) > width) {
        out.push({ ...p, text: current });
        current = '';
      }
      current += ch;
    }
    if (current !== '') out.push({ ...p, text: current });
    return out;
  }

  /** Draws a line as segments of equal font, so each op is readable text. */
  #drawLine(line: readonly Piece[], x0: number, size: number): void {
    let x = x0;
    let i = 0;
    while (i < line.length) {
      const first = line[i] as Piece;
      let text = '';
      while (i < line.length && (line[i] as Piece).font === first.font && (line[i] as Piece).underline === first.underline) text += (line[i++] as Piece).text;
      const shown = i === line.length ? text.trimEnd() : text;
      if (shown !== '') this.draw({ kind: 'text', x, y: this.y, text: shown, font: first.font, size, ...(first.underline ? { underline: true } : {}) });
      x += this.metrics.width(text, first.font, size);
    }
  }
}
