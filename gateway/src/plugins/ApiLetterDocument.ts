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

export interface ApiInlineImage {
  /** Referenced from the body as `cid:<contentId>`. */
  readonly contentId: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly base64: string;
}

/** Where physical post goes; `street` is the street line, e.g. "Møllevej 8" or "Kastanjealle 3, 2. th". */
export interface ApiPostalAddress {
  readonly name: string;
  readonly street: string;
  readonly postCode: string;
  readonly city: string;
  /** ISO 3166 alpha-2. Default `DK`. */
  readonly country?: string;
}

export interface ApiLetterDocument {
  readonly recipient: ApiRecipient;
  readonly title: string;
  readonly notification?: string;
  readonly caseId?: string;
  /** KLE subject: `{subjectKey, label}` or just `"NN.NN.NN"` (label = key). */
  readonly kle?: string | { readonly subjectKey: string; readonly label: string; readonly version?: string };
  /** The caseworker's choice; honoured only under the `caseworker-choice` policy. */
  readonly reply?: { readonly enabled?: boolean; readonly replyBy?: string; readonly offReason?: string };
  /** One of the sender system's contact points; default the first. */
  readonly contactPointId?: string;
  /** The mail body: rendered (sanitised) as a PDF letter with a letterhead, the main document. */
  readonly body?: { readonly html: string };
  readonly inlineImages?: readonly ApiInlineImage[];
  /** For physical post when the recipient has no Digital Post (else the recipient directory's). */
  readonly physicalAddress?: ApiPostalAddress;
  /** Without `body`: the first file is the letter, the rest attachments (required). With `body`: all attachments. */
  readonly files?: readonly ApiFile[];
}
