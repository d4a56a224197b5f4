/**
 * fast-check arbitrary for `MemoMessage`, derived from the schema table so that it covers every
 * optional element of both versions. Values are XSD-valid (v4 UUIDs, UTC `Z` datetimes, digit
 * P-numbers/GLNs, 2-letter languages) and text mixes XML-special and multi-byte characters.
 * Test support only: never imported by the SDK itself.
 * @module
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { MemoMessage, MemoVersion } from '../../model.js';
import { inVersion, memoSchema } from '../../schema/memoSchema.js';
import type { ComplexSpec, SimpleKind } from '../../schema/memoSchema.js';

const FRAGMENTS = ['a', 'Z', '7', ' ', 'æ', 'ø', 'Å', '€', '😀', '&', '<', '>', '"', "'", ']]>', '&amp;', '\t', '\n', '\r\n', 'Ærø', 'é'];

/** Text of 1..`max` fragments (XSD lengths count characters; fragments keep well under the limits). */
function text(maxFragments: number): Arbitrary<string> {
  return fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: maxFragments }).map((a) => a.join(''));
}
const digits = (n: number): Arbitrary<string> =>
  fc.array(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });

const SIMPLE: Readonly<Record<Exclude<SimpleKind, 'base64' | 'decimal'>, Arbitrary<unknown>>> = {
  text: text(12),
  comment: text(20),
  notification: text(10),
  uuid: fc.uuid({ version: 4 }),
  dateTime: fc.tuple(instant, fc.boolean()).map(([d, ms]) => (ms ? d.toISOString() : d.toISOString().replace(/\.\d{3}Z$/, 'Z'))),
  date: instant.map((d) => d.toISOString().slice(0, 10)),
  boolean: fc.boolean(),
  pNumber: digits(10),
  gln: digits(13),
  language: fc.constantFrom('da', 'en', 'kl', 'de', 'fo'),
  uri: fc.constantFrom('https://example.dk/sag?id=1&type=a', 'https://borger.example.dk/æble', 'https://kommune.example.dk/'),
  licenseNumber: fc.constantFrom('AB12345', 'XY9', 'ÆØ 12'),
  messageType: fc.constantFrom('DIGITALPOST', 'NEMSMS'),
};

const content = fc.uint8Array({ minLength: 0, maxLength: 40 }).map((bytes) => ({ kind: 'bytes' as const, bytes }));

function complexArbitrary(spec: ComplexSpec, version: MemoVersion, maxRepeat: number): Arbitrary<Record<string, unknown>> {
  const model: Record<string, Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const child of spec.children) {
    if (!inVersion(child, version)) continue;
    const item: Arbitrary<unknown> =
      typeof child.type !== 'string'
        ? complexArbitrary(child.type, version, maxRepeat)
        : child.type === 'base64'
          ? content
          : SIMPLE[child.type as keyof typeof SIMPLE];
    if (child.max > 1) {
      // An empty optional array means the same as an absent key; the key itself is optional.
      model[child.name] = fc.array(item, { minLength: Math.max(child.min, 1), maxLength: Math.max(child.min, 1, Math.min(child.max, maxRepeat)) });
      if (child.min > 0) required.push(child.name);
    } else {
      model[child.name] = item;
      if (child.min > 0) required.push(child.name);
    }
  }
  const record = fc.record(model, { requiredKeys: required });
  const choice = spec.choice;
  if (!choice) return record;
  // Keep at most one member of the choice (Action: Reservation | EntryPoint).
  return fc.tuple(record, fc.nat(choice.length - 1)).map(([r, keep]) => {
    const copy = { ...r };
    choice.forEach((name, i) => {
      if (i !== keep) delete copy[name];
    });
    return copy;
  });
}

export interface ArbitraryMemoOptions {
  /** Only this version (default: both). */
  readonly version?: MemoVersion;
  /** Upper bound for repeated elements (default 2). */
  readonly maxRepeat?: number;
}

/** Arbitrary XSD-valid MeMo messages with every optional element possible. */
export function arbitraryMemoMessage(options: ArbitraryMemoOptions = {}): Arbitrary<MemoMessage> {
  const versions: MemoVersion[] = options.version ? [options.version] : ['1.1', '1.2'];
  return fc.constantFrom(...versions).chain((version) => {
    const root = memoSchema(version);
    return complexArbitrary(root, version, options.maxRepeat ?? 2).map(
      (body) => ({ memoVersion: version, ...(version === '1.1' ? { memoSchVersion: '1.1.0' } : {}), ...body }) as unknown as MemoMessage,
    );
  });
}
