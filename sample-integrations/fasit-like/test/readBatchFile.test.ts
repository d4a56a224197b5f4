import { expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBatchFile } from '../src/readBatchFile.js';

const fixture = fileURLToPath(new URL('../fixtures/sample-batch.csv', import.meta.url));

test('the fixture CSV gives three rows and reports the fourth (impossible CPR) with what to fix', () => {
  const { rows, errors } = readBatchFile(fixture);
  expect(rows.map((r) => r.caseId)).toEqual(['FASIT-200001', 'FASIT-200002', 'FASIT-200003']);
  expect(rows[2]?.address).toEqual({ street: 'Møllevej', building: '8', postCode: '8001', city: 'Solbjerg Nord' });
  expect(errors).toEqual([{ row: 4, caseId: 'FASIT-200004', error: expect.stringMatching(/^Row 4: the CPR number 321390-\*\*\*\* is not valid/) }]);
});

test('JSON batches, quoted CSV fields and missing columns', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'postbud-batch-'));
  writeFileSync(path.join(dir, 'a.pdf'), '%PDF-1.4\n');
  writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ letters: [{ cpr: '0101901234', name: 'Anna Jensen', caseId: 'F-1', title: 'T', pdf: 'a.pdf' }, { cpr: '0101901234', name: 'X', caseId: 'F-2', title: '', pdf: 'a.pdf' }] }));
  const json = readBatchFile(path.join(dir, 'b.json'));
  expect(json.rows).toHaveLength(1);
  expect(json.errors[0]?.error).toBe('Row 2: fill in title.');
  writeFileSync(path.join(dir, 'c.csv'), 'cpr,name,caseId,title,pdf\n0101901234,"Jensen, Anna",F-3,"Svar ""nu""",a.pdf\n0101901234,Anna,F-4,T,mangler.pdf\n');
  const csv = readBatchFile(path.join(dir, 'c.csv'));
  expect(csv.rows[0]).toMatchObject({ name: 'Jensen, Anna', title: 'Svar "nu"' });
  expect(csv.errors[0]?.error).toContain('mangler.pdf does not exist');
});
