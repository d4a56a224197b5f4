/**
 * Node's `Buffer`, when the SDK runs in Node, typed with just the calls the writers use. The
 * core SDK must also run without Node (browsers, the Outlook add-in), so every user of this
 * has a portable fallback for `undefined`.
 * @module
 */

/** A Node Buffer: a Uint8Array with native encoders. */
export interface NodeBufferInstance extends Uint8Array {
  toString(encoding?: 'base64', start?: number, end?: number): string;
  /** Returns the number of bytes written. */
  write(text: string, offset: number, encoding: 'utf8' | 'latin1'): number;
}

export interface NodeBufferApi {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBufferInstance;
  from(text: string, encoding: 'base64'): NodeBufferInstance;
  /** Not pooled and not zero-filled: callers must write every byte. */
  allocUnsafeSlow(size: number): NodeBufferInstance;
  byteLength(text: string, encoding: 'utf8'): number;
}

export const NodeBuffer: NodeBufferApi | undefined = (globalThis as { Buffer?: NodeBufferApi }).Buffer;
