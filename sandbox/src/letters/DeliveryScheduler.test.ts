import { expect, test } from '@jest/globals';
import v8 from 'node:v8';
import vm from 'node:vm';
import { SandboxStore } from '../store/SandboxStore.js';
import type { LetterRecord } from '../store/records.js';
import type { StatusFeed } from '../status/StatusFeed.js';
import type { World } from '../world/World.js';
import { DeliveryScheduler } from './DeliveryScheduler.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function pendingLetter(id: string): LetterRecord {
  return {
    id, messageUuid: id, messageId: null, route: 'sf1601', kombiCode: 'Digital Post', channel: 'digital', memoVersion: '1.2',
    senderId: '29999902', senderLabel: 'Solbjerg Kommune', recipientId: '0101901234', recipientLabel: null, pNumber: null,
    title: 'Afgørelse', reply: false, replyBy: null, contactPointId: null, status: 'accepted', failCode: null, failText: null,
    memoXml: `<memo:Message>${'A'.repeat(70_000)}</memo:Message>`, forsendelseXml: null, printPdfBase64: null, responseStatus: null,
    responseType: null, responseBody: null, transactionId: null, systemId: null, authorityCvr: '29999902', deliverAfter: null,
    createdAt: new Date().toISOString(), deliveredAt: null, readAt: null,
  };
}

test('a letter waiting for delivery is not held in memory by its timer (only its id is)', async () => {
  const store = SandboxStore.open(null);
  const scheduler = new DeliveryScheduler(store, {} as World, {} as StatusFeed, () => 60_000);
  try {
    const refs: WeakRef<LetterRecord>[] = [];
    (() => {
      for (let i = 0; i < 20; i++) {
        const letter = pendingLetter(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
        refs.push(new WeakRef(letter));
        scheduler.schedule(letter);
      }
    })();
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
    }
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
  } finally {
    scheduler.close();
    store.close();
  }
});
