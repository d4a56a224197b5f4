/**
 * Masking of personal identifiers for logs and error messages.
 * A CPR number is shown as `010101-****`: enough to tell letters apart, never enough to identify.
 * @module
 */

/** Masks one CPR number given as 10 digits or `DDMMYY-NNNN`. Other text is returned unchanged. */
export function maskCpr(value: string): string {
  const m = /^(\d{6})-?(\d{4})$/.exec(value.trim());
  return m ? `${m[1]}-****` : value;
}

// Six digits that could be a date, an optional dash or space, four digits; not inside a longer number.
const CPR_LIKE = /(?<![\d-])(\d{6})[- ]?\d{4}(?![\d])/g;

/**
 * Masks everything in a text that looks like a CPR number (10 digits or `DDMMYY-NNNN`).
 * Over-masking a 10-digit number that is not a CPR number is the safe error.
 */
export function maskCprInText(text: string): string {
  return text.replace(CPR_LIKE, (_all, date: string) => `${date}-****`);
}
