/**
 * The parts of a fjernprint `ForsendelseI` the sandbox needs: who it goes to, the PDF and its
 * title. Checked for the elements the OIO schema requires (the OIO XSD set cannot be compiled by
 * libxml2, see the reference README, so this is a structural check, not XSD validation).
 * @module
 */
import { SaxesParser } from 'saxes';

export interface ForsendelseI {
  readonly afsendelseIdentifikator: string | null;
  readonly cpr: string | null;
  readonly cvr: string | null;
  readonly personName: string | null;
  readonly addressLines: readonly string[];
  readonly filformatNavn: string | null;
  readonly pdfBase64: string | null;
  readonly title: string | null;
  readonly problems: readonly string[];
}

const ADDRESS_PARTS = ['StreetName', 'StreetBuildingIdentifier', 'FloorIdentifier', 'SuiteIdentifier', 'PostCodeIdentifier', 'DistrictName', 'PostalAddressFirstLineText', 'PostalAddressSecondLineText'];

export function readForsendelseI(xml: string): ForsendelseI {
  const leaves = new Map<string, string>();
  const seen = new Set<string>();
  const parser = new SaxesParser({ xmlns: true });
  const path: string[] = [];
  let text = '';
  parser.on('opentag', (t) => {
    path.push(t.local);
    seen.add(t.local);
    text = '';
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (t) => {
    path.pop();
    if (!leaves.has(t.local) && text.trim() !== '') leaves.set(t.local, text.trim());
    text = '';
  });
  parser.write(xml).close();
  const problems: string[] = [];
  for (const required of ['AfsendelseIdentifikator', 'FilformatNavn', 'MeddelelseIndholdData', 'DokumentParametre']) {
    if (!seen.has(required)) problems.push(`ForsendelseI lacks the required element ${required}.`);
  }
  const pdf = leaves.get('MeddelelseIndholdData')?.replace(/\s+/g, '') ?? null;
  if (pdf !== null && !/^[A-Za-z0-9+/]*={0,2}$/.test(pdf)) problems.push('MeddelelseIndholdData is not base64.');
  const format = leaves.get('FilformatNavn') ?? null;
  if (format !== null && format.toUpperCase() !== 'PDF') problems.push(`Fjernprint prints PDF only; FilformatNavn is ${format}.`);
  const street = [leaves.get('StreetName'), leaves.get('StreetBuildingIdentifier')].filter(Boolean).join(' ');
  const town = [leaves.get('PostCodeIdentifier'), leaves.get('DistrictName')].filter(Boolean).join(' ');
  const lines = [street, town, ...ADDRESS_PARTS.slice(6).map((k) => leaves.get(k) ?? '')].filter((l) => l !== '');
  return {
    afsendelseIdentifikator: leaves.get('AfsendelseIdentifikator') ?? null,
    cpr: leaves.get('CPRnummerIdentifikator') ?? null,
    cvr: leaves.get('CVRnummerIdentifikator') ?? null,
    personName: leaves.get('PersonName') ?? null,
    addressLines: lines,
    filformatNavn: format,
    pdfBase64: pdf,
    title: leaves.get('TitelTekst') ?? null,
    problems,
  };
}
