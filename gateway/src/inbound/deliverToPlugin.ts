/**
 * Turns a stored ledger event into the plugin contract's event and calls the plugin.
 * @module
 */
import type { LetterEventBase, LetterStatusEvent, SenderSystemPlugin } from '@postbud/sdk';
import type { PendingDelivery } from '../ledger/records.js';

export async function deliverToPlugin(plugin: SenderSystemPlugin, p: PendingDelivery): Promise<void> {
  const { event, letter } = p;
  const base: LetterEventBase = {
    eventId: event.eventId, letterId: letter.id, messageUUID: letter.id, senderSystemId: letter.senderSystem, occurredAt: event.occurredAt,
    ...(letter.caseId ? { caseId: letter.caseId } : {}),
  };
  const d = event.detail;
  const text = (k: string): string | undefined => (typeof d[k] === 'string' ? (d[k] as string) : undefined);
  if (event.kind === 'receipt') {
    const transmissionId = text('transmissionId');
    const reason = text('reason');
    await plugin.onReceipt?.({ ...base, kind: 'receipt', outcome: event.state === 'rejected' ? 'rejected' : 'accepted', ...(transmissionId ? { transmissionId } : {}), ...(reason ? { reason } : {}) });
  } else if (event.kind === 'status') {
    const errorCode = text('errorCode');
    const errorText = text('errorText');
    await plugin.onStatus?.({
      ...base, kind: 'status', status: (text('status') ?? 'other') as LetterStatusEvent['status'], routeStatus: text('routeStatus') ?? '',
      ...(errorCode ? { errorCode } : {}), ...(errorText ? { errorText } : {}),
    });
  } else if (event.kind === 'reply' && p.replyId !== undefined) {
    await plugin.onReply?.({
      ...base, kind: 'reply', replyId: p.replyId, replyMessageUUID: text('replyMessageUUID') ?? '', title: text('title') ?? '', memoXml: p.memoXml ?? '',
      ...(letter.contactPointId ? { contactPointId: letter.contactPointId } : {}),
    });
  }
}
