/**
 * Collects issues during one validation walk.
 * @module
 */
import { maskCprInText } from '../../identifiers/mask.js';
import type { MemoVersion } from '../model.js';
import type { MemoIssueCode, ValidationIssue } from './ValidationIssue.js';

export class ValidationContext {
  readonly issues: ValidationIssue[] = [];

  constructor(
    readonly version: MemoVersion,
    /** Whether NgDP business rules run besides the XSD rules. */
    readonly business: boolean,
  ) {}

  /** Records an issue. Messages are CPR-masked here, once, so no rule can leak a number. */
  report(path: string, code: MemoIssueCode, message: string): void {
    this.issues.push({ path, code, message: maskCprInText(message) });
  }
}
