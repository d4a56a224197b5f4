/**
 * `postbud lookup <id>`: can a CPR/CVR (or CVR/P-number) receive Digital Post and NemSMS?
 * Also home of the client options shared with `postbud send` (environment, service,
 * certificate, API token, base URL).
 * @module
 */
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { DigitalPostClient, maskCpr, type EnvironmentName, type LookupResult, type ServiceName } from '@postbud/sdk';
import { createNodeTransport, loadClientCertificate, type ClientCertificate } from '@postbud/sdk/node';
import type { CliContext } from '../CliContext.js';
import { CliUsageError } from '../CliUsageError.js';
import { resolvePath } from '../io/resolvePath.js';
import { DEMO_AUTHORITY } from '../memo/demoAuthority.js';

export interface ClientCliOptions {
  readonly env?: string;
  readonly service?: string;
  readonly baseUrl?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly pfx?: string;
  readonly passphrase?: string;
  readonly ca?: string;
  readonly apiUser?: string;
  readonly apiToken?: string;
  readonly senderCvr?: string;
  readonly senderLabel?: string;
  readonly json?: boolean;
}

/** Adds the options every client command shares. */
export function addClientOptions(command: Command): Command {
  return command
    .addOption(new Option('--env <name>', 'environment').choices(['sandbox', 'test', 'production']).default('sandbox'))
    .addOption(new Option('--service <name>', 'SF1601 (KOMBIT) or NgDP direct').choices(['sf1601', 'ngdp']).default('sf1601'))
    .option('--base-url <url>', 'serve every endpoint from this URL (e.g. a sandbox on another port)')
    .option('--cert <file>', 'client certificate (PEM), with --key')
    .option('--key <file>', 'private key (PEM) of --cert')
    .option('--pfx <file>', 'client certificate as PKCS#12 (.p12/.pfx), with --passphrase')
    .option('--passphrase <text>', 'passphrase of --pfx or --key (or set POSTBUD_PASSPHRASE)')
    .option('--ca <file>', 'extra trusted CA certificate (PEM) for the server')
    .option('--api-user <name>', 'NgDP API user (or POSTBUD_NGDP_USER)')
    .option('--api-token <token>', 'NgDP API token (or POSTBUD_NGDP_TOKEN)')
    .option('--sender-cvr <cvr>', `the sending authority's CVR (default ${DEMO_AUTHORITY.cvr}, fictional)`)
    .option('--sender-label <text>', `the sending authority's name (default "${DEMO_AUTHORITY.label}")`)
    .option('--json', 'print the result as JSON');
}

async function certificateFrom(o: ClientCliOptions, ctx: CliContext): Promise<ClientCertificate | undefined> {
  const passphrase = o.passphrase ?? ctx.env['POSTBUD_PASSPHRASE'];
  const pass = passphrase === undefined ? {} : { passphrase };
  if (o.pfx !== undefined) return loadClientCertificate({ pfxFile: resolvePath(o.pfx, ctx), ...pass });
  if ((o.cert === undefined) !== (o.key === undefined)) throw new CliUsageError('--cert and --key go together: give both, or use --pfx.');
  if (o.cert !== undefined && o.key !== undefined) return loadClientCertificate({ certFile: resolvePath(o.cert, ctx), keyFile: resolvePath(o.key, ctx), ...pass });
  return undefined;
}

/** Builds a client from the shared options (certificate files are read and checked first). */
export async function clientFromCliOptions(o: ClientCliOptions, ctx: CliContext): Promise<DigitalPostClient> {
  const certificate = await certificateFrom(o, ctx);
  const ca = o.ca === undefined ? undefined : await readFile(resolvePath(o.ca, ctx), 'utf8');
  const user = o.apiUser ?? ctx.env['POSTBUD_NGDP_USER'];
  const token = o.apiToken ?? ctx.env['POSTBUD_NGDP_TOKEN'];
  const baseUrl = o.baseUrl ?? ctx.env['POSTBUD_BASE_URL'];
  return new DigitalPostClient({
    environment: (o.env ?? 'sandbox') as EnvironmentName,
    service: (o.service ?? 'sf1601') as ServiceName,
    ...(baseUrl ? { baseUrl } : {}),
    transport: createNodeTransport({ ...(certificate ? { certificate } : {}), ...(ca ? { ca } : {}) }),
    credentials: {
      ...(certificate ? { certificateBase64: certificate.certificateBase64 } : {}),
      ...(user !== undefined && token !== undefined ? { ngdpApiToken: { username: user, token } } : {}),
    },
    sender: { cvr: o.senderCvr ?? DEMO_AUTHORITY.cvr, label: o.senderLabel ?? DEMO_AUTHORITY.label },
  });
}

function describe(result: LookupResult): string {
  const who = result.recipient.type === 'cpr' ? `CPR ${maskCpr(result.recipient.cpr)}` : `CVR ${result.recipient.cvr}${result.recipient.pNumber ? ` (P-number ${result.recipient.pNumber})` : ''}`;
  const yesNo = (b: boolean): string => (b ? 'yes' : 'no');
  const why = result.reason ? `\n  reason:       ${result.reason}${result.publicRegistrationStatus ? ` (${result.publicRegistrationStatus})` : ''}` : '';
  return `${who}\n  Digital Post: ${yesNo(result.digitalPost)}\n  NemSMS:       ${yesNo(result.nemSms)}${why}\n  checked via ${result.service} at ${result.checkedAt}\n`;
}

/** The JSON form, with a CPR number masked like everywhere else. */
export function lookupJson(result: LookupResult): Record<string, unknown> {
  const recipient = result.recipient.type === 'cpr' ? { type: 'cpr', cpr: maskCpr(result.recipient.cpr) } : result.recipient;
  return { ...result, recipient };
}

export function registerLookupCommand(program: Command, ctx: CliContext): void {
  addClientOptions(
    program
      .command('lookup')
      .description('can a recipient (CPR, CVR or CVR/P-number) receive Digital Post and NemSMS?')
      .argument('<id>', 'CPR number (10 digits or DDMMYY-NNNN), CVR number (8 digits) or CVR/P-number')
      .option('--p-number <pnumber>', 'production unit of the company (with a CVR)'),
  )
    .addHelpText('after', '\nExamples:\n  postbud lookup 0101901234\n  postbud lookup 13585628 --service ngdp --json\n')
    .action(async (id: string, options: ClientCliOptions & { readonly pNumber?: string }) => {
      const client = await clientFromCliOptions(options, ctx);
      const result = await client.lookup(options.pNumber === undefined ? id : { cvr: id, pNumber: options.pNumber });
      ctx.io.stdout(options.json ? `${JSON.stringify(lookupJson(result), null, 2)}\n` : describe(result));
    });
}
