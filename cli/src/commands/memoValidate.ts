/**
 * `postbud memo validate <file...>`: checks MeMo files with the SDK's rules (XSD rules and
 * NgDP business rules) and, with `--xsd-dir`, also with the official XSDs. One line per
 * problem on standard output (`file: path: CODE: message`), a summary on standard error.
 * @module
 */
import type { Command } from 'commander';
import { isPostbudError, maskCprInText, parseMemo, validateMemoXml } from '@postbud/sdk';
import type { MemoVersion } from '@postbud/sdk';
import { MemoXsdValidator } from '@postbud/sdk/node';
import type { CliContext } from '../CliContext.js';
import { EXIT_FAILURE } from '../exitCodes.js';
import { readInput } from '../io/readInput.js';
import { resolvePath } from '../io/resolvePath.js';

interface FileProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

interface FileReport {
  readonly file: string;
  readonly memoVersion: MemoVersion | null;
  readonly problems: readonly FileProblem[];
  /** The document as text, for the XSD pass; null when it could not be read or parsed. */
  readonly xml: string | null;
}

interface ValidateOptions {
  readonly xsdDir?: string;
  readonly json?: boolean;
}

/** Document-level problems (unreadable, not XML, not MeMo) have no element path: `/`. */
const DOCUMENT_PATH = '/';

async function checkFile(arg: string, ctx: CliContext): Promise<FileReport> {
  let name = arg;
  try {
    const input = await readInput(arg, ctx);
    name = input.name;
    const problems = validateMemoXml(input.bytes).map(({ path, code, message }) => ({ path, code, message }));
    // validateMemoXml succeeded, so the document parses; the version picks the XSD.
    const memoVersion = parseMemo(input.bytes).message.memoVersion;
    return { file: name, memoVersion, problems, xml: Buffer.from(input.bytes).toString('utf8') };
  } catch (error) {
    if (!isPostbudError(error)) throw error;
    return { file: name, memoVersion: null, problems: [{ path: DOCUMENT_PATH, code: error.code, message: error.message }], xml: null };
  }
}

/** Adds the official XSDs' verdict. libxml2 reports lines, not paths, so the path is `line N`. */
async function withXsdProblems(reports: readonly FileReport[], dir: string): Promise<FileReport[]> {
  const validator = await MemoXsdValidator.load(dir);
  const out: FileReport[] = [];
  for (const report of reports) {
    if (report.xml === null || report.memoVersion === null) {
      out.push(report);
      continue;
    }
    const found = await validator.validate(report.xml, report.memoVersion, report.file);
    const xsd = found.map((p) => ({ path: p.line === null ? DOCUMENT_PATH : `line ${p.line}`, code: 'XSD', message: p.message }));
    out.push({ ...report, problems: [...report.problems, ...xsd] });
  }
  return out;
}

function summary(reports: readonly FileReport[]): string {
  const bad = reports.filter((r) => r.problems.length > 0);
  if (bad.length === 0) return reports.length === 1 ? 'The file is valid MeMo.' : `All ${reports.length} files are valid MeMo.`;
  const count = bad.reduce((n, r) => n + r.problems.length, 0);
  return `${count} problem${count === 1 ? '' : 's'} in ${bad.length} of ${reports.length} file${reports.length === 1 ? '' : 's'}.`;
}

function printReports(reports: readonly FileReport[], ctx: CliContext, json: boolean): void {
  if (json) {
    const plain = reports.map((r) => ({ file: r.file, valid: r.problems.length === 0, memoVersion: r.memoVersion, problems: r.problems }));
    ctx.io.stdout(`${maskCprInText(JSON.stringify(plain, null, 2))}\n`);
  } else {
    for (const r of reports) {
      for (const p of r.problems) ctx.io.stdout(`${r.file}: ${p.path}: ${p.code}: ${maskCprInText(p.message)}\n`);
    }
  }
  ctx.io.stderr(`${summary(reports)}\n`);
}

export function registerMemoValidateCommand(memo: Command, ctx: CliContext): void {
  memo
    .command('validate')
    .description('check MeMo files against the XSD rules and NgDP business rules, every problem at once')
    .argument('<file...>', 'MeMo XML files; - reads standard input')
    .option('--xsd-dir <dir>', 'also validate with the official MeMo XSDs in this folder (MeMo_core.xsd and Version1.2/)')
    .option('--json', 'print a JSON report instead of one line per problem')
    .addHelpText(
      'after',
      '\nOutput: one line per problem on standard output, "file: path: CODE: message" (path is XPath-like;\n' +
        '/ for the whole document, "line N" for findings of the official XSDs); a summary on standard error.\n' +
        'Exit code 0 when every file is valid, 1 otherwise.\n',
    )
    .action(async (files: string[], options: ValidateOptions) => {
      let reports: FileReport[] = [];
      for (const file of files) reports.push(await checkFile(file, ctx));
      if (options.xsdDir !== undefined) reports = await withXsdProblems(reports, resolvePath(options.xsdDir, ctx));
      printReports(reports, ctx, options.json === true);
      if (reports.some((r) => r.problems.length > 0)) ctx.setExitCode(EXIT_FAILURE);
    });
}
