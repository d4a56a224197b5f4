/**
 * Where things are in the repository, from the compiled (`proof/dist`) or source (`proof/src`)
 * location of this file.
 * @module
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root (…/proof/{src,dist}/support → root). */
export const REPO_ROOT = path.resolve(here, '../../..');
export const PROOF_DIR = path.join(REPO_ROOT, 'proof');
/** The compiled proof scripts (child processes are always started from here). */
export const PROOF_DIST = path.join(PROOF_DIR, 'dist');
export const GATEWAY_MAIN = path.join(REPO_ROOT, 'gateway/dist/main.js');
