/**
 * Fetches citizens' replies from the recipient system's inbound queue (NgDP inbound memos),
 * matches each to the batch letter it answers (ReplyData messageUUID, else the case id), files
 * it for the caseworker, and only then acknowledges and removes it from the queue. A reply no
 * letter matches is still filed (as unmatched), so nothing is lost.
 * @module
 */
import type { DigitalPostClient } from '@postbud/sdk';
import type { FasitStore } from './FasitStore.js';

export interface CollectSummary {
  readonly fetched: number;
  readonly matched: number;
  readonly unmatched: number;
}

export async function collectReplies(client: DigitalPostClient, store: FasitStore, pageSize = 50): Promise<CollectSummary> {
  let fetched = 0;
  let matched = 0;
  for (;;) {
    const page = await client.replies.list({ size: pageSize });
    if (page.content.length === 0) break;
    for (const id of page.content) {
      const { message, correlation } = await client.replies.fetchReply(id);
      const xml = new TextDecoder().decode(await client.replies.fetchXml(id));
      const letter = correlation.originalMessageUUID ? store.byMessageUuid(correlation.originalMessageUUID) : undefined;
      const caseId = letter?.caseId ?? (correlation.caseSystem === 'Fasit' ? correlation.caseID : undefined);
      store.addReply({
        replyId: id, title: message.MessageHeader.label, receivedAt: new Date().toISOString(), memoXml: xml,
        ...(correlation.originalMessageUUID ? { messageUUID: correlation.originalMessageUUID.toLowerCase() } : {}), ...(caseId ? { caseId } : {}),
      });
      await client.replies.acknowledge(id, { positive: true });
      await client.replies.delete(id);
      fetched++;
      if (caseId) matched++;
    }
    if (page.content.length < pageSize) break;
  }
  return { fetched, matched, unmatched: fetched - matched };
}
