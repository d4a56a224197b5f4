/**
 * Writes a fjernprint `ForsendelseISamling` (one `ForsendelseI`, namespace
 * `urn:oio:fjernprint:1.0.0`) in the XSD's element order (digital-post-wire.md §2.3).
 * Citizens are sent as CPR `0000000000` in ForsendelseModtager (KOMBIT field description,
 * as OS2Forms does); companies with their real CVR.
 * @module
 */
import { bytesToBase64 } from '../transport/base64.js';
import type { PostalAddress, PhysicalPostOptions } from '../send/PhysicalLetter.js';
import { element, escapeXml } from './xmlText.js';

export const FJERNPRINT_NAMESPACES = Object.freeze({
  fjernprint: 'urn:oio:fjernprint:1.0.0',
  dkal: 'urn:oio:dkal:1.0.0',
  adir: 'urn:oio:adir:dagpenge:2009.07.01',
  sd: 'urn:oio:sagdok:3.0.0',
  itst: 'http://rep.oio.dk/itst.dk/xml/schemas/2006/01/17/',
  dkcc: 'http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/',
  dkcc2005: 'http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/',
  dkcc2005_2: 'http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/05/13/',
  dkcc2005_3: 'http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/05/19/',
});

export interface ForsendelseIInput {
  /** `AfsendelseIdentifikator` (1–38 characters): the letter's message UUID. */
  readonly shipmentId: string;
  readonly recipient: { readonly type: 'cpr' } | { readonly type: 'cvr'; readonly cvr: string };
  readonly title: string;
  readonly pdf: Uint8Array;
  readonly options: PhysicalPostOptions;
}

function addressXml(address: PostalAddress): string {
  const lines = address.lines ?? [];
  const body =
    lines.length > 0
      ? lines.map((line, i) => element(`dkcc2005-3:PostalAddress${['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'][i] ?? 'Sixth'}LineText`, line)).join('') +
        element('dkcc2005:PostCodeIdentifier', address.postCode)
      : element('fjernprint:CoNavn', address.coName) +
        element('dkcc2005:StreetName', address.street) +
        element('dkcc:StreetBuildingIdentifier', address.building) +
        element('dkcc:FloorIdentifier', address.floor) +
        element('dkcc:SuiteIdentifier', address.suite) +
        element('dkcc:MailDeliverySublocationIdentifier', address.mailDeliverySublocation) +
        element('dkcc2005:PostCodeIdentifier', address.postCode);
  return (
    `<fjernprint:ModtagerAdresse>${element('itst:PersonName', address.name)}${body}` +
    `<dkcc:CountryIdentificationCode scheme="iso3166-alpha2">${escapeXml(address.countryCode ?? 'DK')}</dkcc:CountryIdentificationCode>` +
    `</fjernprint:ModtagerAdresse>`
  );
}

function recipientXml(input: ForsendelseIInput): string {
  const id = input.recipient.type === 'cpr' ? element('adir:CPRnummerIdentifikator', '0000000000') : element('adir:CVRnummerIdentifikator', input.recipient.cvr);
  return `<fjernprint:ForsendelseModtager><dkal:AfsendelseModtager>${id}</dkal:AfsendelseModtager>${addressXml(input.options.address)}</fjernprint:ForsendelseModtager>`;
}

function printXml(options: PhysicalPostOptions): string {
  const p = options.print;
  const print = p ? `<fjernprint:PrintParametre>${element('fjernprint:SimplexDuplexKode', p.sides)}${element('fjernprint:FarveSHKode', p.colour)}${element('fjernprint:KuvertTypeKode', p.envelope)}</fjernprint:PrintParametre>` : '';
  const post = options.postCategory ? `<fjernprint:PostParametre>${element('fjernprint:PostKategoriKode', options.postCategory)}</fjernprint:PostParametre>` : '';
  return print + post;
}

/** The `fjernprint:ForsendelseISamling` element with its namespace declarations. */
export function writeForsendelseI(input: ForsendelseIInput): string {
  const ns = FJERNPRINT_NAMESPACES;
  const declarations =
    `xmlns:fjernprint="${ns.fjernprint}" xmlns:dkal="${ns.dkal}" xmlns:adir="${ns.adir}" xmlns:sd="${ns.sd}" xmlns:itst="${ns.itst}" ` +
    `xmlns:dkcc="${ns.dkcc}" xmlns:dkcc2005="${ns.dkcc2005}" xmlns:dkcc2005-2="${ns.dkcc2005_2}" xmlns:dkcc2005-3="${ns.dkcc2005_3}"`;
  return (
    `<fjernprint:ForsendelseISamling ${declarations}><fjernprint:ForsendelseI>` +
    element('fjernprint:AfsendelseIdentifikator', input.shipmentId) +
    element('fjernprint:ForsendelseTypeIdentifikator', input.options.shipmentTypeId) +
    recipientXml(input) +
    element('dkal:FilformatNavn', 'PDF') +
    `<dkal:MeddelelseIndholdData>${bytesToBase64(input.pdf)}</dkal:MeddelelseIndholdData>` +
    `<fjernprint:DokumentParametre>${element('sd:TitelTekst', input.title)}</fjernprint:DokumentParametre>` +
    printXml(input.options) +
    `</fjernprint:ForsendelseI></fjernprint:ForsendelseISamling>`
  );
}
