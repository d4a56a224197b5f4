import { expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BinaryContent, MemoMessage } from '../../memo/model.js';
import { writeMemo } from '../../memo/xml/writeMemo.js';
import { fullMemoMessage } from '../../memo/xml/testing/fullMemoMessage.js';
import { fileContent } from './fileContent.js';
import { memoReadable } from './memoReadable.js';

async function readAll(source: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; chunks: number[] }> {
  const parts: Buffer[] = [];
  for await (const c of source) parts.push(Buffer.from(c));
  return { bytes: Buffer.concat(parts), chunks: parts.map((p) => p.length) };
}

test('fileContent: size taken up front, large chunks, re-openable, usable as File content', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postbud-file-'));
  try {
    const file = path.join(dir, 'bilag.pdf');
    const data = randomBytes(600_001);
    await writeFile(file, data);
    const content = fileContent(file);
    expect(content).toMatchObject({ kind: 'stream', byteLength: 600_001 });
    const first = await readAll(content.open());
    const second = await readAll(content.open());
    expect(first.bytes.equals(data) && second.bytes.equals(data)).toBe(true);
    expect(Math.min(...first.chunks.slice(0, -1))).toBeGreaterThanOrEqual(64 * 1024);

    // memoReadable gives the same bytes as writeMemo with the same data in memory.
    const m = fullMemoMessage('1.2');
    const withFile = (c: BinaryContent): MemoMessage => ({
      ...m,
      MessageBody: { ...m.MessageBody!, MainDocument: { ...m.MessageBody!.MainDocument, File: [{ ...m.MessageBody!.MainDocument.File[0]!, content: c }] } },
    });
    const streamed = await readAll(memoReadable(withFile(content), { xmlDeclaration: false }));
    expect(streamed.bytes.toString('utf8')).toBe(writeMemo(withFile({ kind: 'bytes', bytes: data }), { xmlDeclaration: false }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('fileContent: a missing file or a directory fails at once with MEMO_CONTENT_UNAVAILABLE', async () => {
  expect(() => fileContent('/nonexistent/postbud/bilag.pdf')).toThrow(expect.objectContaining({ code: 'MEMO_CONTENT_UNAVAILABLE' }));
  expect(() => fileContent(os.tmpdir())).toThrow(expect.objectContaining({ code: 'MEMO_CONTENT_UNAVAILABLE' }));
});
