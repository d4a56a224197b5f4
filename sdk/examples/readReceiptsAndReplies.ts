// Example: read NgDP receipts, SF1601 delivery statuses, and replies (with the case they belong to).
import type { DigitalPostClient, NgdpReceipt, PostStatus, ReplyCorrelation } from '@postbud/sdk';

export interface Inbox {
  readonly receipts: NgdpReceipt[];
  readonly statuses: PostStatus[];
  readonly replies: ReplyCorrelation[];
}

export async function readReceiptsAndReplies(client: DigitalPostClient, pushedStatusXml?: string): Promise<Inbox> {
  const inbox: Inbox = { receipts: [], statuses: [], replies: [] };

  // NgDP receipts: each is read, handled, then deleted.
  await client.receipts.drain((receipt) => void inbox.receipts.push(receipt));

  // SF1601 delivery status pushed by Beskedfordeler to your endpoint (PostStatusBeskedModtag).
  if (pushedStatusXml) inbox.statuses.push(client.statuses.parse(pushedStatusXml));

  // Replies: list → fetch (parsed + linked to the original letter) → business receipt → delete.
  const page = await client.replies.list();
  for (const id of page.content) {
    const reply = await client.replies.fetchReply(id);
    inbox.replies.push(reply.correlation); // originalMessageUUID, caseID, contactPointID ...
    await client.replies.acknowledge(id, { positive: true, messageUUID: reply.correlation.messageUUID });
    await client.replies.delete(id);
  }
  return inbox;
}
