import { expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { sharedReference } from '../../../../test-support/sharedReference.js';
import { MEMO_NAMESPACES } from '../model.js';
import type { MemoVersion } from '../model.js';
import { inVersion, memoSchema } from './memoSchema.js';
import type { ComplexSpec } from './memoSchema.js';

const xsdDir = sharedReference('memo/xsd');
const withXsd = xsdDir ? test : test.skip;

const SIMPLE_TYPES: Readonly<Record<string, string>> = {
  memoTextType: 'text',
  memoCommentType: 'comment',
  memoNotificationType: 'notification',
  memoUuidType: 'uuid',
  memoDateTimeType: 'dateTime',
  date: 'date',
  boolean: 'boolean',
  memoPNumberType: 'pNumber',
  memoGLNType: 'gln',
  memoLanguageType: 'language',
  memoUriType: 'uri',
  base64Binary: 'base64',
  memoLicenseNumberType: 'licenseNumber',
  memoMessageType: 'messageType',
};
const prefixOf = (uri: string): string => Object.entries(MEMO_NAMESPACES).find(([, u]) => u === uri)![0];

interface XsdChild { ns: string; name: string; min: number; max: number; type: string }
interface XsdElement { type?: string; children?: XsdChild[] }

/** Reads the top-level elements of the XSD files into `key "ns:name"`→ structure (sequences and choices flattened). */
function readXsds(files: readonly string[]): Map<string, XsdElement> {
  const top = new Map<string, XsdElement>();
  const pendingRefs: { child: XsdChild; ref: string }[] = [];
  for (const file of files) {
    const parser = new SaxesParser({ xmlns: true });
    let targetNs = '';
    let current: XsdElement | null = null;
    let depth = 0;
    parser.on('opentag', (tag) => {
      depth++;
      const a = (n: string): string | undefined => tag.attributes[n]?.value;
      if (tag.local === 'schema') targetNs = prefixOf(a('targetNamespace')!);
      if (tag.local !== 'element') return;
      if (depth === 2) {
        current = a('type') ? { type: a('type')!.split(':').pop()! } : { children: [] };
        top.set(`${targetNs}:${a('name')}`, current);
        return;
      }
      const max = a('maxOccurs') === 'unbounded' ? Infinity : Number(a('maxOccurs') ?? 1);
      const child: XsdChild = { ns: targetNs, name: a('name') ?? '', min: Number(a('minOccurs') ?? 1), max, type: '' };
      const ref = a('ref');
      if (ref) {
        const [p, local] = ref.includes(':') ? ref.split(':') : ['', ref];
        const uri = (p ? parser.resolve(p) : undefined) ?? MEMO_NAMESPACES.memo;
        child.ns = prefixOf(uri);
        child.name = local!;
        pendingRefs.push({ child, ref: `${child.ns}:${local}` });
      } else {
        child.type = SIMPLE_TYPES[a('type')!.split(':').pop()!]!;
      }
      current!.children!.push(child);
    });
    parser.on('closetag', () => void depth--);
    parser.write(readFileSync(file, 'utf8')).close();
  }
  for (const { child, ref } of pendingRefs) {
    const target = top.get(ref)!;
    child.type = target.type ? SIMPLE_TYPES[target.type]! : ref;
  }
  return top;
}

function compareWithXsd(spec: ComplexSpec, version: MemoVersion, xsd: Map<string, XsdElement>, seen = new Set<string>()): void {
  const key = `${spec.ns}:${spec.name}`;
  if (seen.has(key)) return;
  seen.add(key);
  const expected = xsd.get(key)!.children!;
  const actual = spec.children.filter((c) => inVersion(c, version));
  expect({ key, children: actual.map((c) => ({ ns: c.ns, name: c.name, min: c.min, max: c.max, type: typeof c.type === 'string' ? c.type : `${c.type.ns}:${c.type.name}` })) }).toEqual({ key, children: expected });
  for (const c of actual) if (typeof c.type !== 'string') compareWithXsd(c.type, version, xsd, seen);
}

withXsd('the table matches the official 1.1 and 1.2 XSDs element by element (order, namespace, cardinality, type)', () => {
  const shared = readdirSync(xsdDir!).filter((n) => n.endsWith('.xsd') && n !== 'MeMo_core.xsd').map((n) => path.join(xsdDir!, n));
  compareWithXsd(memoSchema('1.1'), '1.1', readXsds([...shared, path.join(xsdDir!, 'MeMo_core.xsd')]));
  compareWithXsd(memoSchema('1.2'), '1.2', readXsds([...shared, path.join(xsdDir!, 'Version1.2', 'MeMo_core.xsd')]));
});

test('version differences: memoSchVersion, mandatory/legalNotification, Representative, originalRepresentative', () => {
  const header = (v: MemoVersion) => memoSchema(v).children[0]!.type as ComplexSpec;
  const child = (s: ComplexSpec, name: string) => s.children.find((c) => c.name === name)!;
  expect(memoSchema('1.1').attributes!.find((a) => a.name === 'memoSchVersion')!.required).toBe(true);
  expect(memoSchema('1.2').attributes!.find((a) => a.name === 'memoSchVersion')!.versions).toEqual(['1.1']);
  expect(child(header('1.1'), 'mandatory').min).toBe(1);
  expect(child(header('1.2'), 'legalNotification').min).toBe(0);
  const sender = child(header('1.1'), 'Sender').type as ComplexSpec;
  expect(inVersion(child(sender, 'Representative'), '1.1')).toBe(false);
  expect(inVersion(child(sender, 'Representative'), '1.2')).toBe(true);
  expect(Object.isFrozen(memoSchema('1.2').children)).toBe(true);
});
