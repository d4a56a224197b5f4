/**
 * Which sender systems a caller may use: a caseworker those sharing at least one group with
 * the token; a service identity those that list its app id (`apps`) or whose role
 * `<requiredScope>.<system id>` it holds.
 * @module
 */
import type { GatewayConfig, SenderSystemConfig } from '../config/GatewayConfig.js';
import type { Caller } from './Caller.js';

export function mayUse(caller: Caller, s: SenderSystemConfig, config: GatewayConfig): boolean {
  if (caller.kind === 'app') {
    return (caller.appId !== undefined && s.apps.includes(caller.appId)) || (caller.roles ?? []).includes(`${config.auth.requiredScope}.${s.id}`);
  }
  return s.groups.some((g) => caller.groups.includes(g));
}

export function senderSystemsFor(caller: Caller, config: GatewayConfig): readonly SenderSystemConfig[] {
  return config.senderSystems.filter((s) => mayUse(caller, s, config));
}
