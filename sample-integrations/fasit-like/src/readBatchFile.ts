/**
 * Reads a Fasit batch file: CSV (`;` or `,` separated, header row, quotes allowed) or JSON
 * (an array of rows, or `{ "letters": [...] }`). Each row names the recipient, the case, the
 * title, the PDF (relative to the batch file) and the postal address used when the recipient
 * cannot receive Digital Post. Bad rows are reported with what to fix; they never stop the batch.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkCpr, maskCpr } from '@postbud/sdk';

export interface BatchRow {
  /** 1-based row number in the file (the header is row 0). */
  readonly row: number;
  readonly cpr: string;
  readonly name: string;
  readonly caseId: string;
  readonly title: string;
  /** Absolute path of the PDF. */
  readonly pdf: string;
  readonly address?: { readonly street: string; readonly building: string; readonly postCode: string; readonly city: string };
}

export interface RowError {
  readonly row: number;
  readonly error: string;
  readonly caseId?: string;
}

export interface BatchFile {
  readonly rows: readonly BatchRow[];
  readonly errors: readonly RowError[];
}

const COLUMNS = ['cpr', 'name', 'caseId', 'title', 'pdf'] as const;

function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

function parseCsv(text: string): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = lines[0] ?? '';
  const sep = (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ';' : ',';
  const names = splitCsvLine(header, sep);
  return lines.slice(1).map((l) => Object.fromEntries(splitCsvLine(l, sep).map((v, i) => [names[i] ?? `col${i}`, v])));
}

function parseJson(text: string): Record<string, string>[] {
  const data = JSON.parse(text) as unknown;
  const list = Array.isArray(data) ? data : (data as { letters?: unknown }).letters;
  if (!Array.isArray(list)) throw new Error('A JSON batch is an array of letters or { "letters": [...] }.');
  return list.map((o) => Object.fromEntries(Object.entries(o as Record<string, unknown>).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])));
}

function toRow(raw: Record<string, string>, row: number, dir: string): BatchRow | RowError {
  const missing = COLUMNS.filter((c) => (raw[c] ?? '') === '');
  const caseId = raw['caseId'] || undefined;
  const fail = (error: string): RowError => ({ row, error, ...(caseId ? { caseId } : {}) });
  if (missing.length > 0) return fail(`Row ${row}: fill in ${missing.join(', ')}.`);
  const cpr = checkCpr(raw['cpr'] ?? '');
  if (!cpr.ok) return fail(`Row ${row}: the CPR number ${maskCpr(raw['cpr'] ?? '')} is not valid (${cpr.reason}).`);
  if ((raw['title'] ?? '').length > 256) return fail(`Row ${row}: the title is longer than 256 characters; shorten it.`);
  const pdf = path.resolve(dir, raw['pdf'] ?? '');
  if (!existsSync(pdf)) return fail(`Row ${row}: the PDF ${raw['pdf'] ?? ''} does not exist next to the batch file.`);
  const hasAddress = ['street', 'building', 'postCode', 'city'].every((k) => (raw[k] ?? '') !== '');
  if (hasAddress && !/^\d{4}$/.test(raw['postCode'] ?? '')) return fail(`Row ${row}: postCode must be four digits.`);
  return {
    row, cpr: cpr.value, name: raw['name'] ?? '', caseId: raw['caseId'] ?? '', title: raw['title'] ?? '', pdf,
    ...(hasAddress ? { address: { street: raw['street'] ?? '', building: raw['building'] ?? '', postCode: raw['postCode'] ?? '', city: raw['city'] ?? '' } } : {}),
  };
}

export function readBatchFile(file: string): BatchFile {
  const text = readFileSync(file, 'utf8');
  const raws = file.toLowerCase().endsWith('.json') ? parseJson(text) : parseCsv(text);
  const rows: BatchRow[] = [];
  const errors: RowError[] = [];
  raws.forEach((raw, i) => {
    const r = toRow(raw, i + 1, path.dirname(file));
    if ('error' in r) errors.push(r);
    else rows.push(r);
  });
  return { rows, errors };
}
