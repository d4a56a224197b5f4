/**
 * Routes of the web mailbox (postkasse).
 * @module
 */
import type { Router } from '../http/Router.js';
import type { SandboxContext } from '../SandboxContext.js';

export function registerMailboxRoutes(_router: Router, _ctx: SandboxContext): void {}
