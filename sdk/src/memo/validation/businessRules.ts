/**
 * NgDP business rules beyond the XSD (digital-post-wire.md §1.8), run per complex element
 * during the validator's single walk. Values may be of any type here (the XSD rules report
 * wrong types), so every rule guards with `typeof`.
 * @module
 */
import { checkCpr } from '../../identifiers/cpr.js';
import { checkCvr } from '../../identifiers/cvr.js';
import { maskCpr } from '../../identifiers/mask.js';
import type { ActionCode } from '../model.js';
import { describeFilenameCharacter, FORBIDDEN_FILENAME_CHARACTER } from './filenameCharacters.js';
import type { ValidationContext } from './ValidationContext.js';

type Node = Readonly<Record<string, unknown>>;
/** Checks a complex element (the context's current element) beyond the XSD. */
export type BusinessRule = (node: Node, ctx: ValidationContext) => void;

const ACTION_CODES: ReadonlySet<string> = new Set<ActionCode>([
  'AFTALE', 'BEKRAEFT', 'BETALING', 'FORBEREDELSE', 'INFORMATION', 'SELVBETJENING', 'TILMELDING', 'UNDERSKRIV',
]);

/** CPR: 10 digits and a possible birth date; CVR: 8 digits passing modulus 11. `key`: the child holding the number. */
export function checkIdentifier(value: unknown, idType: 'CPR' | 'CVR', key: string, ctx: ValidationContext): void {
  if (typeof value !== 'string') return;
  if (idType === 'CPR') {
    if (!/^\d{10}$/.test(value)) {
      ctx.reportChild(key, 'ID_NOT_DIGITS', `A CPR number must be exactly 10 digits without a dash or spaces (found ${value.length} characters); parseCpr() normalises it.`);
      return;
    }
    const check = checkCpr(value);
    if (!check.ok) ctx.reportChild(key, 'CPR_INVALID', `${maskCpr(value)} is not a valid CPR number: ${check.reason}.`);
    return;
  }
  if (!/^\d{8}$/.test(value)) {
    ctx.reportChild(key, 'ID_NOT_DIGITS', 'A CVR number must be exactly 8 digits without spaces or a "DK" prefix; parseCvr() normalises it.');
    return;
  }
  const check = checkCvr(value);
  if (!check.ok) ctx.reportChild(key, 'CVR_INVALID', `${value} is not a valid CVR number: ${check.reason}.`);
}

function party(idKey: 'senderID' | 'recipientID'): BusinessRule {
  return (node, ctx) => {
    const idType = node.idType;
    if (idType === 'CPR' || idType === 'CVR') checkIdentifier(node[idKey], idType, idKey, ctx);
  };
}

const addressXorUnstructured: BusinessRule = (node, ctx) => {
  if (node.Address !== undefined && node.UnstructuredAddress !== undefined) {
    ctx.reportChild('UnstructuredAddress', 'ADDRESS_XOR_UNSTRUCTURED', 'Give either Address or UnstructuredAddress, not both: an unstructured address can only be used alone.');
  }
};

const file: BusinessRule = (node, ctx) => {
  const name = node.filename;
  if (typeof name === 'string') {
    const bad = FORBIDDEN_FILENAME_CHARACTER.exec(name);
    if (bad) {
      ctx.reportChild('filename', 'FILENAME_CHARACTERS', `The filename contains ${describeFilenameCharacter(bad[0])}, which NgDP rejects (with < > : " / \\ | ? *, line breaks and special spaces); sanitizeFilename() replaces them with "-".`);
    }
  }
  // The XSD allows one letter; NgDP expects an ISO 639-1 code such as "da" or "en".
  if (typeof node.language === 'string' && /^[a-zA-Z]$/.test(node.language.trim())) {
    ctx.reportChild('language', 'LANGUAGE', `"${node.language}" is not a two-letter language code; use e.g. "da" or "en".`);
  }
};

const action: BusinessRule = (node, ctx) => {
  const code = node.actionCode;
  if (typeof code === 'string' && !ACTION_CODES.has(code)) {
    ctx.reportChild('actionCode', 'ACTION_CODE_UNKNOWN', `"${code.slice(0, 40)}" is not an action code; use one of ${[...ACTION_CODES].join(', ')}.`);
  }
  if (code === 'AFTALE' && (node.Reservation === undefined || node.Reservation === null)) {
    ctx.reportChild('Reservation', 'RESERVATION_REQUIRED', 'An AFTALE action needs a Reservation (description, reservationUUID, abstract, location, startDateTime, endDateTime).');
  }
  const entry = node.EntryPoint as Node | undefined;
  if (entry !== undefined && entry !== null && typeof entry.url === 'string' && !isAbsoluteHttps(entry.url)) {
    ctx.reportChild('EntryPoint/url', 'ACTION_URL_NOT_HTTPS', 'An action link must be an absolute https:// URL, e.g. https://selvbetjening.example.dk/booking.');
  }
};

function isAbsoluteHttps(url: string): boolean {
  if (!/^https:\/\//i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

const productionUnit: BusinessRule = (node, ctx) => {
  const n = node.productionUnitNumber;
  if (typeof n === 'string' && /^[+-]?\d+$/.test(n.trim()) && !/^\d{10}$/.test(n)) {
    ctx.reportChild('productionUnitNumber', 'ID_NOT_DIGITS', 'A P-number must be exactly 10 digits without sign or spaces.');
  }
};

/** Rules by complex element name. */
export const BUSINESS_RULES: Readonly<Record<string, BusinessRule>> = Object.freeze({
  Sender: party('senderID'),
  Recipient: party('recipientID'),
  AttentionData: addressXorUnstructured,
  ContentData: addressXorUnstructured,
  CPRdata: (node, ctx) => checkIdentifier(node.cprNumber, 'CPR', 'cprNumber', ctx),
  CVRdata: (node, ctx) => checkIdentifier(node.cvrNumber, 'CVR', 'cvrNumber', ctx),
  ProductionUnit: productionUnit,
  File: file,
  Action: action,
});
