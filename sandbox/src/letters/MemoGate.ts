/**
 * Validation of every incoming MeMo, like production: the official XSDs through a real XSD
 * engine when they are available (so the sandbox catches the SDK's mistakes instead of sharing
 * them), plus NgDP's business rules; otherwise the SDK's own rules.
 *
 * Where the XSD is authoritative, the SDK's stricter-than-XSD findings are only warnings, so
 * official examples that the XSD accepts are accepted here too.
 * @module
 */
import { isPostbudError, maskCprInText, type MemoIssueCode, type MemoMessage, type MemoVersion } from '@postbud/sdk';
import type { MemoXsdValidator } from '@postbud/sdk/node';
import { parseMemo, validateMemo, type ParsedMemo } from './sdkMemo.js';
import { XsdBatcher } from './XsdBatcher.js';

export type GateMode = 'xsd' | 'sdk' | 'light';

export interface GateIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface GateResult {
  readonly ok: boolean;
  readonly message: MemoMessage | null;
  readonly issues: readonly GateIssue[];
  readonly warnings: readonly GateIssue[];
}

/** NgDP rules that production enforces beyond the XSD: these refuse a message in every mode. */
const BUSINESS_BLOCKING: ReadonlySet<string> = new Set<MemoIssueCode>(['FILENAME_CHARACTERS', 'ACTION_URL_NOT_HTTPS', 'ID_NOT_DIGITS', 'NEMSMS_HAS_BODY', 'BODY_REQUIRED']);
/** Advice, not refusal: the official examples themselves break some of these. */
const ADVISORY: ReadonlySet<string> = new Set<MemoIssueCode>(['ADDRESS_XOR_UNSTRUCTURED', 'ACTION_CODE_UNKNOWN', 'RESERVATION_REQUIRED', 'CPR_INVALID', 'CVR_INVALID']);

export class MemoGate {
  readonly mode: GateMode;
  readonly #xsd: XsdBatcher | null;

  constructor(mode: GateMode, xsd: MemoXsdValidator | null) {
    this.mode = mode;
    this.#xsd = xsd ? new XsdBatcher(xsd) : null;
  }

  describe(): string {
    if (this.mode === 'xsd') return 'official MeMo XSDs (libxml2) + NgDP business rules';
    if (this.mode === 'sdk') return "the SDK's own MeMo rules + NgDP business rules (no XSDs found; use --xsd-dir)";
    return 'light: well-formedness + NgDP business rules only (load-test mode)';
  }

  /** `read`: the MeMo already read from `xml` (or the error reading it gave), when the caller read it in its own pass. */
  async check(xml: string, read?: ParsedMemo | Error): Promise<GateResult> {
    let parsed: ParsedMemo;
    try {
      if (read instanceof Error) throw read;
      parsed = read ?? parseMemo(xml);
    } catch (err) {
      const code = isPostbudError(err) ? err.code : 'MEMO_XML_MALFORMED';
      return { ok: false, message: null, issues: [{ path: '/', code, message: maskCprInText((err as Error).message) }], warnings: [] };
    }
    const message = parsed.message;
    // Light mode enforces only NgDP's business rules, so it skips checking each simple value
    // (mostly the attachments' base64): those findings would only be warnings here.
    const sdkIssues = validateMemo(message, this.mode === 'light' ? { rules: 'business' } : {});
    const blocking: GateIssue[] = [];
    const warnings: GateIssue[] = [];
    if (this.mode === 'xsd' && this.#xsd) {
      const version: MemoVersion = message.memoVersion === '1.1' ? '1.1' : '1.2';
      for (const p of await this.#xsd.validate(xml, version)) {
        blocking.push({ path: p.line === null ? '/' : `line ${p.line}`, code: 'XSD', message: p.message });
      }
      for (const i of sdkIssues) (BUSINESS_BLOCKING.has(i.code) ? blocking : warnings).push(i);
    } else if (this.mode === 'sdk') {
      for (const i of [...parsed.issues, ...sdkIssues]) (ADVISORY.has(i.code) ? warnings : blocking).push(i);
    } else {
      for (const i of sdkIssues) (BUSINESS_BLOCKING.has(i.code) ? blocking : warnings).push(i);
    }
    const issues = dedupe(blocking).map((i) => ({ ...i, message: maskCprInText(i.message) }));
    return { ok: issues.length === 0, message, issues, warnings: dedupe(warnings) };
  }
}

function dedupe(issues: readonly GateIssue[]): GateIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}|${i.code}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line per problem, for FejlTekst and ErrorMessage.message. */
export function describeIssues(issues: readonly GateIssue[], max = 10): string {
  const lines = issues.slice(0, max).map((i) => `${i.path}: ${i.message}`);
  if (issues.length > max) lines.push(`... and ${issues.length - max} more`);
  return lines.join('\n');
}
