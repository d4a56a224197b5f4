/**
 * Wires the doc2mail-like sample together: sandbox, gateway with the doc2mail plugin (reply
 * policy always, Borgerservice contact point), and the output manager on a folder.
 * @module
 */
import path from 'node:path';
import { DigitalPostClient } from '@postbud/sdk';
import { GatewayClient } from '../../shared/src/GatewayClient.js';
import { caseworkerToken } from '../../shared/src/caseworkerToken.js';
import { siblingModule } from '../../shared/src/modulePath.js';
import { SandboxInspector } from '../../shared/src/SandboxInspector.js';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../shared/src/startLocalStack.js';
import { AUTHORITY, CASEWORKERS, CONTACT_POINTS } from '../../shared/src/world.js';
import { OutputManager, type OutputManagerOptions } from './OutputManager.js';

export interface Doc2mailDemo {
  readonly stack: LocalStack;
  readonly manager: OutputManager;
  readonly inspector: SandboxInspector;
  close(): Promise<void>;
}

export function doc2mailSenderSystem(folder: string): Record<string, unknown> {
  return {
    id: 'doc2mail', plugin: siblingModule(import.meta.url, 'doc2mailPlugin'), pluginOptions: { folder },
    senderLabel: 'Solbjerg Kommune', contactPoints: [CONTACT_POINTS.borgerservice],
    reply: { policy: 'always', replyByDays: 30 }, channel: 'digital-only', groups: [CASEWORKERS.mads.group],
  };
}

export async function startDoc2mail(dataDir: string, options: Omit<LocalStackOptions, 'dataDir' | 'senderSystems'> & { readonly manager?: Partial<OutputManagerOptions> } = {}): Promise<Doc2mailDemo> {
  const folder = path.join(dataDir, 'doc2mail');
  const stack = await startLocalStack({ ...options, dataDir, senderSystems: [doc2mailSenderSystem(folder)] });
  const sandboxUrl = stack.sandbox.url;
  // The output manager runs as a service account; in the sandbox it signs in as a fictional user.
  const gateway = new GatewayClient(stack.gateway?.url ?? '', () => caseworkerToken(sandboxUrl, CASEWORKERS.mads.upn));
  const printClient = new DigitalPostClient({ baseUrl: sandboxUrl, sender: { cvr: AUTHORITY.cvr, label: 'Solbjerg Kommune' } });
  const manager = new OutputManager({ folder, gateway, printClient, ...options.manager });
  return {
    stack, manager, inspector: new SandboxInspector(sandboxUrl),
    async close() {
      await manager.stop();
      await stack.close();
    },
  };
}
