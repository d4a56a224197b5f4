/**
 * Picks the sign-in for the configuration: NAA where Outlook supports NestedAppAuth 1.1,
 * the sandbox IdP in development.
 * @module
 */
import { PostbudError } from '@postbud/sdk';
import type { AuthConfig } from '../config/AddinConfig.js';
import { DevTokenProvider } from './DevTokenProvider.js';
import { NaaTokenProvider } from './NaaTokenProvider.js';
import type { TokenProvider } from './TokenProvider.js';

export function createTokenProvider(config: AuthConfig, supportsNaa: boolean): TokenProvider {
  if (config.kind === 'dev') return new DevTokenProvider(config);
  if (!supportsNaa) {
    // Office-dialog fallback for clients without NAA is not built yet; say so plainly.
    return { getToken: () => Promise.reject(new PostbudError('AUTH_FAILED', 'This Outlook does not support nested app authentication (NestedAppAuth 1.1). Update Outlook or use Outlook on the web.', { fault: 'client' })) };
  }
  return new NaaTokenProvider(config);
}
