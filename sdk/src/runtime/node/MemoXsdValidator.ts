/**
 * Validation of MeMo XML against the official XSDs with a real XSD engine (libxml2 compiled to
 * WebAssembly, `xmllint-wasm`). Optional: the SDK's own runtime validation never needs it, but
 * tests and the sandbox use it so that the SDK's mistakes cannot hide behind its own rules.
 *
 * `xmllint-wasm` is loaded on first use, so it is needed only by those who call this.
 * @module
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PostbudError } from '../../errors/PostbudError.js';
import type { MemoVersion } from '../../memo/model.js';

export interface XsdProblem {
  /** Name given to the document (default `message.xml`). */
  readonly document: string;
  readonly line: number | null;
  readonly message: string;
}

interface XsdFile {
  readonly fileName: string;
  readonly contents: string;
}

type ValidateXml = (options: {
  xml: readonly XsdFile[];
  schema: readonly XsdFile[];
  preload: readonly XsdFile[];
  maxMemoryPages?: number;
}) => Promise<{ valid: boolean; errors: readonly { rawMessage: string; message: string; loc: { fileName: string; lineNumber: number } | null }[] }>;

/** Finds the folder holding `MeMo_core.xsd` (1.1) and `Version1.2/MeMo_core.xsd`: `dir` itself or `dir/xsd`. */
export function resolveMemoXsdDir(dir: string): string | null {
  for (const candidate of [dir, path.join(dir, 'xsd')]) {
    if (existsSync(path.join(candidate, 'MeMo_core.xsd')) && existsSync(path.join(candidate, 'Version1.2', 'MeMo_core.xsd'))) {
      return candidate;
    }
  }
  return null;
}

export class MemoXsdValidator {
  readonly #validateXml: ValidateXml;
  readonly #shared: readonly XsdFile[];
  readonly #core11: XsdFile;
  readonly #core12: XsdFile;

  private constructor(validateXml: ValidateXml, shared: readonly XsdFile[], core11: XsdFile, core12: XsdFile) {
    this.#validateXml = validateXml;
    this.#shared = shared;
    this.#core11 = core11;
    this.#core12 = core12;
  }

  /** Loads the official XSDs from `dir` (the `xsd/` folder or its parent). */
  static async load(dir: string): Promise<MemoXsdValidator> {
    const xsdDir = resolveMemoXsdDir(dir);
    if (!xsdDir) {
      throw new PostbudError('CONFIG_INVALID', `No MeMo XSDs found in ${dir} (expected MeMo_core.xsd and Version1.2/MeMo_core.xsd).`);
    }
    const names = (await readdir(xsdDir)).filter((n) => n.endsWith('.xsd') && n !== 'MeMo_core.xsd');
    const shared = await Promise.all(
      names.map(async (fileName) => ({ fileName, contents: await readFile(path.join(xsdDir, fileName), 'utf8') })),
    );
    const core11 = { fileName: 'MeMo_core.xsd', contents: await readFile(path.join(xsdDir, 'MeMo_core.xsd'), 'utf8') };
    // The 1.2 core imports `../MeMo_*.xsd`; keeping its folder name makes those imports resolve.
    const core12 = {
      fileName: 'Version1.2/MeMo_core.xsd',
      contents: await readFile(path.join(xsdDir, 'Version1.2', 'MeMo_core.xsd'), 'utf8'),
    };
    const module = (await import('xmllint-wasm')) as unknown as { validateXML: ValidateXml };
    return new MemoXsdValidator(module.validateXML, shared, core11, core12);
  }

  /** Validates one document; resolves to its problems (empty when valid). */
  async validate(xml: string, version: MemoVersion, document = 'message.xml'): Promise<XsdProblem[]> {
    return this.validateMany([{ name: document, xml }], version);
  }

  /** Validates many documents of one MeMo version in a single engine run (much faster than one by one). */
  async validateMany(documents: readonly { name: string; xml: string }[], version: MemoVersion): Promise<XsdProblem[]> {
    if (documents.length === 0) return [];
    const totalBytes = documents.reduce((n, d) => n + d.xml.length, 0);
    const result = await this.#validateXml({
      xml: documents.map((d) => ({ fileName: d.name, contents: d.xml })),
      schema: [version === '1.1' ? this.#core11 : this.#core12],
      preload: version === '1.1' ? this.#shared : [...this.#shared, this.#core11],
      // 64 KiB pages: room for the documents several times over, at least the default 16 MiB.
      maxMemoryPages: Math.min(65536, Math.max(256, Math.ceil((totalBytes * 4) / 65536) + 256)),
    });
    if (result.valid) return [];
    const problems: XsdProblem[] = [];
    for (const e of result.errors) {
      // libxml2 ends each failed document with a bare "<name> fails to validate" line; it only
      // carries information when no located error was reported for that document.
      const summary = /^(.+) fails to validate$/.exec(e.message.trim());
      if (summary) {
        const name = summary[1]!;
        if (!result.errors.some((o) => o.loc?.fileName === name)) {
          problems.push({ document: name, line: null, message: e.message.trim() });
        }
        continue;
      }
      problems.push({ document: e.loc?.fileName ?? documents[0]!.name, line: e.loc?.lineNumber ?? null, message: e.message.trim() });
    }
    return problems;
  }
}
