/**
 * The sender-system plugin contract ("plugin SDK"): how a case or line-of-business system
 * (afsendersystem) plugs into the Postbud gateway. Types only; the gateway loads plugins
 * named in its configuration and calls them.
 *
 * A plugin turns its own documents into letters ({@link SenderSystemPlugin.toLetter}) and
 * gets back what happens to the letters it sent (receipts, status events, replies), so it
 * can file them on the right case (journalisering).
 * @module
 */
import type { PluginLetter } from './PluginLetter.js';
import type { SenderSystemCapabilities } from './SenderSystemCapabilities.js';
import type { LetterContext } from './LetterContext.js';
import type { LetterReceiptEvent, LetterStatusEvent, LetterReplyEvent } from './LetterEvents.js';

/**
 * A sender-system plugin. Callbacks are delivered at least once: the gateway stores an event
 * before it calls the plugin and marks it delivered only when the callback resolves, so a
 * callback must be idempotent (key on `event.eventId`).
 * @public
 */
export interface SenderSystemPlugin<TDocument = unknown> {
  /** Stable id used in the configuration and the ledger, e.g. `outlook`, `fasit`. */
  readonly id: string;
  /** Human name shown to municipal IT and caseworkers. */
  readonly label: string;
  readonly capabilities: SenderSystemCapabilities;
  /**
   * Turns one of the system's own documents into a letter. The gateway then applies the
   * municipality's policy (sender label, contact point, reply setting, reply-by date) and
   * fixes the message UUID, so a plugin need not (and should not) set those. A plain
   * `LetterInput` is a valid {@link PluginLetter}.
   */
  toLetter(document: TDocument, context: LetterContext): PluginLetter | Promise<PluginLetter>;
  /** The route accepted (or refused) a letter. */
  onReceipt?(event: LetterReceiptEvent): void | Promise<void>;
  /** A later status event (delivered, failed, ...) for a letter the system sent. */
  onStatus?(event: LetterStatusEvent): void | Promise<void>;
  /** A citizen's or company's reply to a letter the system sent. */
  onReply?(event: LetterReplyEvent): void | Promise<void>;
  /** Called once when the gateway stops. */
  close?(): void | Promise<void>;
}

/**
 * What a plugin module exports (as `default` or `createPlugin`): a factory that receives the
 * sender system's `options` from the configuration.
 * @public
 */
export type SenderSystemPluginFactory = (
  options: Readonly<Record<string, unknown>>,
) => SenderSystemPlugin | Promise<SenderSystemPlugin>;
