/**
 * `npm run fasit -w @postbud/sample-integrations -- [--letters 10000] [--concurrency 16] [--batch file.csv] [--data dir]`
 *
 * Starts the sandbox, writes a fictional batch (unless --batch is given), sends it with a
 * progress bar and prints the summary. Press Ctrl+C to stop; run the same command again to
 * resume: nothing is sent twice. Then three fictional citizens reply and the replies are
 * matched to their cases.
 * @module
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DigitalPostClient } from '@postbud/sdk';
import { SandboxInspector } from '../../shared/src/SandboxInspector.js';
import { startLocalStack } from '../../shared/src/startLocalStack.js';
import { AUTHORITY } from '../../shared/src/world.js';
import { collectReplies } from './collectReplies.js';
import { FasitStore } from './FasitStore.js';
import { generateBatch } from './generateBatch.js';
import { ProgressBar } from './ProgressBar.js';
import { runBatch } from './runBatch.js';

const { values } = parseArgs({ options: { letters: { type: 'string', default: '10000' }, concurrency: { type: 'string', default: '16' }, batch: { type: 'string' }, data: { type: 'string', default: 'data/fasit' } } });
const dataDir = path.resolve(values.data);
const stack = await startLocalStack({ dataDir, sandbox: { validation: 'light' } });
const store = FasitStore.open(path.join(dataDir, 'fasit.sqlite'));
const stop = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\nStopper: breve under afsendelse afbrydes; kør kommandoen igen for at fortsætte.\n');
  stop.abort();
});
try {
  const batchFile = values.batch ? path.resolve(values.batch) : await generateBatch(path.join(dataDir, 'batch'), Number(values.letters));
  const client = new DigitalPostClient({ baseUrl: stack.sandbox.url, sender: { cvr: AUTHORITY.cvr, label: 'Solbjerg Kommune, Jobcenter' } });
  let bar: ProgressBar | undefined;
  const summary = await runBatch({
    client, store, batchFile, batchId: path.basename(batchFile), concurrency: Number(values.concurrency), signal: stop.signal,
    onProgress: (p) => (bar ??= new ProgressBar(process.stderr, p.total)).update(p.done, p.failed),
  });
  bar?.finish();
  const { errors, ...counts } = summary;
  console.log('Opsummering / summary:', counts);
  for (const e of errors.slice(0, 10)) console.log(`  ${e.error}`);
  if (errors.length > 10) console.log(`  ... og ${errors.length - 10} flere`);
  if (!summary.aborted) {
    const inspector = new SandboxInspector(stack.sandbox.url);
    await inspector.deliver();
    const some = store.rows(path.basename(batchFile)).filter((r) => r.state === 'sent' && r.channel === 'digital').slice(0, 3);
    for (const r of some) await inspector.reply(r.messageUUID, `Jeg kan godt komme til samtalen (${r.caseId}).`);
    const replies = await collectReplies(client, store);
    console.log(`Svar hentet: ${replies.fetched}, matchet til sag: ${replies.matched}`);
    for (const r of store.replies({ matched: true }).slice(0, 5)) console.log(`  ${r.caseId}: ${r.title}`);
  }
} finally {
  store.close();
  await stack.close();
}
