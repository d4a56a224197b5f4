/**
 * Hostile input against the SDK: every corpus item (and big ones made here) gives a typed
 * PostbudError or validation issues, never a crash or an untyped exception, and a filename that
 * gets through is made safe.
 */
import { expect, test } from '@jest/globals';
import { createMemoMessage, isPostbudError, parseCpr, parseCvr, parsePNumber, parseMemo, validateMemo, validateMemoXml, writeMemo } from '@postbud/sdk';
import { content, corpus } from './support/corpus.js';

function outcome(run: () => unknown): string {
  try {
    const r = run();
    return Array.isArray(r) && r.length > 0 ? 'issues' : 'ok';
  } catch (error) {
    return isPostbudError(error) ? `error:${error.code}` : `UNTYPED:${String(error).slice(0, 120)}`;
  }
}

test('the corpus has at least 300 items', () => {
  expect(corpus().length).toBeGreaterThanOrEqual(300);
});

test('hostile MeMo XML: parseMemo and validateMemoXml give a typed error or issues, never accept or crash', () => {
  const bad: string[] = [];
  for (const item of corpus('memo-xml')) {
    const xml = content(item);
    for (const [name, run] of [['validateMemoXml', () => validateMemoXml(xml)], ['parseMemo', () => { const p = parseMemo(xml); return [...p.issues, ...validateMemo(p.message)]; }]] as const) {
      const o = outcome(run);
      if (o === 'ok' || o.startsWith('UNTYPED')) bad.push(`${item.file} ${name}: ${o}`);
    }
  }
  expect(bad).toEqual([]);
});

test('oversized and deeply nested XML (made here) is refused with a typed error', () => {
  const deep = `<memo:Message xmlns:memo="urn:ogdp:memo:1.1.0">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</memo:Message>`;
  const wide = `<memo:Message xmlns:memo="urn:ogdp:memo:1.1.0" ${Array.from({ length: 20_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`;
  const huge = `<memo:Message xmlns:memo="urn:ogdp:memo:1.1.0"><memo:MessageHeader><memo:label>${'x'.repeat(200 * 1024 * 1024)}</memo:label></memo:MessageHeader></memo:Message>`;
  for (const xml of [deep, wide, huge]) {
    const o = outcome(() => validateMemoXml(xml));
    expect(o === 'issues' || o.startsWith('error:')).toBe(true);
  }
});

test('invalid and edge-case CPR, CVR and P-numbers are refused with their own error code', () => {
  const parse: Record<string, (v: string) => unknown> = { CPR_INVALID: parseCpr, CVR_INVALID: parseCvr, P_NUMBER_INVALID: parsePNumber };
  const bad: string[] = [];
  for (const item of corpus('identifiers')) {
    const o = outcome(() => parse[item.expect]?.(content(item)));
    if (o === `error:${item.expect}`) continue;
    // Edge cases the SDK normalises on purpose (surrounding white space, a DK prefix, spaces in a
    // CVR): accepted only when the result is the canonical digits of a valid number.
    const value = o === 'ok' ? String(parse[item.expect]?.(content(item))) : '';
    if (o === 'ok' && /^\d{8}(\d{2})?$/.test(value) && content(item).replace(/\D/g, '') === value) continue;
    bad.push(`${item.file}: ${o} ${JSON.stringify(value)}`);
  }
  expect(bad).toEqual([]);
});

function unsafeFilenames(items: readonly ReturnType<typeof corpus>[number][]): string[] {
  const bad: string[] = [];
  for (const item of items) {
    const f = JSON.parse(content(item)) as { filename: string; contentType: string; base64: string };
    const o = outcome(() => {
      const message = createMemoMessage({
        title: 'Brev', sender: { id: '29999902', label: 'Solbjerg Kommune' }, recipient: { type: 'cpr', cpr: '0101901234' },
        mainDocument: { label: 'Brev', files: [{ filename: f.filename, ...(f.contentType ? { encodingFormat: f.contentType } : {}), content: { base64: f.base64 } }] },
      });
      const issues = validateMemo(message);
      if (issues.length > 0) return issues;
      const name = /<memo:filename>([^<]*)<\/memo:filename>/.exec(writeMemo(message))?.[1] ?? '';
      // eslint-disable-next-line no-control-regex
      if (/[/\\\u0000-\u001f\u202e]|^\.|^$|^(con|nul|aux|prn|com\d|lpt\d)(\.|$)/i.test(name) || name.length > 255) throw new Error(`unsafe filename written: ${JSON.stringify(name)}`);
      return [];
    });
    if (o.startsWith('UNTYPED') || (item.expect === 'error' && o === 'ok')) bad.push(`${item.file}: ${o}`);
  }
  return bad;
}

// Device names, dot-only names, TAB and RIGHT-TO-LEFT OVERRIDE (filename-05…09, 14, 16, 17, 33)
// were once let through unchanged; the FILENAME_UNSAFE rule now refuses them.
test('forbidden and unsafe filenames, path traversal, wrong MIME types and empty files: typed error, or a safe name in the MeMo', () => {
  expect(unsafeFilenames(corpus('files'))).toEqual([]);
});
