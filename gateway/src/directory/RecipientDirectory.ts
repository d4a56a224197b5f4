/**
 * The gateway's port to a register of recipients (names and postal addresses): what it needs
 * to show who a CPR/CVR number is and to send physical post (fjernprint) to someone who
 * cannot receive Digital Post. The sandbox implementation reads the sandbox's world;
 * production plugs in a CPR/CVR register integration behind the same interface.
 * @module
 */
import type { PostalAddress } from '@postbud/sdk';

export type DirectoryQuery = { readonly cpr: string } | { readonly cvr: string; readonly pNumber?: string };

export interface DirectoryEntry {
  /** The citizen's or company's name. */
  readonly name?: string;
  /** For a CVR + P-number query: the production unit's name. */
  readonly productionUnitName?: string;
  /** Where physical post goes (for a P-number: the production unit's address). */
  readonly address?: PostalAddress;
  /** Why the recipient has no Digital Post, when the register knows (`exempt`, `closed`, `not-registered`). */
  readonly reason?: string;
}

export interface RecipientDirectory {
  /** Undefined when the register does not know the recipient. */
  find(query: DirectoryQuery): Promise<DirectoryEntry | undefined>;
}

/** No register: names and addresses come only from the sender system (`physicalAddress`). */
export const NO_DIRECTORY: RecipientDirectory = Object.freeze({ find: async () => undefined });
