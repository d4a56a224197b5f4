/**
 * The document the HTTP API accepts in `POST /v1/letters`: what the Outlook add-in and
 * sender systems not written in Node send. Built-in plugins turn it into a `LetterInput`.
 * @module
 */

export type ApiRecipient =
  | { readonly type: 'cpr'; readonly cpr: string; readonly name?: string }
  | { readonly type: 'cvr'; readonly cvr: string; readonly name?: string; readonly pNumber?: string };

export interface ApiFile {
  readonly filename: string;
  /** MIME type; default guessed from the filename. */
  readonly contentType?: string;
  readonly base64: string;
}

export interface ApiLetterDocument {
  readonly recipient: ApiRecipient;
  readonly title: string;
  readonly notification?: string;
  readonly caseId?: string;
  readonly kle?: { readonly subjectKey: string; readonly label: string };
  /** The caseworker's choice; honoured only under the `caseworker-choice` policy. */
  readonly reply?: { readonly enabled?: boolean; readonly replyBy?: string };
  /** One of the sender system's contact points; default the first. */
  readonly contactPointId?: string;
  /** The first file is the letter; the rest are attachments. */
  readonly files: readonly ApiFile[];
}
