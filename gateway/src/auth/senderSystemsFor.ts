/**
 * Which sender systems a caller may use: those sharing at least one group with the token.
 * @module
 */
import type { GatewayConfig, SenderSystemConfig } from '../config/GatewayConfig.js';
import type { Caller } from './Caller.js';

export function senderSystemsFor(caller: Caller, config: GatewayConfig): readonly SenderSystemConfig[] {
  return config.senderSystems.filter((s) => s.groups.some((g) => caller.groups.includes(g)));
}
