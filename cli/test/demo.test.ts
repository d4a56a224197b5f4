import { expect, test } from '@jest/globals';
import { run } from './testContext.js';

test('postbud demo builds, validates and shows a reply-enabled letter', async () => {
  const r = await run(['demo']);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toContain('1. Built a letter with createMemoMessage:');
  expect(r.stdout).toContain('Reply:      enabled until 20');
  expect(r.stdout).toContain('Case:       SAG-2026-0042 in Demo ESDH');
  expect(r.stdout).toContain('afgoerelse.pdf (application/pdf,');
  expect(r.stdout).toContain('2. validateMemo: no problems');
  expect(r.stdout).toContain('<memo:Message');
  // The CPR number of the fictional citizen is masked everywhere, including in the XML preview.
  expect(r.stdout).toContain('010190-****');
  expect(r.stdout).not.toContain('0101901234');
});

test('--lines limits the XML preview', async () => {
  const r = await run(['demo', '--lines', '3']);
  expect(r.exitCode).toBe(0);
  expect(r.stdout).toMatch(/The first 3 lines:\n {3}<\?xml[^\n]*\n {3}<memo:Message[^\n]*\n[^\n]*\n {3}\.\.\. \(\d+ more lines\)/);
});
