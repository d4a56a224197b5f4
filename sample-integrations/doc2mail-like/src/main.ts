/**
 * `npm run doc2mail -w @postbud/sample-integrations -- [--data dir] [--watch]`
 *
 * Starts the sandbox and a gateway with the doc2mail-like plugin, drops the fictional sample
 * jobs into `<data>/doc2mail/inbox/` and processes them. With --watch it keeps watching the
 * inbox (drop your own `<job>.pdf` + `<job>.job` there; Ctrl+C stops).
 * @module
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dropSampleJobs } from './sampleJobs.js';
import { startDoc2mail } from './startDoc2mail.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'data/doc2mail' }, watch: { type: 'boolean', default: false } } });
const demo = await startDoc2mail(path.resolve(values.data), { manager: { settleMs: 200, log: (line) => console.log(line) } });
console.log(`Inbox: ${demo.manager.folders.inbox}\nPostkasse: ${demo.stack.sandbox.url}/postkasse`);
await dropSampleJobs(demo.manager.folders.inbox);
await new Promise((r) => setTimeout(r, 300));
const outcomes = await demo.manager.scan();
console.log(`Færdige / done: ${outcomes.filter((o) => o.ok).length}, fejlede / failed: ${outcomes.filter((o) => !o.ok).length} (se ${demo.manager.folders.failed})`);
if (values.watch) {
  demo.manager.start();
  console.log('Overvåger inbox ... (Ctrl+C stopper)');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
} else {
  await new Promise((r) => setTimeout(r, 1500)); // let the gateway's outbox file the receipts
}
await demo.close();
