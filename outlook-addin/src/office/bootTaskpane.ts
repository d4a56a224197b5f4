/**
 * Entry of the task pane: waits for Office, reads the add-in configuration, chooses the
 * sign-in and mounts the pane on the current compose item.
 * @module
 */
import { createTokenProvider } from '../auth/createTokenProvider.js';
import { parseAddinConfig } from '../config/AddinConfig.js';
import { GatewayClient } from '../gateway/GatewayClient.js';
import { pickMessages } from '../i18n/pickMessages.js';
import { mountTaskPane } from '../ui/TaskPaneApp.js';
import { OfficeMailboxAdapter } from './OfficeMailboxAdapter.js';

async function loadConfig(): Promise<ReturnType<typeof parseAddinConfig>> {
  const response = await fetch(new URL('addin-config.json', document.baseURI), { cache: 'no-cache' });
  return parseAddinConfig(await response.json());
}

async function boot(root: HTMLElement): Promise<void> {
  const item = Office.context.mailbox?.item as Office.MessageCompose | undefined;
  if (!item) {
    root.textContent = pickMessages(Office.context.displayLanguage).notInOutlook;
    return;
  }
  const mailbox = new OfficeMailboxAdapter(item);
  const config = await loadConfig();
  const tokens = createTokenProvider(config.auth, Office.context.requirements.isSetSupported('NestedAppAuth', '1.1'));
  await mountTaskPane(root, { mailbox, gateway: new GatewayClient({ baseUrl: config.gatewayUrl, tokens }) });
}

void Office.onReady(() => {
  const root = document.getElementById('app')!;
  boot(root).catch((error: unknown) => {
    root.setAttribute('role', 'alert');
    root.textContent = `${pickMessages(Office.context.displayLanguage).errors.unknown} (${error instanceof Error ? error.message : String(error)})`;
  });
});
