/**
 * The doc2mail-like output manager: watches `inbox/` for a printed PDF and its job ticket,
 * takes each complete pair into `processing/` (rename: atomic, so two scanners never take the
 * same job), finds the recipient (ticket, or the marked line in the PDF), and posts it to the
 * gateway with the ticket's address. The gateway (channel policy `auto`) decides: Digital Post
 * when the recipient can receive it, otherwise fjernprint (physical post) to the ticket's or
 * the register's address. Each job ends in `done/` with a receipt or in
 * `failed/` with `<job>.error.txt` saying what to fix. One bad job never blocks the queue.
 * @module
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, statSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { checkCpr, checkCvr, maskCprInText } from '@postbud/sdk';
import { GatewayError, type GatewayClient } from '../../shared/src/GatewayClient.js';
import { JobFolders } from './JobFolders.js';
import { parseJobTicket, type JobTicket, type Problem } from './jobTicket.js';
import { findMarkedRecipient } from './pdfText.js';
import type { Doc2mailDocument } from './doc2mailPlugin.js';

export interface OutputManagerOptions {
  readonly folder: string;
  readonly gateway: GatewayClient;
  /** Sender system id of this output manager in the gateway configuration. @default 'doc2mail' */
  readonly senderSystemId?: string;
  /** A file must be this old before it is taken (a print driver may still be writing). @default 1000 @unit milliseconds */
  readonly settleMs?: number;
  /** A PDF or ticket without its partner this long goes to failed/. @default 600000 @unit milliseconds */
  readonly orphanAfterMs?: number;
  /** Fallback scan when file events are missed (network shares). @default 2000 @unit milliseconds */
  readonly scanIntervalMs?: number;
  readonly log?: (line: string) => void;
}

/** `pending`: the gateway could not ask Digital Post at intake and decides when it sends. */
export type JobChannel = 'digital' | 'physical' | 'pending';

export type JobOutcome = { readonly job: string; readonly ok: true; readonly channel: JobChannel } | { readonly job: string; readonly ok: false; readonly problems: readonly Problem[] };

class JobFailure extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => p.en).join(' '));
  }
}

const TICKETS = ['.job', '.json'] as const;
function fail(da: string, en: string): never {
  throw new JobFailure([{ da, en }]);
}

export class OutputManager {
  readonly folders: JobFolders;
  readonly #o: OutputManagerOptions;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<JobOutcome[]> | undefined;
  #again = false;

  constructor(o: OutputManagerOptions) {
    this.#o = o;
    this.folders = new JobFolders(o.folder);
    this.#recover();
  }

  /** Jobs left in processing/ by a crash go back to the inbox; the idempotency key prevents a second letter. */
  #recover(): void {
    for (const f of readdirSync(this.folders.processing)) renameSync(path.join(this.folders.processing, f), path.join(this.folders.inbox, f));
  }

  start(): void {
    this.#watcher = watch(this.folders.inbox, () => void this.scan());
    this.#timer = setInterval(() => void this.scan(), this.#o.scanIntervalMs ?? 2000);
    void this.scan();
  }

  async stop(): Promise<void> {
    this.#watcher?.close();
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
  }

  /** Processes every complete, settled job in the inbox, one at a time. Concurrent calls share one run. */
  scan(): Promise<JobOutcome[]> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      const outcomes: JobOutcome[] = [];
      do {
        this.#again = false;
        for (const job of this.#readyJobs()) outcomes.push(await this.#process(job));
      } while (this.#again);
      return outcomes;
    })().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  #readyJobs(): string[] {
    const now = Date.now();
    const files = readdirSync(this.folders.inbox).filter((f) => !f.endsWith('.tmp'));
    const byJob = new Map<string, string[]>();
    for (const f of files) {
      const ext = path.extname(f).toLowerCase();
      byJob.set(path.basename(f, path.extname(f)), [...(byJob.get(path.basename(f, path.extname(f))) ?? []), ext]);
    }
    const ready: string[] = [];
    for (const [job, exts] of byJob) {
      const paths = files.filter((f) => path.basename(f, path.extname(f)) === job).map((f) => path.join(this.folders.inbox, f));
      // Ceil: file times have sub-millisecond precision and may be a fraction ahead of Date.now().
      const youngest = Math.ceil(Math.max(...paths.map((p) => statSync(p).mtimeMs)));
      const complete = exts.includes('.pdf') && TICKETS.some((t) => exts.includes(t));
      const settle = this.#o.settleMs ?? 1000;
      if (complete && (settle === 0 || now - youngest >= settle)) ready.push(job);
      else if (!complete && now - youngest >= (this.#o.orphanAfterMs ?? 600_000)) this.#orphan(job, paths, exts);
    }
    return ready.sort();
  }

  #orphan(job: string, paths: string[], exts: string[]): void {
    const problem = exts.includes('.pdf')
      ? { da: 'PDF\'en kom uden jobfil (<job>.job eller <job>.json). Læg jobfilen og PDF\'en i inbox igen.', en: 'The PDF arrived without a job ticket (<job>.job or <job>.json). Put the ticket and the PDF in the inbox again.' }
      : { da: 'Jobfilen kom uden PDF (<job>.pdf). Læg PDF\'en og jobfilen i inbox igen.', en: 'The job ticket arrived without its PDF (<job>.pdf). Put the PDF and the ticket in the inbox again.' };
    for (const p of paths) renameSync(p, path.join(this.folders.failed, path.basename(p)));
    this.#writeError(job, [problem]);
  }

  async #process(job: string): Promise<JobOutcome> {
    const taken: string[] = [];
    try {
      for (const f of readdirSync(this.folders.inbox).filter((x) => path.basename(x, path.extname(x)) === job)) {
        renameSync(path.join(this.folders.inbox, f), path.join(this.folders.processing, f));
        taken.push(f);
      }
    } catch {
      return { job, ok: false, problems: [] }; // another scanner took it first
    }
    try {
      const channel = await this.#route(job, taken);
      for (const f of taken) renameSync(path.join(this.folders.processing, f), path.join(this.folders.done, f));
      this.#o.log?.(`${job}: sendt (${channel})`);
      return { job, ok: true, channel };
    } catch (error) {
      const problems = error instanceof JobFailure ? error.problems : [describeError(error)];
      for (const f of taken) renameSync(path.join(this.folders.processing, f), path.join(this.folders.failed, f));
      this.#writeError(job, problems);
      this.#o.log?.(`${job}: fejlet: ${maskCprInText(problems.map((p) => p.en).join(' '))}`);
      return { job, ok: false, problems };
    }
  }

  #writeError(job: string, problems: readonly Problem[]): void {
    const lines = [`Job: ${job}`, `Tidspunkt / time: ${new Date().toISOString()}`, '', 'Det skal rettes / what to fix:', ...problems.flatMap((p) => [`- ${maskCprInText(p.da)}`, `  ${maskCprInText(p.en)}`]), '',
      'Ret fejlen og læg filerne i inbox igen. / Fix it and put the files in the inbox again.', ''];
    writeFileSync(path.join(this.folders.failed, `${job}.error.txt`), lines.join('\n'));
  }

  async #route(job: string, files: readonly string[]): Promise<JobChannel> {
    const ticketFile = files.find((f) => f.toLowerCase().endsWith('.job')) ?? files.find((f) => f.toLowerCase().endsWith('.json')) ?? '';
    const parsed = parseJobTicket(readFileSync(path.join(this.folders.processing, ticketFile), 'utf8'), ticketFile.toLowerCase().endsWith('.json') ? 'json' : 'keyvalue');
    if (Array.isArray(parsed)) throw new JobFailure(parsed);
    const ticket: JobTicket = parsed;
    const pdf = new Uint8Array(readFileSync(path.join(this.folders.processing, files.find((f) => f.toLowerCase().endsWith('.pdf')) ?? '')));
    if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') fail('Filen er ikke en PDF. Udskriv brevet som PDF igen.', 'The file is not a PDF. Print the letter to PDF again.');
    const recipient = this.#recipient(ticket, pdf);
    const key = `doc2mail:${job}:${createHash('sha256').update(pdf).digest('hex').slice(0, 16)}`;
    return this.#send(job, ticket, recipient, pdf, key);
  }

  #recipient(ticket: JobTicket, pdf: Uint8Array): Doc2mailDocument['recipient'] {
    const raw = ticket.recipient.toLowerCase() === 'pdf' ? findMarkedRecipient(pdf) : ticket.recipient;
    if (raw === undefined) fail('PDF\'en har ingen linje ##DP-MODTAGER: <CPR eller CVR>##. Tilføj linjen i skabelonen, eller skriv modtageren i jobfilen.', 'The PDF has no line ##DP-MODTAGER: <CPR or CVR>##. Add it to the template, or put the recipient in the job ticket.');
    const digits = (raw ?? '').replace(/[\s-]/g, '');
    const name = ticket.name ? { name: ticket.name } : {};
    if (digits.length === 10) {
      const cpr = checkCpr(digits);
      if (!cpr.ok) fail(`CPR-nummeret ${maskCprInText(digits)} er ugyldigt (${cpr.reason}). Ret modtageren.`, `The CPR number ${maskCprInText(digits)} is not valid (${cpr.reason}). Correct the recipient.`);
      return { type: 'cpr', cpr: digits, ...name };
    }
    if (digits.length === 8) {
      const cvr = checkCvr(digits);
      if (!cvr.ok) fail(`CVR-nummeret ${digits} er ugyldigt (${cvr.reason}). Ret modtageren.`, `The CVR number ${digits} is not valid (${cvr.reason}). Correct the recipient.`);
      return { type: 'cvr', cvr: digits, ...name, ...(ticket.pNumber ? { pNumber: ticket.pNumber } : {}) };
    }
    return fail(`Modtageren "${maskCprInText(raw ?? '')}" er hverken et CPR-nummer (10 cifre) eller et CVR-nummer (8 cifre).`, `The recipient "${maskCprInText(raw ?? '')}" is neither a CPR number (10 digits) nor a CVR number (8 digits).`);
  }

  async #send(job: string, ticket: JobTicket, recipient: Doc2mailDocument['recipient'], pdf: Uint8Array, key: string): Promise<JobChannel> {
    const a = ticket.address;
    const doc: Doc2mailDocument & { senderSystem: string } = {
      senderSystem: this.#o.senderSystemId ?? 'doc2mail', recipient, title: ticket.title, ...(ticket.caseId ? { caseId: ticket.caseId } : {}),
      files: [{ filename: `${job}.pdf`.replace(/[^A-Za-z0-9æøåÆØÅ._-]/g, '_'), contentType: 'application/pdf', base64: Buffer.from(pdf).toString('base64') }],
      // The address is used only if the recipient has no Digital Post: the gateway then prints the letter there.
      doc2mail: { job, senderSystem: ticket.senderSystem, ...(a ? { address: { name: ticket.name ?? 'Modtager', street: a.street, building: a.building, postCode: a.postCode } } : {}) },
    };
    const { letter } = await this.#o.gateway.sendLetter(doc as unknown as Record<string, unknown>, key).catch((error: unknown) => {
      throw error instanceof GatewayError && error.code === 'RECIPIENT_UNREACHABLE' ? noAddress(error) : error;
    });
    const channel: JobChannel = letter.reachability === 'physical' ? 'physical' : letter.reachability === 'digital' ? 'digital' : 'pending';
    this.folders.writeReceipt({ job, channel, recipient: maskCprInText(recipient.type === 'cpr' ? recipient.cpr : recipient.cvr), title: ticket.title, senderSystem: ticket.senderSystem, letterId: letter.id, messageUUID: letter.id, acceptedAt: new Date().toISOString(), events: [], ...(ticket.caseId ? { caseId: ticket.caseId } : {}) });
    this.folders.rememberLetter(letter.id, job);
    return channel;
  }
}

/** The gateway found neither Digital Post nor an address: tell the print operator what to add. */
function noAddress(error: GatewayError): JobFailure {
  const reason = typeof error.details === 'object' && error.details !== null && 'reason' in error.details ? ` (${String((error.details as { reason: unknown }).reason)})` : '';
  return new JobFailure([{
    da: `Modtageren kan ikke modtage Digital Post${reason}, så brevet skal som fysisk post, men ingen adresse er kendt. Tilføj "address: Vejnavn 12, 8000 By" i jobfilen.`,
    en: `The recipient cannot receive Digital Post${reason}, so the letter must go as physical post, but no address is known. Add "address: Street 12, 8000 Town" to the ticket.`,
  }]);
}

function describeError(error: unknown): Problem {
  if (error instanceof GatewayError && error.status < 500) {
    return { da: `Postbud afviste brevet: ${error.message} (${error.code}). Ret brevet eller jobfilen.`, en: `Postbud refused the letter: ${error.message} (${error.code}). Correct the letter or the ticket.` };
  }
  const message = maskCprInText(error instanceof Error ? error.message : String(error));
  return { da: `Midlertidig fejl: ${message}. Læg filerne i inbox igen for at prøve igen.`, en: `Temporary error: ${message}. Put the files in the inbox again to retry.` };
}
