/**
 * NgDP receipts (pull) for sender systems: list ids, read one (optionally deleting it), delete.
 * @module
 */
import type { NgdpCallOptions, NgdpClient } from './NgdpClient.js';
import type { NgdpReceipt, PagingResultUUID } from './NgdpReceipt.js';

export class ReceiptsApi {
  readonly #ngdp: NgdpClient;

  constructor(ngdp: NgdpClient) {
    this.#ngdp = ngdp;
  }

  list(options: NgdpCallOptions & { readonly page?: number; readonly size?: number } = {}): Promise<PagingResultUUID> {
    return this.#ngdp.listReceipts(options.page ?? 0, options.size ?? 100, options);
  }

  get(id: string, options: NgdpCallOptions & { readonly delete?: boolean } = {}): Promise<NgdpReceipt> {
    return this.#ngdp.getReceipt(id, options.delete ?? false, options);
  }

  delete(id: string, options: NgdpCallOptions = {}): Promise<void> {
    return this.#ngdp.deleteReceipt(id, options);
  }

  /** Reads every available receipt and deletes each after `handle` succeeds. */
  async drain(handle: (receipt: NgdpReceipt, id: string) => void | Promise<void>, options: NgdpCallOptions = {}): Promise<number> {
    let count = 0;
    for (;;) {
      const page = await this.list({ ...options, page: 0 });
      if (page.content.length === 0) return count;
      for (const id of page.content) {
        await handle(await this.get(id, options), id);
        await this.delete(id, options);
        count++;
      }
    }
  }
}
