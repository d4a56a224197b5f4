import { expect, test } from '@jest/globals';
import type { Company } from '../../gateway/types.js';
import { COMPANIES } from '../../testing/fixtures.js';
import { findCompanies } from './findCompanies.js';
import type { CompanyDirectory } from './findCompanies.js';
import { validateRecipient } from './validateRecipient.js';

const NOW = new Date('2026-06-01');

test('CPR input accepts DDMMYY-NNNN and ten digits, with a real date, no modulus 11', () => {
  expect(validateRecipient({ mode: 'cpr', cpr: ' 010190-1234 ' }, NOW)).toEqual({ ok: true, recipient: { type: 'cpr', cpr: '0101901234' } });
  expect(validateRecipient({ mode: 'cpr', cpr: '0101901235' }, NOW)).toMatchObject({ ok: true });
  expect(validateRecipient({ mode: 'cpr', cpr: '010190 1234' }, NOW)).toEqual({ ok: false, problem: 'cprFormat' });
  expect(validateRecipient({ mode: 'cpr', cpr: '01019-1234' }, NOW)).toEqual({ ok: false, problem: 'cprFormat' });
  expect(validateRecipient({ mode: 'cpr', cpr: '320190-1234' }, NOW)).toEqual({ ok: false, problem: 'cprDate' });
});

test('company recipients need a valid CVR and, for a production unit, a P-number', () => {
  expect(validateRecipient({ mode: 'cvr', cvr: '13748136' })).toEqual({ ok: true, recipient: { type: 'cvr', cvr: '13748136' } });
  expect(validateRecipient({ mode: 'cvr', cvr: '13748137' })).toEqual({ ok: false, problem: 'cvrInvalid' });
  expect(validateRecipient({ mode: 'cvr-p', cvr: '13748136' })).toEqual({ ok: false, problem: 'pNumberMissing' });
  expect(validateRecipient({ mode: 'cvr-p', cvr: '13748136', pNumber: '12345' })).toEqual({ ok: false, problem: 'pNumberInvalid' });
  expect(validateRecipient({ mode: 'cvr-p', cvr: '13748136', pNumber: '1012345678' }))
    .toEqual({ ok: true, recipient: { type: 'cvr', cvr: '13748136', pNumber: '1012345678' } });
});

class Directory implements CompanyDirectory {
  readonly calls: string[] = [];
  async searchCompanies(q: string): Promise<readonly Company[]> {
    this.calls.push(`search ${q}`);
    return COMPANIES.filter((c) => c.name.toLowerCase().includes(q.toLowerCase()));
  }
  async company(cvr: string): Promise<Company> {
    this.calls.push(`company ${cvr}`);
    return COMPANIES.find((c) => c.cvr === cvr)!;
  }
}

test('eight digits are looked up as a CVR number, other text searched by name', async () => {
  const dir = new Directory();
  expect(await findCompanies(dir, '1374 8136')).toMatchObject({ kind: 'found', companies: [{ cvr: '13748136' }] });
  expect(await findCompanies(dir, '13748137')).toEqual({ kind: 'invalidCvr' });
  expect(await findCompanies(dir, 'bageri')).toMatchObject({ kind: 'found', companies: [{ name: 'Eksempel Bageri I/S' }] });
  expect(await findCompanies(dir, 'b')).toEqual({ kind: 'tooShort' });
  expect(dir.calls).toEqual(['company 13748136', 'search bageri']);
});
