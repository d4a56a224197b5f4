/**
 * Turns the `--to` identifier into a recipient: 8 digits is a CVR number, 10 digits or
 * `DDMMYY-NNNN` a CPR number. The number is checked here so that a typing error is reported
 * before any file is read; CPR numbers are masked in every message.
 * @module
 */
import { parseCpr, parseCvr, parsePNumber } from '@postbud/sdk';
import type { RecipientInput } from '@postbud/sdk';
import { CliUsageError } from '../CliUsageError.js';

export interface RecipientOptions {
  readonly to: string;
  readonly pNumber?: string;
  readonly name?: string;
}

export function recipientFromIdentifier(options: RecipientOptions): RecipientInput {
  const to = options.to.trim();
  const name = options.name === undefined ? {} : { name: options.name };
  if (/^\d{8}$/.test(to)) {
    const cvr = parseCvr(to);
    const pNumber = options.pNumber === undefined ? {} : { pNumber: parsePNumber(options.pNumber) };
    return { type: 'cvr', cvr, ...name, ...pNumber };
  }
  if (/^\d{6}-?\d{4}$/.test(to)) {
    if (options.pNumber !== undefined) {
      throw new CliUsageError('--p-number addresses a production unit of a company; it needs a CVR number in --to, not a CPR number.');
    }
    return { type: 'cpr', cpr: parseCpr(to), ...name };
  }
  throw new CliUsageError(
    '--to must be a CPR number (10 digits, DDMMYYNNNN or DDMMYY-NNNN) or a CVR number (8 digits).',
  );
}
