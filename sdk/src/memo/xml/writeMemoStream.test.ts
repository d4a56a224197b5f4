import { expect, test } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { pipeline } from 'node:stream/promises';
import { fileContent } from '../../runtime/node/fileContent.js';
import { memoReadable } from '../../runtime/node/memoReadable.js';
import type { BinaryContent, MemoMessage } from '../model.js';
import { fullMemoMessage } from './testing/fullMemoMessage.js';
import { writeMemo } from './writeMemo.js';
import { writeMemoStream } from './writeMemoStream.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  return Buffer.concat(parts);
}

function withContent(content: BinaryContent, extra: BinaryContent = content): MemoMessage {
  const m = fullMemoMessage('1.2');
  const body = m.MessageBody!;
  const main = body.MainDocument;
  return {
    ...m,
    MessageBody: {
      ...body,
      MainDocument: { ...main, File: [{ ...main.File[0]!, content }, { ...main.File[0]!, filename: 'b.pdf', content: extra }] },
    },
  };
}

function chunked(bytes: Uint8Array, sizes: readonly number[]): BinaryContent {
  return {
    kind: 'stream',
    byteLength: bytes.length,
    open: async function* () {
      let at = 0;
      for (let i = 0; at < bytes.length; i++) {
        const n = sizes[i % sizes.length]!;
        yield bytes.subarray(at, at + n);
        at += n;
      }
    },
  };
}

test('stream output equals string output byte for byte (bytes and base64 content, large and small)', async () => {
  const big = randomBytes(200_001);
  for (const m of [fullMemoMessage('1.1'), fullMemoMessage('1.2'), withContent({ kind: 'bytes', bytes: big }, { kind: 'base64', base64: big.toString('base64') })]) {
    for (const options of [{}, { xmlDeclaration: false, indent: '\t' }]) {
      const streamed = await collect(writeMemoStream(m, options));
      expect(streamed.equals(Buffer.from(writeMemo(m, options), 'utf8'))).toBe(true);
    }
  }
});

test('a stream source split into odd chunk sizes gives one valid base64 text', async () => {
  const bytes = randomBytes(100_003);
  const expected = Buffer.from(writeMemo(withContent({ kind: 'bytes', bytes }, { kind: 'bytes', bytes: bytes.subarray(0, 4) })), 'utf8');
  for (const sizes of [[1], [2], [5], [65537], [1, 2, 5, 65537, 3, 4, 98304, 7]]) {
    const small = bytes.subarray(0, 4);
    const out = await collect(writeMemoStream(withContent(chunked(bytes, sizes), chunked(small, sizes))));
    expect(out.equals(expected)).toBe(true);
  }
});

test('an empty stream and a stream whose size differs from byteLength', async () => {
  const empty: BinaryContent = { kind: 'stream', byteLength: 0, open: async function* () {} };
  const out = (await collect(writeMemoStream(withContent(empty)))).toString('utf8');
  expect(out).toContain('<memo:content></memo:content>');
  const liar: BinaryContent = { kind: 'stream', byteLength: 10, open: async function* () { yield new Uint8Array(3); } };
  await expect(collect(writeMemoStream(withContent(liar)))).rejects.toMatchObject({ code: 'MEMO_CONTENT_UNAVAILABLE' });
});

test('a 20 MB file streams to a file with small memory growth and a correct result', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'postbud-stream-'));
  try {
    const source = path.join(dir, 'big.bin');
    const size = 20 * 1024 * 1024 + 1;
    const data = randomBytes(size);
    await writeFile(source, data);
    const sourceHash = createHash('sha256').update(data).digest('hex');
    const content = fileContent(source);
    expect(content.byteLength).toBe(size);
    const target = path.join(dir, 'memo.xml');
    // Live memory (after a forced GC every 16 chunks), so that garbage not yet collected does not count.
    const used = () => { gc(); const u = process.memoryUsage(); return u.heapUsed + u.arrayBuffers; };
    const baseline = used();
    let peak = baseline;
    let chunks = 0;
    const meter = new Transform({ transform(chunk, _enc, done) { if (++chunks % 16 === 0) peak = Math.max(peak, used()); done(null, chunk); } });
    await pipeline(memoReadable(withContent(content, { kind: 'bytes', bytes: new Uint8Array([1]) })), meter, createWriteStream(target));
    expect(chunks).toBeGreaterThan(100);
    // The whole attachment in memory would be ≥ 20 MB of bytes plus 27 MB of base64 text.
    expect(peak - baseline).toBeLessThan(size / 4);
    expect((await stat(target)).size).toBeGreaterThan((size * 4) / 3);
    // Decode the produced file's first content element and compare with the source.
    const hash = createHash('sha256');
    let state: 'before' | 'inside' | 'after' = 'before';
    let pending = '';
    for await (const chunk of createReadStream(target, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      pending += chunk as string;
      if (state === 'before') {
        const at = pending.indexOf('<memo:content>');
        if (at < 0) continue;
        pending = pending.slice(at + '<memo:content>'.length);
        state = 'inside';
      }
      if (state !== 'inside') continue;
      const end = pending.indexOf('<');
      const usable = end >= 0 ? end : pending.length - (pending.length % 4);
      hash.update(Buffer.from(pending.slice(0, usable), 'base64'));
      pending = pending.slice(usable);
      if (end >= 0) state = 'after';
    }
    expect(hash.digest('hex')).toBe(sourceHash);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
