#!/usr/bin/env node
/**
 * `postbud-sandbox`: the sandbox on its own (the same options as `postbud sandbox`).
 * @module
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './startSandbox.js';
import { sandboxOptionsFromCli, SandboxOptionError } from './sandboxCliOptions.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, memory: { type: 'boolean' },
    tls: { type: 'boolean' }, seed: { type: 'string' }, faults: { type: 'string' }, 'xsd-dir': { type: 'string' },
    'no-xsd': { type: 'boolean' }, validation: { type: 'string' }, duplicates: { type: 'string' },
    'delivery-delay': { type: 'string' }, 'status-push': { type: 'string' }, quiet: { type: 'boolean' },
  },
});
try {
  const quiet = values.quiet === true;
  const sb = await startSandbox(
    sandboxOptionsFromCli(
      {
        ...values, xsdDir: values['xsd-dir'], xsd: values['no-xsd'] ? false : undefined, deliveryDelay: values['delivery-delay'], statusPush: values['status-push'],
      } as Parameters<typeof sandboxOptionsFromCli>[0],
      process.cwd(),
      (line) => {
        if (!quiet) process.stdout.write(`${new Date().toISOString()} ${line}\n`);
      },
    ),
  );
  process.stdout.write(`${sb.banner}\n`);
  const stop = () => void sb.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`postbud-sandbox: ${err instanceof SandboxOptionError ? err.message : (err as Error).message}\n`);
  process.exitCode = err instanceof SandboxOptionError ? 2 : 1;
}
