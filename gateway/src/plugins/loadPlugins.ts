/**
 * Loads the plugin named by each sender system: a built-in name, a file path (relative to
 * the config file) or a package name. Reports unknown or malformed plugins and plugins whose
 * capabilities contradict the municipality's policy as config errors.
 * @module
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SenderSystemPlugin, SenderSystemPluginFactory } from '@postbud/sdk';
import { configError } from '../config/ConfigIssue.js';
import type { ConfigIssue } from '../config/ConfigIssue.js';
import type { GatewayConfig, SenderSystemConfig } from '../config/GatewayConfig.js';
import { BUILTIN_PLUGINS } from './builtinPlugins.js';

export interface LoadedPlugins {
  /** By sender-system id (not plugin id: two systems may share a plugin). */
  readonly plugins: ReadonlyMap<string, SenderSystemPlugin>;
  readonly issues: readonly ConfigIssue[];
}

async function resolveFactory(spec: string, baseDir: string): Promise<SenderSystemPluginFactory | undefined> {
  const builtin = BUILTIN_PLUGINS[spec];
  if (builtin !== undefined) return builtin;
  const isPath = spec.startsWith('.') || path.isAbsolute(spec);
  const target = isPath ? pathToFileURL(path.resolve(baseDir, spec)).href : spec;
  try {
    const mod = (await import(target)) as Record<string, unknown>;
    const factory = mod['default'] ?? mod['createPlugin'];
    return typeof factory === 'function' ? (factory as SenderSystemPluginFactory) : undefined;
  } catch {
    return undefined;
  }
}

function isPlugin(value: unknown): value is SenderSystemPlugin {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Partial<SenderSystemPlugin>;
  return typeof p.id === 'string' && typeof p.toLetter === 'function' && typeof p.capabilities === 'object';
}

function capabilityIssues(s: SenderSystemConfig, p: SenderSystemPlugin, at: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (s.reply.policy !== 'never' && !p.capabilities.reply) {
    issues.push(configError('PLUGIN_CANNOT_REPLY', `${at}.reply.policy`, `Pluginet "${s.plugin}" kan ikke modtage svar, så reply.policy skal være never.`, `The plugin "${s.plugin}" cannot receive replies, so reply.policy must be never.`));
  }
  if (s.requiredMetadata.includes('caseId') && !p.capabilities.caseIds) {
    issues.push(configError('PLUGIN_NO_CASE_IDS', `${at}.requiredMetadata`, `Pluginet "${s.plugin}" kan ikke sende sags-id, men sags-id er krævet.`, `The plugin "${s.plugin}" cannot carry case ids, but a case id is required.`));
  }
  return issues;
}

/** `registered`: plugin instances by sender-system id, used instead of loading `plugin` (samples, tests). */
export async function loadPlugins(config: GatewayConfig, baseDir: string, registered: Readonly<Record<string, SenderSystemPlugin>> = {}): Promise<LoadedPlugins> {
  const plugins = new Map<string, SenderSystemPlugin>();
  const issues: ConfigIssue[] = [];
  for (const [i, s] of config.senderSystems.entries()) {
    const at = `senderSystems[${i}]`;
    const given = registered[s.id];
    if (given !== undefined) {
      if (!isPlugin(given)) {
        issues.push(configError('PLUGIN_INVALID', `${at}.plugin`, `Det registrerede plugin for "${s.id}" er ikke gyldigt (id, capabilities, toLetter).`, `The plugin registered for "${s.id}" is not valid (id, capabilities, toLetter).`));
        continue;
      }
      issues.push(...capabilityIssues(s, given, at));
      plugins.set(s.id, given);
      continue;
    }
    const factory = await resolveFactory(s.plugin, baseDir);
    if (factory === undefined) {
      const builtins = Object.keys(BUILTIN_PLUGINS).join(', ');
      issues.push(configError('PLUGIN_UNKNOWN', `${at}.plugin`, `Ukendt plugin "${s.plugin}". Indbyggede: ${builtins}; ellers en sti eller en pakke, der eksporterer en plugin-fabrik.`, `Unknown plugin "${s.plugin}". Built-in: ${builtins}; otherwise a path or package exporting a plugin factory.`));
      continue;
    }
    const plugin = await factory(s.pluginOptions);
    if (!isPlugin(plugin)) {
      issues.push(configError('PLUGIN_INVALID', `${at}.plugin`, `Pluginet "${s.plugin}" returnerer ikke et gyldigt plugin (id, capabilities, toLetter).`, `The plugin "${s.plugin}" does not return a valid plugin (id, capabilities, toLetter).`));
      continue;
    }
    issues.push(...capabilityIssues(s, plugin, at));
    plugins.set(s.id, plugin);
  }
  return { plugins, issues };
}
