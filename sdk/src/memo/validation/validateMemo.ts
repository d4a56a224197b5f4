/**
 * `validateMemo`: every problem of a MeMo message at once, from one walk over the model
 * driven by the schema table, plus NgDP's business rules (default). `assertValidMemo`
 * throws them as one `MEMO_INVALID` error.
 * @module
 */
import { PostbudError } from '../../errors/PostbudError.js';
import type { MemoMessage, MemoVersion } from '../model.js';
import { checkSimpleValue } from './checkSimpleValue.js';
import { compiledSchema } from './compiledSchema.js';
import type { CompiledComplex, CompiledElement } from './compiledSchema.js';
import { isXsdDecimal } from './simpleTypes.js';
import { ValidationContext } from './ValidationContext.js';
import type { ValidationIssue } from './ValidationIssue.js';

export interface ValidateMemoOptions {
  /**
   * `xsd`: only what the official XSDs check. `all` (default): also NgDP's business rules.
   * `business`: NgDP's business rules and the message's structure (required, repeated, versioned
   * elements) without the XSD's checks of each simple value (lengths, patterns, dates, base64
   * content): for a receiver that enforces only NgDP's rules, such as the sandbox in its light
   * load-test mode. Checking a 50 KB attachment's base64 is most of the cost of `all`.
   */
  readonly rules?: 'xsd' | 'all' | 'business';
}

type Node = Readonly<Record<string, unknown>>;

// The walk keeps the current element on the context's path stack (enter/leave) instead of
// passing path strings down: a valid message then builds no path at all.

function visit(element: CompiledElement, value: unknown, ctx: ValidationContext): void {
  if (element.complex === null) {
    if (ctx.simpleValues) checkSimpleValue(element.kind!, value, ctx);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    walk(value as Node, element.complex, ctx);
  } else {
    ctx.report('WRONG_TYPE', `Expected the ${element.key} element as an object.`);
  }
}

function missing(element: CompiledElement, ctx: ValidationContext): void {
  if (element.requiredByVersion) {
    ctx.reportChild(element.key, 'VERSION_MISMATCH', `MeMo ${ctx.version} requires ${element.key}; set it (usually false) or use MeMo 1.2, where it is optional.`);
  } else {
    ctx.reportChild(element.key, 'REQUIRED', `${element.key} is required here.`);
  }
}

function visitArray(element: CompiledElement, value: unknown, ctx: ValidationContext): void {
  if (!Array.isArray(value)) {
    ctx.report('WRONG_TYPE', `Expected ${element.key} as an array (the element may repeat).`);
    return;
  }
  if (value.length < element.min) {
    ctx.report('TOO_FEW', `At least ${element.min} ${element.key} ${element.min === 1 ? 'is' : 'are'} required; found ${value.length}.`);
  } else if (value.length > element.max) {
    ctx.report('TOO_MANY', `At most ${element.max} ${element.key} are allowed; found ${value.length}. Remove ${value.length - element.max}.`);
  }
  for (let i = 0; i < value.length; i++) {
    ctx.at(i + 1);
    visit(element, value[i], ctx);
  }
}

function walk(node: Node, spec: CompiledComplex, ctx: ValidationContext): void {
  const children = spec.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const value = node[child.key];
    if (value === undefined || value === null) {
      if (child.min > 0 && child.available) missing(child, ctx);
      continue;
    }
    ctx.enter(child.key);
    if (!child.available) {
      ctx.report('VERSION_MISMATCH', `${child.key} exists only in MeMo ${ctx.version === '1.1' ? '1.2' : '1.1'}; remove it or change memoVersion.`);
    } else if (child.array) {
      visitArray(child, value, ctx);
    } else {
      visit(child, value, ctx);
    }
    ctx.leave();
  }
  if (spec.choice !== null) choice(node, spec.name, spec.choice, ctx);
  if (ctx.business && spec.businessRule !== null) spec.businessRule(node, ctx);
}

function choice(node: Node, name: string, names: readonly string[], ctx: ValidationContext): void {
  const present = names.filter((n) => node[n] !== undefined && node[n] !== null);
  if (present.length > 1) {
    ctx.report('CHOICE', `${name} may hold only one of ${names.join(' and ')}; remove one.`);
  }
}

function checkVersionAttributes(message: Node, ctx: ValidationContext): void {
  const v = message.memoVersion;
  if (v === undefined || v === null) {
    ctx.reportAt('/Message/@memoVersion', 'REQUIRED', 'memoVersion is required: "1.2" (or "1.1").');
  } else if (typeof v !== 'string' || !isXsdDecimal(v)) {
    ctx.reportAt('/Message/@memoVersion', 'DECIMAL', 'memoVersion must be a decimal number: "1.2" (or "1.1").');
  } else if (v !== '1.1' && v !== '1.2') {
    ctx.reportAt('/Message/@memoVersion', 'VERSION_MISMATCH', `memoVersion "${v.slice(0, 20)}" is not supported; use "1.2" (or "1.1").`);
  }
  const sch = message.memoSchVersion;
  if (ctx.version === '1.1' && (sch === undefined || sch === null)) {
    ctx.reportAt('/Message/@memoSchVersion', 'VERSION_MISMATCH', 'MeMo 1.1 requires memoSchVersion="1.1.0".');
  } else if (ctx.version === '1.2' && sch !== undefined && sch !== null) {
    ctx.reportAt('/Message/@memoSchVersion', 'VERSION_MISMATCH', 'memoSchVersion was removed in MeMo 1.2; leave it out (or set memoVersion "1.1").');
  } else if (sch !== undefined && sch !== null) {
    ctx.enter('@memoSchVersion');
    checkSimpleValue('text', sch, ctx);
    ctx.leave();
  }
}

function checkMessageType(message: Node, ctx: ValidationContext): void {
  const header = message.MessageHeader as Node | undefined;
  if (typeof header !== 'object' || header === null) return;
  const hasBody = message.MessageBody !== undefined && message.MessageBody !== null;
  if (header.messageType === 'NEMSMS') {
    if (hasBody) ctx.reportAt('/Message/MessageBody', 'NEMSMS_HAS_BODY', 'A NEMSMS message has no MessageBody: the SMS text goes in notification (at most 150 characters).');
    if (typeof header.notification !== 'string' || header.notification.trim() === '') {
      ctx.reportAt('/Message/MessageHeader/notification', 'REQUIRED', 'A NEMSMS message needs notification: it is the text of the SMS (at most 150 characters).');
    }
  } else if (header.messageType === 'DIGITALPOST' && !hasBody) {
    ctx.reportAt('/Message/MessageBody', 'BODY_REQUIRED', 'A DIGITALPOST message needs a MessageBody with a MainDocument (the letter itself).');
  }
}

/** Every problem of `message` (empty when valid). Never throws for any input. */
export function validateMemo(message: MemoMessage, options: ValidateMemoOptions = {}): ValidationIssue[] {
  const business = options.rules !== 'xsd';
  const node = message as unknown as Node;
  if (typeof node !== 'object' || node === null) {
    return [{ path: '/Message', code: 'REQUIRED', message: 'Expected a MeMo message object.' }];
  }
  const version: MemoVersion = node.memoVersion === '1.1' ? '1.1' : '1.2';
  const ctx = new ValidationContext(version, business, options.rules !== 'business');
  ctx.enter('Message');
  checkVersionAttributes(node, ctx);
  walk(node, compiledSchema(version), ctx);
  if (business) checkMessageType(node, ctx);
  return ctx.issues;
}

/** How many issues an error message lists before "and N more". */
const LISTED = 5;

export function formatIssues(issues: readonly ValidationIssue[]): string {
  const lines = issues.slice(0, LISTED).map((i) => `${i.path}: ${i.message} [${i.code}]`);
  if (issues.length > LISTED) lines.push(`and ${issues.length - LISTED} more (see details.issues)`);
  return lines.join('\n  ');
}

/** Throws `MEMO_INVALID` listing the first problems, with all of them in `details.issues`. */
export function assertValidMemo(message: MemoMessage, options: ValidateMemoOptions = {}): void {
  const issues = validateMemo(message, options);
  if (issues.length === 0) return;
  throw new PostbudError(
    'MEMO_INVALID',
    `The MeMo message has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n  ${formatIssues(issues)}`,
    { fault: 'client', retryable: false, details: { issues } },
  );
}
