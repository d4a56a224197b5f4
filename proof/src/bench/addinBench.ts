/**
 * The Outlook add-in: gzipped size of its production bundle, and the task pane's time to first
 * interactive render in headless Chromium on loopback (navigation start → the recipient
 * section with an enabled input), with Office stubbed as in the add-in's own browser tests and
 * a real gateway and sandbox identity provider behind it. One build, `--runs` page loads.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createLogger, startGateway } from '@postbud/gateway';
import { startSandbox } from '@postbud/sandbox';
import { gatewayConfigObject, SARA } from '../support/gatewayConfig.js';
import { REPO_ROOT } from '../support/paths.js';
import { numberArg, report, runMain } from './benchChild.js';

const CHROMIUM = '/usr/bin/chromium';
const ADDIN = path.join(REPO_ROOT, 'outlook-addin');
const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

/** The add-in's own Office stub (kept with its tests), so this bench follows it when it changes. */
function officeStub(): string {
  const src = readFileSync(path.join(ADDIN, 'test/support/officeStub.ts'), 'utf8');
  const m = /String\.raw`([\s\S]*?)\n`;/.exec(src);
  if (!m) throw new Error('could not read OFFICE_STUB_JS from outlook-addin/test/support/officeStub.ts');
  return m[1] as string;
}

async function build(): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), 'postbud-addin-bench-'));
  await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `out=${out}`], { cwd: ADDIN, maxBuffer: 16 * 1024 * 1024 });
  return out;
}

function bundleSizes(out: string): { initialKb: number; totalKb: number } {
  const gz = (f: string) => gzipSync(readFileSync(path.join(out, f)), { level: 9 }).length;
  const files = readdirSync(out).filter((f) => /\.(js|css|html)$/.test(f) && !f.startsWith('cpr-guard') && f !== 'commands.html');
  const initial = files.filter((f) => !f.startsWith('msal'));
  const kb = (list: string[]) => list.reduce((a, f) => a + gz(f), 0) / 1024;
  return { initialKb: kb(initial), totalKb: kb(files) };
}

/** Serves the build, the add-in config, and proxies the token endpoint to the sandbox IdP. */
async function serve(out: string, config: () => unknown, sandboxUrl: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/addin-config.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(config()));
    if (pathname === '/idp/token') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        void fetch(`${sandboxUrl}/idp/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.concat(chunks) })
          .then(async (r) => res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text()));
      });
      return;
    }
    const file = path.join(out, path.normalize(pathname).replace(/^[/\\]+/, ''));
    if (!file.startsWith(out)) return void res.writeHead(403).end();
    try {
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => { server.closeAllConnections(); server.close(); } };
}

const MAIL = {
  displayLanguage: 'da-DK', mailboxVersion: '1.14', subject: 'Afgørelse om boligstøtte', bodyHtml: '<p>Kære modtager,</p><p>Hermed afgørelsen.</p>',
  attachments: [{ id: 'att-1', name: 'afgoerelse.pdf', size: 2048, contentType: 'application/pdf', attachmentType: 'file', isInline: false, format: 'base64', content: 'JVBERi0xLjQKJcTl8uXr' }],
};

async function main(): Promise<void> {
  const runs = numberArg('runs', 7);
  const out = await build();
  const sizes = bundleSizes(out);
  const dir = mkdtempSync(path.join(tmpdir(), 'postbud-addin-gw-'));
  const sandbox = await startSandbox({ port: 0, dataDir: null, validation: 'light', log: () => {} });
  let gatewayUrl = '';
  const site = await serve(out, () => ({
    gatewayUrl, auth: { kind: 'dev', tokenEndpoint: `${siteUrl()}/idp/token`, clientId: 'postbud-outlook-addin', username: SARA, scope: 'api://postbud-gateway/.default' },
  }), sandbox.url);
  const siteUrl = () => site.url;
  const gateway = await startGateway({ config: gatewayConfigObject({ sandboxUrl: sandbox.url, corsOrigins: [site.url] }), baseDir: dir, logger: createLogger({ level: 'silent' }) });
  gatewayUrl = gateway.url;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const stub = officeStub();
  const samples: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i += 1) {
      const context = await browser.newContext({ viewport: { width: 380, height: 1000 } });
      await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: stub }));
      await context.addInitScript((m) => { (window as unknown as { __stubMailbox: unknown }).__stubMailbox = m; }, MAIL);
      const page = await context.newPage();
      await page.goto(`${site.url}/taskpane.html`, { waitUntil: 'commit' });
      // Polled on every animation frame; the value is ms since navigation start.
      const handle = await page.waitForFunction(() => {
        const heading = [...document.querySelectorAll('h2')].some((h) => /Modtager|Recipient/.test(h.textContent ?? ''));
        const input = document.querySelector('input:not([disabled])');
        return heading && input !== null ? performance.now() : false;
      }, undefined, { polling: 'raf', timeout: 30_000 });
      const ms = (await handle.jsonValue()) as number;
      if (i > 0) samples.push(ms); // the first load warms Chromium's caches of the engine itself
      await context.close();
    }
  } finally {
    await browser.close();
    await gateway.close();
    await sandbox.close();
    site.close();
    rmSync(out, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
  report({ ...sizes, firstInteractiveMs: samples });
}

runMain(main);
