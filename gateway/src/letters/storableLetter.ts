/**
 * The outbox keeps letters as JSON until they are sent, so every file's content must be
 * base64 text there: bytes and streams from a plugin are converted once, at intake.
 * @module
 */
import type { DocumentInput, FileInput, LetterInput } from '@postbud/sdk';

async function toBase64(content: FileInput['content']): Promise<{ base64: string }> {
  if (content instanceof Uint8Array) return { base64: Buffer.from(content).toString('base64') };
  if ('base64' in content) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content.open()) chunks.push(Buffer.from(chunk));
  return { base64: Buffer.concat(chunks).toString('base64') };
}

async function storableDoc(d: DocumentInput): Promise<DocumentInput> {
  return { ...d, files: await Promise.all(d.files.map(async (f) => ({ ...f, content: await toBase64(f.content) }))) };
}

export async function storableLetter(letter: LetterInput): Promise<LetterInput> {
  const docs = async (list: readonly DocumentInput[] | undefined) => (list === undefined ? undefined : Promise.all(list.map(storableDoc)));
  const [main, attachments, technical] = await Promise.all([letter.mainDocument && storableDoc(letter.mainDocument), docs(letter.attachments), docs(letter.technicalDocuments)]);
  return { ...letter, ...(main ? { mainDocument: main } : {}), ...(attachments ? { attachments } : {}), ...(technical ? { technicalDocuments: technical } : {}) };
}
