/**
 * Smoke test of the preview page for `npm start`: the simulated compose window hosts the real
 * built pane, the real CPR guard warns on an ordinary e-mail, and a CPR letter with an
 * attachment added from disk goes through the real gateway into the sandbox and ends with
 * the draft closed. Screenshots: test-artifacts/outlook-addin/preview/.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { startAddinPreview } from '../preview/index.js';
import type { RunningAddinPreview } from '../preview/index.js';
import { buildAddin, ADDIN_DIR } from './support/buildAddin.js';
import { startRealWorld } from './support/realWorld.js';
import type { RealWorld } from './support/realWorld.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(ADDIN_DIR, '../test-artifacts/outlook-addin/preview');
const browserTest = existsSync(CHROMIUM) ? test : test.skip;

let world: RealWorld;
let preview: RunningAddinPreview;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const [out, started] = await Promise.all([buildAddin('production'), startRealWorld([])]); // no CORS: the preview forwards
  world = started;
  preview = await startAddinPreview({ gatewayUrl: world.gateway.url, idpUrl: `${world.sandbox.url}/idp`, port: 0, distDir: out });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await world?.close();
});

browserTest('the preview hosts the real pane; the CPR guard warns; a CPR letter reaches the receipt and the sandbox', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(preview.url);
  const pane = page.frameLocator('iframe#pane');
  await pane.getByText('Logget ind som Sara Sagsbehandler').waitFor({ timeout: 20_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'preview-1-opened.png') });

  // An ordinary e-mail with a CPR number: the built CPR guard says what Outlook would say.
  await page.getByRole('button', { name: 'Send som almindelig e-mail' }).click();
  const guard = page.getByRole('alertdialog');
  await guard.waitFor();
  expect(await guard.textContent()).toContain('010190-****');
  expect(await guard.textContent()).not.toContain('010190-1234');
  await page.screenshot({ path: path.join(ARTIFACTS, 'preview-2-cpr-guard.png') });
  await page.getByRole('button', { name: 'Til Digital Post', exact: true }).click();
  expect(await guard.isHidden()).toBe(true);

  // An attachment from disk; then remove a second one again.
  await page.locator('#att-input').setInputFiles([
    { name: 'bilag.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
    { name: 'kladde.txt', mimeType: 'text/plain', buffer: Buffer.from('ikke med') },
  ]);
  await page.getByRole('button', { name: 'Fjern kladde.txt' }).click();
  expect(await page.locator('#att-list').textContent()).toContain('bilag.pdf');

  await pane.getByLabel('CPR-nummer').fill('010190-1234');
  await pane.getByRole('button', { name: 'Slå modtager op' }).click();
  await pane.locator('.lookup[data-reachability=digital]').waitFor();
  await pane.getByRole('button', { name: 'Send som Digital Post' }).click();
  await pane.getByRole('heading', { name: 'Kvittering' }).waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'preview-3-receipt.png') });
  const id = (await pane.locator('.receipt dd').first().textContent())?.trim() ?? '';

  const until = Date.now() + 20_000;
  let letters: Record<string, unknown>[] = [];
  while (letters.length === 0 && Date.now() < until) {
    letters = (await world.sandboxLetters(id)).filter((l) => String(l['messageUuid']).toLowerCase() === id.toLowerCase());
    if (letters.length === 0) await new Promise((r) => setTimeout(r, 250));
  }
  expect(letters).toHaveLength(1);
  expect(letters[0]).toMatchObject({ recipientId: '0101901234', title: 'Afgørelse om plads i dagtilbud' });
  const memo = String((await world.sandboxLetter(String(letters[0]!['id'])))['memoXml']);
  expect(memo).toContain('bilag.pdf');
  expect(memo).not.toContain('kladde.txt');

  await pane.getByRole('button', { name: 'Luk og kassér mailudkastet' }).click();
  await page.getByText('Outlook lukkede og kasserede mailudkastet', { exact: false }).waitFor();
  await page.screenshot({ path: path.join(ARTIFACTS, 'preview-4-closed.png') });
  await page.close();
}, 120_000);

browserTest('the preview is available in English: page and pane switch language', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(preview.url);
  await page.frameLocator('iframe#pane').getByText('Logget ind som', { exact: false }).waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'English' }).click();
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await page.getByRole('button', { name: 'Send as ordinary e-mail' }).waitFor();
  await page.frameLocator('iframe#pane').getByText('Signed in as Sara Sagsbehandler').waitFor({ timeout: 20_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'preview-english.png') });
  await page.close();
}, 60_000);
