/**
 * Entry of the optional CPR guard (Smart Alerts, `OnMessageSend`). Webpack emits it as ONE
 * classic script: classic Outlook on Windows runs it in a JavaScript-only runtime with no
 * module loading, and `Office.onReady` does not run there.
 * @module
 */
import { decideOnSend } from '../cpr-guard/decideOnSend.js';

function text<T>(result: Office.AsyncResult<T>): T | '' {
  return result.status === Office.AsyncResultStatus.Succeeded ? result.value : '';
}

function onMessageSendHandler(event: Office.MailboxEvent): void {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  item.subject.getAsync((subject) => {
    item.body.getAsync(Office.CoercionType.Text, (body) => {
      const decision = decideOnSend(String(text(subject)), String(text(body)), {
        displayLanguage: Office.context.displayLanguage,
        supports114: Office.context.requirements.isSetSupported('Mailbox', '1.14'),
      });
      event.completed(decision);
    });
  });
}

Office.actions.associate('onMessageSendHandler', onMessageSendHandler);
