/**
 * The CPR guard's decision for one outgoing mail, as plain data: the Office handler only
 * reads the item and passes this to `event.completed`.
 * @module
 */
import { findCprNumbers } from './findCprNumbers.js';
import { guardMessages } from './guardMessages.js';

/** The task pane button's id in the manifest, opened by the dialog's action button. */
export const TASKPANE_COMMAND_ID = 'dpSendButton';

export type SendDecision =
  | { readonly allowEvent: true }
  | {
      readonly allowEvent: false;
      readonly errorMessage: string;
      /** Only where Mailbox 1.14 is supported. */
      readonly cancelLabel?: string;
      readonly commandId?: string;
    };

export function decideOnSend(subject: string, bodyText: string, options: { displayLanguage?: string; supports114: boolean; now?: Date }): SendDecision {
  const masked = findCprNumbers(`${subject}\n${bodyText}`, options.now);
  if (masked.length === 0) return { allowEvent: true };
  const texts = guardMessages(options.displayLanguage);
  return {
    allowEvent: false,
    errorMessage: texts.message(masked).slice(0, 500),
    ...(options.supports114 ? { cancelLabel: texts.actionLabel, commandId: TASKPANE_COMMAND_ID } : {}),
  };
}
