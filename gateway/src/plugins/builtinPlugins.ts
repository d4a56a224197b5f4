/**
 * Built-in sender-system plugins: `outlook` (the Outlook add-in) and `http` (any system that
 * talks to the HTTP API, e.g. one not written in Node). Both take an {@link ApiLetterDocument}.
 * @module
 */
import type { LetterContext, LetterInput, SenderSystemPlugin, SenderSystemPluginFactory } from '@postbud/sdk';
import type { ApiLetterDocument } from './ApiLetterDocument.js';

/** Maps the API document to a letter; sender, reply and UUID are set later by the policy. */
export function apiDocumentToLetter(doc: ApiLetterDocument, caseSystem: string): LetterInput {
  const [main, ...rest] = doc.files;
  const toDoc = (f: NonNullable<typeof main>, i: number) => ({
    label: f.filename,
    id: `doc-${i}`,
    files: [{ filename: f.filename, ...(f.contentType === undefined ? {} : { encodingFormat: f.contentType }), content: { base64: f.base64 } }],
  });
  const recipient: LetterInput['recipient'] =
    doc.recipient.type === 'cpr'
      ? { type: 'cpr', cpr: doc.recipient.cpr, ...(doc.recipient.name === undefined ? {} : { name: doc.recipient.name }) }
      : { type: 'cvr', cvr: doc.recipient.cvr, ...(doc.recipient.name === undefined ? {} : { name: doc.recipient.name }), ...(doc.recipient.pNumber === undefined ? {} : { pNumber: doc.recipient.pNumber }) };
  return {
    title: doc.title,
    ...(doc.notification === undefined ? {} : { notification: doc.notification }),
    sender: { id: '00000000', label: '' },
    ...(doc.caseId === undefined && doc.kle === undefined
      ? {}
      : { metadata: { ...(doc.caseId === undefined ? {} : { caseId: { id: doc.caseId, system: caseSystem } }), ...(doc.kle === undefined ? {} : { kle: doc.kle }) } }),
    recipient,
    ...(main === undefined ? {} : { mainDocument: toDoc(main, 0) }),
    ...(rest.length === 0 ? {} : { attachments: rest.map((f, i) => toDoc(f, i + 1)) }),
  };
}

const outlook: SenderSystemPluginFactory = () => ({
  id: 'outlook',
  label: 'Outlook (Postbud add-in)',
  capabilities: { reply: true, caseIds: true },
  toLetter: (doc: unknown, ctx: LetterContext) => apiDocumentToLetter(doc as ApiLetterDocument, ctx.senderSystemId),
});

const http: SenderSystemPluginFactory = (options) => ({
  id: 'http',
  label: typeof options['label'] === 'string' ? options['label'] : 'HTTP sender system',
  capabilities: { reply: options['reply'] !== false, caseIds: options['caseIds'] !== false },
  toLetter: (doc: unknown, ctx: LetterContext) => apiDocumentToLetter(doc as ApiLetterDocument, ctx.senderSystemId),
});

export const BUILTIN_PLUGINS: Readonly<Record<string, SenderSystemPluginFactory>> = Object.freeze({ outlook, http });

export type { SenderSystemPlugin };
