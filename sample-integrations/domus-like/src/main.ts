/**
 * `npm run domus -w @postbud/sample-integrations -- [--data dir]`
 *
 * Starts the sandbox and a gateway with the DOMUS-like plugin, sends the fictional cases'
 * letters (one with reply switched off, with a reason), lets a fictional citizen answer, and
 * prints each case's thread (journal) as the caseworker would see it.
 * @module
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDomus } from './startDomus.js';

const { values } = parseArgs({ options: { data: { type: 'string', default: 'data/domus' }, caseworker: { type: 'string', default: 'sara.sagsbehandler@solbjerg.example' } } });
const demo = await startDomus(path.resolve(values.data), { gatewayWorkers: false, logLevel: 'warn' });
const tick = () => demo.stack.gateway?.tick() ?? Promise.resolve();
try {
  console.log(`Sandbox: ${demo.stack.sandbox.url}/postkasse   Gateway: ${demo.stack.gateway?.url ?? ''}`);
  const letters: string[] = [];
  for (const c of demo.cases) {
    const outcome = await demo.caseSystem.writeAndSend({ caseId: c.id, ...c.letter }, values.caseworker);
    console.log(outcome.ok ? `${c.id}: sendt (svar ${outcome.replyEnabled ? 'til' : 'fra'}), brev-id ${outcome.letterId}` : `${c.id}: IKKE sendt: ${outcome.error}`);
    if (outcome.ok && outcome.replyEnabled) letters.push(outcome.letterId);
  }
  await tick();
  await demo.inspector.deliver();
  for (const id of letters) await demo.inspector.reply(id, 'Tak for brevet. Kan leveringen ske om formiddagen?');
  await tick();
  await tick();
  for (const c of demo.cases) {
    console.log(`\nSag ${c.id}: ${c.title} (KLE ${c.kle.subjectKey})`);
    for (const e of demo.store.thread(c.id)) console.log(`  ${e.at.slice(0, 19).replace('T', ' ')}  ${e.kind.padEnd(12)} ${e.actor.padEnd(36)} ${e.text.replace(/\n/g, ' / ')}`);
  }
} finally {
  await demo.close();
}
