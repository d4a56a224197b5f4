/**
 * What fjernprint (physical post through SF1601's ForsendelseI) needs beyond the MeMo:
 * a PDF and the recipient's postal name and address.
 * @module
 */

/** A Danish postal address, structured or as up to six free lines. */
export interface PostalAddress {
  /** Recipient name as printed (`itst:PersonName`, ≤ 130 characters). */
  readonly name: string;
  readonly coName?: string;
  /** Street name (≤ 40 characters). Structured form: `street`, `building`, `postCode` are required. */
  readonly street?: string;
  /** House number, e.g. `12` or `12B`. */
  readonly building?: string;
  /** `1`–`99`, `st`, `kl`, … */
  readonly floor?: string;
  /** Door (≤ 4 characters), e.g. `tv`. */
  readonly suite?: string;
  /** Place name (stednavn). */
  readonly mailDeliverySublocation?: string;
  /** Four digits. */
  readonly postCode?: string;
  /** Free lines (each ≤ 34 characters) instead of the structured form, e.g. for foreign addresses. */
  readonly lines?: readonly string[];
  /** ISO 3166 alpha-2. @default 'DK' */
  readonly countryCode?: string;
}

export interface PhysicalPostOptions {
  readonly address: PostalAddress;
  /** The PDF to print. Default: the letter's main document, which must then be a single PDF. */
  readonly pdf?: Uint8Array;
  /** Authority-specific shipment type (`ForsendelseTypeIdentifikator`). */
  readonly shipmentTypeId?: number;
  readonly print?: {
    readonly sides?: 'Simplex' | 'Duplex';
    readonly colour?: 'SH' | 'Farve';
    readonly envelope?: 'C4' | 'C5' | 'MA';
  };
  readonly postCategory?: 'Prioritaire' | 'Economique' | 'Bulk' | 'Rekommanderet' | 'Rekommanderet med modtagerbevis' | 'Forkyndelse';
}
