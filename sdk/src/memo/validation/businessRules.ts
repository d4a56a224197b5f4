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

/**
 * Characters that make a filename unsafe to save or show (CR and LF are FILENAME_CHARACTERS):
 * C0 and C1 controls, tab included, and the bidi/format marks that can reorder what a reader
 * sees (U+200E/F, U+202A–202E, U+2066–2069). Global: sanitizeFilename removes them.
 */
export const UNSAFE_FILENAME_CHARACTERS = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** No name before the extension (".pdf", "...pdf", " .pdf", ""); group 1 is the extension. */
export const EMPTY_FILENAME_STEM = /^[. ]*(\.[^.]*)?$/;
/** Windows device names, in any case and with any extension ("con.pdf", "LPT1.tar.gz"). */
export const RESERVED_DEVICE_NAME = /^(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9]) *(?:\.|$)/i;
// One precompiled test for the common (safe) case: any unsafe character, an empty stem, or a
// trailing dot or space. The reserved-name test runs only for names starting with one of its letters.
const RESERVED_FIRST_LETTERS = 'aclnp';
const UNSAFE_FILENAME = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]|^[. ]*(?:\.[^.]*)?$|[. ]$/;

/** Why `name` is unsafe as a filename, or null when it is safe. */
export function filenameUnsafety(name: string): string | null {
  if (!UNSAFE_FILENAME.test(name) && !(RESERVED_FIRST_LETTERS.includes(name.charAt(0).toLowerCase()) && RESERVED_DEVICE_NAME.test(name))) return null;
  UNSAFE_FILENAME_CHARACTERS.lastIndex = 0;
  const bad = UNSAFE_FILENAME_CHARACTERS.exec(name);
  if (bad) return `contains the control or text-direction character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}, which can hide the real name or extension`;
  if (RESERVED_DEVICE_NAME.test(name)) return 'starts with a Windows device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9), which cannot be saved on Windows';
  if (EMPTY_FILENAME_STEM.test(name)) return 'has no name before the extension';
  return 'ends with a dot or a space, which Windows drops';
}

const file: BusinessRule = (node, ctx) => {
  const name = node.filename;
  if (typeof name === 'string') {
    const bad = FORBIDDEN_FILENAME_CHARACTER.exec(name);
    if (bad) {
      ctx.reportChild('filename', 'FILENAME_CHARACTERS', `The filename contains ${describeFilenameCharacter(bad[0])}, which NgDP rejects (with < > : " / \\ | ? *, line breaks and special spaces); sanitizeFilename() replaces them with "-".`);
    }
    const unsafe = filenameUnsafety(name);
    if (unsafe !== null) ctx.reportChild('filename', 'FILENAME_UNSAFE', `The filename ${unsafe}; sanitizeFilename() makes it safe.`);
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
