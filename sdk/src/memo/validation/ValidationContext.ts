/**
 * Collects issues during one validation walk, and knows where the walk is: a stack of element
 * names and indexes from which an issue's path is built only when there is an issue (valid
 * messages, the common case, build no path strings at all).
 * @module
 */
import { maskCprInText } from '../../identifiers/mask.js';
import type { MemoVersion } from '../model.js';
import type { MemoIssueCode, ValidationIssue } from './ValidationIssue.js';

export class ValidationContext {
  readonly issues: ValidationIssue[] = [];
  /** Path segments of the current element: names (or `@attribute`) and 1-based indexes (0: not repeated). */
  readonly #names: string[] = [];
  readonly #indexes: number[] = [];
  #depth = 0;

  constructor(
    readonly version: MemoVersion,
    /** Whether NgDP business rules run besides the XSD rules. */
    readonly business: boolean,
    /** Whether each simple value is checked against its XSD type (off for `rules: 'business'`). */
    readonly simpleValues = true,
  ) {}

  /** Steps into the child `name` (index 0) of the current element. */
  enter(name: string): void {
    this.#names[this.#depth] = name;
    this.#indexes[this.#depth] = 0;
    this.#depth++;
  }

  /** Sets the 1-based index of the current (repeated) element; 0 for the element list as a whole. */
  at(index: number): void {
    this.#indexes[this.#depth - 1] = index;
  }

  leave(): void {
    this.#depth--;
  }

  /** `/Message/MessageBody/MainDocument/File[1]`: the current element's path. */
  path(): string {
    let path = '';
    for (let i = 0; i < this.#depth; i++) {
      const index = this.#indexes[i]!;
      path += index === 0 ? `/${this.#names[i]!}` : `/${this.#names[i]!}[${index}]`;
    }
    return path;
  }

  /** An issue of the current element. */
  report(code: MemoIssueCode, message: string): void {
    this.reportAt(this.path(), code, message);
  }

  /** An issue of a child (or descendant: `EntryPoint/url`) of the current element. */
  reportChild(relativePath: string, code: MemoIssueCode, message: string): void {
    this.reportAt(`${this.path()}/${relativePath}`, code, message);
  }

  /** Records an issue. Messages are CPR-masked here, once, so no rule can leak a number. */
  reportAt(path: string, code: MemoIssueCode, message: string): void {
    this.issues.push({ path, code, message: maskCprInText(message) });
  }
}
