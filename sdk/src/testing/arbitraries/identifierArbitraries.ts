/**
 * Fictional but valid Danish identifiers: CPR numbers with a real past birth date, CVR numbers
 * passing modulus 11, 10-digit P-numbers.
 * @module
 */
import fc from 'fast-check';
import { cvrFromSevenDigits } from '../fictionalIdentifiers.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Born 1900–1999 (century digit 0–3), written `DDMMYYNNNN` or `DDMMYY-NNNN`. */
export function cprArbitrary(): fc.Arbitrary<string> {
  return fc
    .record({
      date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('1999-12-31T00:00:00Z'), noInvalidDate: true }),
      century: fc.integer({ min: 0, max: 3 }),
      serial: fc.integer({ min: 0, max: 999 }),
      dash: fc.boolean(),
    })
    .map(({ date, century, serial, dash }) => {
      const ddmmyy = `${pad(date.getUTCDate(), 2)}${pad(date.getUTCMonth() + 1, 2)}${pad(date.getUTCFullYear() % 100, 2)}`;
      return `${ddmmyy}${dash ? '-' : ''}${century}${pad(serial, 3)}`;
    });
}

export function cvrArbitrary(): fc.Arbitrary<string> {
  return fc
    .integer({ min: 1_000_000, max: 9_999_999 })
    .map((n) => cvrFromSevenDigits(String(n)))
    .filter((cvr): cvr is string => cvr !== null);
}

export function pNumberArbitrary(): fc.Arbitrary<string> {
  return fc.integer({ min: 1_000_000_000, max: 2_147_483_647 }).map(String);
}
