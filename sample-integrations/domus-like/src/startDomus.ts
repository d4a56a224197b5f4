/**
 * Wires the DOMUS-like sample together on this machine: sandbox, gateway with the domus
 * plugin (caseworker-choice reply policy, default on), the case system's SQLite file with the
 * fictional cases, and a caseworker signed in through the sandbox's identity provider.
 * @module
 */
import path from 'node:path';
import { GatewayClient } from '../../shared/src/GatewayClient.js';
import { caseworkerToken } from '../../shared/src/caseworkerToken.js';
import { siblingModule } from '../../shared/src/modulePath.js';
import { SandboxInspector } from '../../shared/src/SandboxInspector.js';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../shared/src/startLocalStack.js';
import { CASEWORKERS, CONTACT_POINTS } from '../../shared/src/world.js';
import { DomusCaseStore } from './DomusCaseStore.js';
import { DomusCaseSystem } from './DomusCaseSystem.js';
import { loadDomusFixtures, type DomusFixtureCase } from './fixtures.js';

export interface DomusDemo {
  readonly stack: LocalStack;
  readonly store: DomusCaseStore;
  readonly caseSystem: DomusCaseSystem;
  readonly inspector: SandboxInspector;
  readonly cases: readonly DomusFixtureCase[];
  close(): Promise<void>;
}

/** The gateway configuration entry for DOMUS, as municipal IT would write it. */
export function domusSenderSystem(database: string): Record<string, unknown> {
  return {
    id: 'domus',
    plugin: siblingModule(import.meta.url, 'domusPlugin'),
    pluginOptions: { database },
    senderLabel: 'Solbjerg Kommune, Social- og Sundhedsforvaltningen',
    contactPoints: [CONTACT_POINTS.borgerservice],
    reply: { policy: 'caseworker-choice', default: true, replyByDays: 14 },
    requiredMetadata: ['caseId', 'kle'],
    groups: [CASEWORKERS.sara.group],
  };
}

export async function startDomus(dataDir: string, options: Omit<LocalStackOptions, 'dataDir' | 'senderSystems'> = {}): Promise<DomusDemo> {
  const database = path.join(dataDir, 'domus.sqlite');
  const store = DomusCaseStore.open(database);
  const cases = loadDomusFixtures();
  for (const c of cases) store.saveCase(c);
  const stack = await startLocalStack({ ...options, dataDir, senderSystems: [domusSenderSystem(database)] });
  const gatewayUrl = stack.gateway?.url ?? '';
  const sandboxUrl = stack.sandbox.url;
  const gateway = new GatewayClient(gatewayUrl, () => caseworkerToken(sandboxUrl, CASEWORKERS.sara.upn));
  return {
    stack, store, cases, caseSystem: new DomusCaseSystem(store, gateway), inspector: new SandboxInspector(sandboxUrl),
    async close() {
      await stack.close();
      store.close();
    },
  };
}
