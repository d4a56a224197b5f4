/**
 * Batches concurrent XSD validations into one libxml2 run per MeMo version. Starting the
 * engine dominates the cost (about 135 ms for one small letter, about 10 ms each for 20 in one
 * run on the development machine), so a burst of sends from `sendMany` is validated together.
 * @module
 */
import type { MemoVersion } from '@postbud/sdk';
import type { MemoXsdValidator, XsdProblem } from '@postbud/sdk/node';

interface Pending {
  readonly name: string;
  readonly xml: string;
  readonly resolve: (problems: XsdProblem[]) => void;
  readonly reject: (err: unknown) => void;
}

const MAX_BATCH_DOCS = 64;
const MAX_BATCH_CHARS = 32 * 1024 * 1024;
const GATHER_MS = 3;

export class XsdBatcher {
  readonly #validator: MemoXsdValidator;
  readonly #queues: Record<MemoVersion, Pending[]> = { '1.1': [], '1.2': [] };
  readonly #scheduled: Record<MemoVersion, boolean> = { '1.1': false, '1.2': false };
  #seq = 0;

  constructor(validator: MemoXsdValidator) {
    this.#validator = validator;
  }

  validate(xml: string, version: MemoVersion): Promise<XsdProblem[]> {
    return new Promise((resolve, reject) => {
      this.#queues[version].push({ name: `memo-${++this.#seq}.xml`, xml, resolve, reject });
      if (!this.#scheduled[version]) {
        this.#scheduled[version] = true;
        setTimeout(() => void this.#flush(version), GATHER_MS);
      }
    });
  }

  async #flush(version: MemoVersion): Promise<void> {
    const queue = this.#queues[version];
    const batch: Pending[] = [];
    let chars = 0;
    while (queue.length > 0 && batch.length < MAX_BATCH_DOCS && (batch.length === 0 || chars + queue[0]!.xml.length <= MAX_BATCH_CHARS)) {
      const next = queue.shift()!;
      chars += next.xml.length;
      batch.push(next);
    }
    if (queue.length > 0) setTimeout(() => void this.#flush(version), 0);
    else this.#scheduled[version] = false;
    try {
      const problems = await this.#validator.validateMany(batch.map((p) => ({ name: p.name, xml: p.xml })), version);
      for (const p of batch) {
        const own = problems.filter((x) => x.document === p.name);
        // An error without a location is attributed to the batch's first document; confirm alone.
        if (batch.length > 1 && own.some((x) => x.line === null)) {
          p.resolve(await this.#validator.validate(p.xml, version, p.name));
        } else {
          p.resolve(own);
        }
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
