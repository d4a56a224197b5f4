/**
 * Node-only test plumbing for XSD agreement tests: validates many written messages with the
 * official XSDs in batches (one engine run per batch) and maps problems back to case indexes.
 * Not exported from the testing barrel, which must stay runtime-neutral.
 * @module
 */
import type { MemoVersion } from '../memo/model.js';
import type { MemoXsdValidator, XsdProblem } from '../runtime/node/MemoXsdValidator.js';

export interface XsdCase {
  readonly version: MemoVersion;
  readonly xml: string;
}

/** XSD problems per case index (an index without an entry is valid). */
export async function xsdProblemsByCase(
  validator: MemoXsdValidator,
  cases: readonly XsdCase[],
  batch = 400,
): Promise<Map<number, XsdProblem[]>> {
  const byCase = new Map<number, XsdProblem[]>();
  for (const version of ['1.1', '1.2'] as const) {
    const docs = cases.flatMap((c, i) => (c.version === version ? [{ name: `case-${i}.xml`, xml: c.xml }] : []));
    for (let start = 0; start < docs.length; start += batch) {
      for (const problem of await validator.validateMany(docs.slice(start, start + batch), version)) {
        const index = Number(/^case-(\d+)\.xml$/.exec(problem.document)?.[1] ?? -1);
        byCase.set(index, [...(byCase.get(index) ?? []), problem]);
      }
    }
  }
  return byCase;
}
