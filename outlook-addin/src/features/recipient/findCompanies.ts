/**
 * Finds companies by CVR number or by name, for the company recipient flows.
 * @module
 */
import { checkCvr } from '@postbud/sdk';
import type { Company } from '../../gateway/types.js';

export interface CompanyDirectory {
  searchCompanies(query: string): Promise<readonly Company[]>;
  company(cvr: string): Promise<Company>;
}

export type CompanySearch =
  | { readonly kind: 'tooShort' }
  | { readonly kind: 'invalidCvr' }
  | { readonly kind: 'found'; readonly companies: readonly Company[] };

/** Eight digits are treated as a CVR number (looked up directly); anything else as a name. */
export async function findCompanies(directory: CompanyDirectory, text: string): Promise<CompanySearch> {
  const query = text.trim();
  const digits = query.replace(/\s+/g, '');
  if (/^\d{8}$/.test(digits)) {
    const cvr = checkCvr(digits);
    if (!cvr.ok) return { kind: 'invalidCvr' };
    const company = await directory.company(cvr.value);
    return { kind: 'found', companies: [company] };
  }
  if (query.length < 2) return { kind: 'tooShort' };
  return { kind: 'found', companies: await directory.searchCompanies(query) };
}
