/**
 * Wires the doc2mail-like sample together: sandbox, gateway with the doc2mail plugin (reply
 * policy always, Borgerservice contact point, channel auto), and the output manager on a
 * folder, signed in to the gateway as the doc2mail app (client credentials).
 * @module
 */
import path from 'node:path';
import { GatewayClient } from '../../shared/src/GatewayClient.js';
import { appTokenSource, sandboxTokenEndpoint } from '../../shared/src/appToken.js';
import { siblingModule } from '../../shared/src/modulePath.js';
import { SandboxInspector } from '../../shared/src/SandboxInspector.js';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '../../shared/src/startLocalStack.js';
import { CONTACT_POINTS, DOC2MAIL_APP } from '../../shared/src/world.js';
import { OutputManager, type OutputManagerOptions } from './OutputManager.js';

export interface Doc2mailDemo {
  readonly stack: LocalStack;
  readonly manager: OutputManager;
  readonly inspector: SandboxInspector;
  close(): Promise<void>;
}

/**
 * The gateway's sender system for the output manager: channel `auto` (physical post for
 * recipients without Digital Post), no caseworker groups. The output manager signs in as a
 * service identity; its app role `Letters.Send.doc2mail` already gives access, and listing its
 * client id in `apps` says so in the config itself (and `postbud config check` sees who may use it).
 */
export function doc2mailSenderSystem(folder: string): Record<string, unknown> {
  return {
    id: 'doc2mail', plugin: siblingModule(import.meta.url, 'doc2mailPlugin'), pluginOptions: { folder },
    senderLabel: 'Solbjerg Kommune', contactPoints: [CONTACT_POINTS.borgerservice],
    reply: { policy: 'always', replyByDays: 30 }, channel: 'auto', apps: [DOC2MAIL_APP.clientId],
  };
}

export async function startDoc2mail(dataDir: string, options: Omit<LocalStackOptions, 'dataDir' | 'senderSystems'> & { readonly manager?: Partial<OutputManagerOptions> } = {}): Promise<Doc2mailDemo> {
  const folder = path.join(dataDir, 'doc2mail');
  const stack = await startLocalStack({ ...options, dataDir, senderSystems: [doc2mailSenderSystem(folder)] });
  const sandboxUrl = stack.sandbox.url;
  // The output manager is a service identity: client credentials, an app-only token (no user).
  const gateway = new GatewayClient(stack.gateway?.url ?? '', appTokenSource(sandboxTokenEndpoint(sandboxUrl), DOC2MAIL_APP));
  const manager = new OutputManager({ folder, gateway, ...options.manager });
  return {
    stack, manager, inspector: new SandboxInspector(sandboxUrl),
    async close() {
      await manager.stop();
      await stack.close();
    },
  };
}
