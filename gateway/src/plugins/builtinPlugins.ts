/**
 * Built-in sender-system plugins: `outlook` (the Outlook add-in) and `http` (any system that
 * talks to the HTTP API, e.g. one not written in Node). Both take an {@link ApiLetterDocument}.
 * @module
 */
import { sanitizeFilename } from '@postbud/sdk';
import type { DocumentInput, LetterContext, LetterInput, PluginLetter, SenderSystemPlugin, SenderSystemPluginFactory } from '@postbud/sdk';
import { renderLetterPdf } from '../render/renderLetterPdf.js';
import type { ApiFile, ApiLetterDocument } from './ApiLetterDocument.js';
import { toPostalAddress } from './toPostalAddress.js';

const toDoc = (f: ApiFile, i: number): DocumentInput => ({
  label: f.filename,
  id: `doc-${i}`,
  files: [{ filename: f.filename, ...(f.contentType === undefined ? {} : { encodingFormat: f.contentType }), content: { base64: f.base64 } }],
});

/** The mail body as a PDF letter with the letterhead of the sender system. */
async function renderedBody(doc: ApiLetterDocument, ctx: LetterContext): Promise<DocumentInput> {
  const { pdf } = await renderLetterPdf(
    {
      authorityName: ctx.authorityName ?? ctx.senderLabel, senderLabel: ctx.senderLabel, date: new Date(), title: doc.title,
      ...(doc.caseId ? { caseId: doc.caseId } : {}), ...(ctx.caseworkerName ? { caseworkerName: ctx.caseworkerName } : {}),
    },
    doc.body?.html ?? '',
    (doc.inlineImages ?? []).map((i) => ({ contentId: i.contentId, bytes: new Uint8Array(Buffer.from(i.base64, 'base64')) })),
  );
  const filename = `${sanitizeFilename(doc.title).slice(0, 100).trim() || 'brev'}.pdf`;
  return { label: doc.title, id: 'letter', files: [{ filename, encodingFormat: 'application/pdf', content: pdf }] };
}

function recipientOf(doc: ApiLetterDocument): LetterInput['recipient'] {
  const r = doc.recipient;
  return r.type === 'cpr'
    ? { type: 'cpr', cpr: r.cpr, ...(r.name === undefined ? {} : { name: r.name }) }
    : { type: 'cvr', cvr: r.cvr, ...(r.name === undefined ? {} : { name: r.name }), ...(r.pNumber === undefined ? {} : { pNumber: r.pNumber }) };
}

function metadataOf(doc: ApiLetterDocument, caseSystem: string): Pick<LetterInput, 'metadata'> {
  const kle = typeof doc.kle === 'string' ? { subjectKey: doc.kle, label: doc.kle } : doc.kle;
  if (doc.caseId === undefined && kle === undefined) return {};
  return { metadata: { ...(doc.caseId === undefined ? {} : { caseId: { id: doc.caseId, system: caseSystem } }), ...(kle === undefined ? {} : { kle }) } };
}

/** Maps the API document to a letter; sender, reply and UUID are set later by the policy. */
export async function apiDocumentToLetter(doc: ApiLetterDocument, ctx: LetterContext): Promise<PluginLetter> {
  const files = doc.files ?? [];
  const main = doc.body !== undefined ? await renderedBody(doc, ctx) : files[0] && toDoc(files[0], 0);
  const rest = doc.body !== undefined ? files : files.slice(1);
  return {
    title: doc.title,
    ...(doc.notification === undefined ? {} : { notification: doc.notification }),
    sender: { id: '00000000', label: '' },
    ...metadataOf(doc, ctx.senderSystemId),
    recipient: recipientOf(doc),
    ...(main === undefined ? {} : { mainDocument: main }),
    ...(rest.length === 0 ? {} : { attachments: rest.map((f, i) => toDoc(f, i + 1)) }),
    ...(doc.physicalAddress === undefined ? {} : { physicalAddress: toPostalAddress(doc.physicalAddress) }),
  };
}

const outlook: SenderSystemPluginFactory = () => ({
  id: 'outlook',
  label: 'Outlook (Postbud add-in)',
  capabilities: { reply: true, caseIds: true },
  toLetter: (doc: unknown, ctx: LetterContext) => apiDocumentToLetter(doc as ApiLetterDocument, ctx),
});

const http: SenderSystemPluginFactory = (options) => ({
  id: 'http',
  label: typeof options['label'] === 'string' ? options['label'] : 'HTTP sender system',
  capabilities: { reply: options['reply'] !== false, caseIds: options['caseIds'] !== false },
  toLetter: (doc: unknown, ctx: LetterContext) => apiDocumentToLetter(doc as ApiLetterDocument, ctx),
});

export const BUILTIN_PLUGINS: Readonly<Record<string, SenderSystemPluginFactory>> = Object.freeze({ outlook, http });

export type { SenderSystemPlugin };
