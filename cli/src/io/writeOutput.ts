/**
 * Writes a byte stream (e.g. the streaming MeMo writer's output) to a file or to the context's
 * standard output. To a file it goes through a write stream with backpressure, so a letter
 * with a 100 MB attachment never sits in memory whole.
 * @module
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PostbudError } from '@postbud/sdk';
import type { CliContext } from '../CliContext.js';
import { CliFailure } from '../CliFailure.js';
import { resolvePath } from './resolvePath.js';

export async function writeOutput(chunks: AsyncIterable<Uint8Array>, ctx: CliContext, outputPath?: string): Promise<void> {
  if (outputPath !== undefined) {
    try {
      await pipeline(Readable.from(chunks, { objectMode: false }), createWriteStream(resolvePath(outputPath, ctx)));
    } catch (error) {
      if (error instanceof PostbudError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliFailure(`Cannot write ${outputPath}: ${reason}.`, { cause: error });
    }
    return;
  }
  // A streaming decoder keeps multi-byte UTF-8 characters intact across chunk borders.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) ctx.io.stdout(decoder.decode(chunk, { stream: true }));
  const rest = decoder.decode();
  if (rest.length > 0) ctx.io.stdout(rest);
}
