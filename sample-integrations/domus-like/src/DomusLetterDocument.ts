/**
 * What the DOMUS-like case system posts to the gateway (`POST /v1/letters`): the gateway's
 * letter request plus a `domus` block the plugin understands. The gateway validates the common
 * part and hands the whole document to the plugin's `toLetter`.
 * @module
 */

export interface DomusLetterDocument {
  readonly senderSystem: string;
  readonly recipient: { readonly type: 'cpr'; readonly cpr: string; readonly name?: string };
  readonly title: string;
  readonly caseId: string;
  readonly kle: { readonly subjectKey: string; readonly label: string };
  /** The caseworker's choice for this letter (the policy default is on). */
  readonly reply: { readonly enabled: boolean };
  readonly files: readonly { readonly filename: string; readonly contentType: string; readonly base64: string }[];
  readonly domus: {
    readonly documentId: string;
    /** KLE handling facet (handlingsfacet), e.g. `G01`. */
    readonly kleActivityFacet?: string;
  };
}

/** Narrows what the gateway hands the plugin; says in plain words what is missing. */
export function readDomusDocument(value: unknown): DomusLetterDocument | string {
  if (typeof value !== 'object' || value === null) return 'The document is not an object.';
  const d = value as Partial<DomusLetterDocument>;
  if (d.recipient?.type !== 'cpr') return 'DOMUS letters go to citizens: recipient.type must be "cpr".';
  if (typeof d.caseId !== 'string' || d.caseId === '') return 'A DOMUS letter needs the case id (caseId).';
  if (typeof d.kle?.subjectKey !== 'string' || !/^\d{2}\.\d{2}\.\d{2}$/.test(d.kle.subjectKey)) return 'A DOMUS letter needs a KLE subject key like 27.24.00 (kle.subjectKey).';
  if (typeof d.domus?.documentId !== 'string') return 'A DOMUS letter needs domus.documentId (the case document it was written from).';
  if (!Array.isArray(d.files) || d.files.length === 0) return 'A DOMUS letter needs its PDF in files.';
  return d as DomusLetterDocument;
}
