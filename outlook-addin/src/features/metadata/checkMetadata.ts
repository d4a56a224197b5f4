/**
 * Checks the case metadata against the sender system's policy before sending.
 * @module
 */
import type { RequiredMetadata } from '../../gateway/types.js';

export interface LetterMetadata {
  readonly title: string;
  readonly caseId: string;
  readonly kle: string;
}

export type MetadataProblem =
  | { readonly field: RequiredMetadata; readonly kind: 'required' }
  | { readonly field: 'kle'; readonly kind: 'kleFormat' }
  | { readonly field: 'title'; readonly kind: 'tooLong' };

/** KLE emnenummer: `NN`, `NN.NN` or `NN.NN.NN`, optionally followed by a handling facet (`G01`). */
const KLE = /^\d{2}(\.\d{2}){0,2}(\s*[A-Z]\d{2})?$/;

export function checkMetadata(meta: LetterMetadata, required: readonly RequiredMetadata[]): readonly MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  for (const field of required) {
    if (meta[field].trim() === '') problems.push({ field, kind: 'required' });
  }
  if (meta.title.trim() === '' && !required.includes('title')) problems.push({ field: 'title', kind: 'required' });
  if (meta.title.length > 100) problems.push({ field: 'title', kind: 'tooLong' });
  if (meta.kle.trim() !== '' && !KLE.test(meta.kle.trim())) problems.push({ field: 'kle', kind: 'kleFormat' });
  return problems;
}
