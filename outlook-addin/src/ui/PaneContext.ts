/** What every section of the pane works with. */
import type { MailboxAdapter } from '../office/MailboxAdapter.js';
import type { GatewayClient } from '../gateway/GatewayClient.js';
import type { LetterLimits } from '../gateway/types.js';
import type { Messages } from '../i18n/Messages.js';
import type { PaneModel } from './PaneModel.js';

export interface PaneContext {
  readonly m: Messages;
  readonly gateway: GatewayClient;
  readonly mailbox: MailboxAdapter;
  readonly model: PaneModel;
  readonly limits: LetterLimits;
}
