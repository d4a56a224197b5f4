// A sender-system plugin for tests, loaded by path from the config: it appends every event it
// receives to the JSON-lines file named in its options, as a case system would file them.
import { appendFileSync } from 'node:fs';

export default function createPlugin(options) {
  const record = (event) => appendFileSync(options.file, JSON.stringify(event) + '\n');
  return {
    id: 'recording', label: 'Recording test system', capabilities: { reply: true, caseIds: true },
    toLetter: (doc) => ({
      title: doc.title, sender: { id: '00000000', label: '' }, recipient: doc.recipient,
      metadata: { caseId: { id: doc.caseId, system: 'recording' } },
      mainDocument: { files: doc.files.map((f) => ({ filename: f.filename, content: { base64: f.base64 } })) },
    }),
    onReceipt: record, onStatus: record,
    onReply: (event) => {
      if (options.failFirstReply && !globalThis.__failedOnce) { globalThis.__failedOnce = true; throw new Error('case system down'); }
      record(event);
    },
  };
}
