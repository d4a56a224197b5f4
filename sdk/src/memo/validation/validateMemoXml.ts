/**
 * `validateMemoXml`: validates MeMo XML as it stands: the structural issues the parser finds
 * (element order, unknown elements) plus every model issue of {@link validateMemo}, each
 * problem once.
 * @module
 */
import { parseMemo } from '../xml/parseMemo.js';
import type { ParseMemoOptions } from '../xml/parseMemo.js';
import { validateMemo } from './validateMemo.js';
import type { ValidateMemoOptions } from './validateMemo.js';
import type { ValidationIssue } from './ValidationIssue.js';

export interface ValidateMemoXmlOptions extends ValidateMemoOptions, ParseMemoOptions {}

/**
 * The parser reports a count problem at the offending occurrence (`ContactInfo[3]`), the
 * model validator at the element (`ContactInfo`): the same problem, so compare without the
 * final index. Other codes compare by their exact path.
 */
function issueKey(issue: ValidationIssue): string {
  const path = issue.code === 'TOO_MANY' || issue.code === 'TOO_FEW' || issue.code === 'REQUIRED' ? issue.path.replace(/\[\d+\]$/, '') : issue.path;
  return `${issue.code === 'TOO_FEW' ? 'REQUIRED' : issue.code} ${path}`;
}

/**
 * Every problem of the XML (empty when valid). Throws like `parseMemo` when the input is not
 * well-formed, hostile or not MeMo at all (`MEMO_XML_MALFORMED`, `MEMO_XML_FORBIDDEN`,
 * `MEMO_XML_LIMIT_EXCEEDED`, `MEMO_NOT_MEMO`).
 */
export function validateMemoXml(xml: string | Uint8Array, options: ValidateMemoXmlOptions = {}): ValidationIssue[] {
  const parsed = parseMemo(xml, options);
  const issues = [...parsed.issues];
  const seen = new Set(issues.map(issueKey));
  // The parser fills a missing required element with a placeholder ('' or {}) and reports it
  // as REQUIRED; what the model validator then says about the placeholder is the same problem.
  const missing = parsed.issues.filter((i) => i.code === 'REQUIRED').map((i) => i.path);
  const underMissing = (path: string): boolean => missing.some((m) => path === m || path.startsWith(`${m}/`) || path.startsWith(`${m}[`));
  for (const issue of validateMemo(parsed.message, options)) {
    const key = issueKey(issue);
    if (!seen.has(key) && !underMissing(issue.path)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}
