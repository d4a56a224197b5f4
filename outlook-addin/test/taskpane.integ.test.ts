/**
 * The built task pane in Debian Chromium with a stubbed Office (the CDN URL intercepted),
 * against a fake gateway on loopback: all three recipient flows end to end, retry without a
 * second letter, pane reopen from session data, refused attachments, closing the draft.
 * Screenshots of each step go to test-artifacts/outlook-addin/.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { FakeGateway } from '../src/testing/FakeGateway.js';
import { buildAddin, ADDIN_DIR } from './support/buildAddin.js';
import { OFFICE_STUB_JS } from './support/officeStub.js';
import type { StubMailbox } from './support/officeStub.js';
import { serveStatic } from './support/staticServer.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(ADDIN_DIR, '../test-artifacts/outlook-addin');
const browserTest = existsSync(CHROMIUM) ? test : test.skip;
if (!existsSync(CHROMIUM)) console.warn(`${CHROMIUM} is missing (apt-get install -y chromium): browser tests skipped.`);

let out: string;
let gateway: FakeGateway;
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  [out, gateway] = await Promise.all([buildAddin('production'), FakeGateway.start()]);
  site = await serveStatic(out, { gatewayUrl: gateway.url, auth: { kind: 'dev', issuer: `${gateway.url}/idp`, clientId: 'postbud-outlook-addin', username: 'sara', scope: 'api://postbud-gateway/Letters.Send' } });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await gateway?.stop();
});

function aMail(overrides: Partial<StubMailbox> = {}): StubMailbox {
  return {
    displayLanguage: 'da-DK', mailboxVersion: '1.14', subject: 'SV: Afgørelse om boligstøtte',
    bodyHtml: '<p>Kære modtager,</p><p>Hermed afgørelsen.</p><p><img src="cid:logo1" alt="Logo"></p>',
    attachments: [
      { id: 'att-1', name: 'afgoerelse.pdf', size: 2048, contentType: 'application/pdf', attachmentType: 'file', isInline: false, format: 'base64', content: 'JVBERi0xLjQKJcTl8uXr' },
      { id: 'att-2', name: 'Din ansøgning', size: 900, contentType: '', attachmentType: 'item', isInline: false, format: 'eml', content: 'Subject: Ansøgning\r\n\r\nHej' },
      { id: 'att-3', name: 'logo.png', size: 120, contentType: 'image/png', attachmentType: 'file', isInline: true, contentId: 'logo1', format: 'base64', content: 'iVBORw0KGgo=' },
    ],
    ...overrides,
  };
}

async function openPane(mail: StubMailbox): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 380, height: 1400 } });
  await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB_JS }));
  await context.addInitScript((m) => { (window as unknown as { __stubMailbox: unknown }).__stubMailbox = m; }, mail);
  const page = await context.newPage();
  await page.goto(`${site.url}/taskpane.html`);
  await page.getByRole('heading', { name: /Modtager|Recipient/ }).waitFor();
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

function officeCalls(page: Page): Promise<unknown[][]> {
  return page.evaluate(() => (window as unknown as { __officeCalls: unknown[][] }).__officeCalls);
}

browserTest('citizen (CPR): lookup, reply with chosen contact point, metadata, send, receipt, reopen, close draft', async () => {
  const page = await openPane(aMail());
  await shot(page, 'cpr-1-opened');
  await page.getByLabel('CPR-nummer').fill('010190-1234');
  await page.getByRole('button', { name: 'Slå modtager op' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Anna Andersen' }).textContent()).resolves.toContain('Anna Andersen kan modtage Digital Post');
  await page.getByLabel('Kontaktpunkt (hvor svar lander)').selectOption({ label: 'Borgerservice, pas og kørekort' });
  expect(await page.getByLabel('Modtageren kan svare').isChecked()).toBe(true);
  expect(await page.getByLabel(/^Titel/).inputValue()).toBe('Afgørelse om boligstøtte');
  await page.getByLabel(/^Sagsnummer/).fill('2026-0042');
  await page.getByLabel(/^KLE-nummer/).fill('27.24.00');
  await shot(page, 'cpr-2-filled');

  // Reopen the pane: the choices come back from session data.
  await page.waitForTimeout(400);
  await page.reload();
  await page.getByText('Anna Andersen kan modtage Digital Post', { exact: false }).waitFor();
  expect(await page.getByLabel('CPR-nummer').inputValue()).toBe('010190-1234');
  expect(await page.getByLabel(/^Sagsnummer/).inputValue()).toBe('2026-0042');

  await page.getByRole('button', { name: 'Send som Digital Post' }).click();
  await page.getByRole('heading', { name: 'Kvittering' }).waitFor();
  await shot(page, 'cpr-3-receipt');
  const receipt = await page.locator('.receipt').textContent();
  expect(receipt).toContain('Digital Post');
  expect(receipt).toContain('Leveret');
  const letter = gateway.letters.at(-1)!;
  expect(receipt).toContain(letter.id);
  expect(letter.authorization).toBe('Bearer dev-token-sara');
  expect(letter.body).toMatchObject({
    senderSystem: 'borgerservice', contactPointId: '7f4c1c7e-1111-4a7e-9a2b-000000000002',
    recipient: { type: 'cpr', cpr: '0101901234' }, title: 'Afgørelse om boligstøtte', caseId: '2026-0042', kle: '27.24.00',
    reply: { enabled: true },
  });
  expect((letter.body['body'] as { html: string }).html).toContain('Hermed afgørelsen.');
  expect((letter.body['files'] as { filename: string }[]).map((a) => a.filename)).toEqual(['afgoerelse.pdf', 'Din ansøgning.eml']);
  expect(letter.body['inlineImages']).toEqual([{ contentId: 'logo1', filename: 'logo.png', contentType: 'image/png', base64: 'iVBORw0KGgo=' }]);

  expect((await officeCalls(page)).some((c) => c[0] === 'closeAsync')).toBe(false); // only after the caseworker saw the receipt
  await page.getByRole('button', { name: 'Luk og kassér mailudkastet' }).click();
  await page.waitForFunction(() => (window as unknown as { __officeCalls: unknown[][] }).__officeCalls.some((c) => c[0] === 'closeAsync'));
  expect((await officeCalls(page)).find((c) => c[0] === 'closeAsync')).toEqual(['closeAsync', { discardItem: true }]);
  await page.context().close();
}, 60_000);

browserTest('company (CVR) by name, reply forced off, refused cloud link and .exe, generic title warned', async () => {
  const mail = aMail({ subject: 'Brev' });
  mail.attachments.push(
    { id: 'att-4', name: 'Budget.xlsx', size: 10, contentType: '', attachmentType: 'cloud', isInline: false, format: 'url', content: 'https://example.sharepoint.com/x' },
    { id: 'att-5', name: 'program.exe', size: 1000, contentType: 'application/octet-stream', attachmentType: 'file', isInline: false, format: 'base64', content: 'TVo=' },
  );
  const page = await openPane(mail);
  await page.getByLabel('Virksomhed (CVR)').check();
  await page.getByLabel('CVR-nummer eller virksomhedsnavn').fill('Fiktiv');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Vælg Fiktiv Byg ApS (CVR 13748136)' }).click();
  await page.getByText('Fiktiv Byg ApS kan modtage Digital Post', { exact: false }).waitFor();
  await page.getByLabel('Afsendersystem').selectOption({ label: 'Postbud Kommune, Information' });
  const reply = page.getByLabel('Modtageren kan svare');
  expect([await reply.isChecked(), await reply.isDisabled()]).toEqual([false, true]);
  await page.getByText('Jeres regler tillader ikke svar').waitFor();
  await page.getByText('Titlen er meget generel', { exact: false }).waitFor();
  await page.getByText('Budget.xlsx: et delt link', { exact: false }).waitFor();
  await page.getByText('program.exe: filtypen må ikke sendes', { exact: false }).waitFor();
  await shot(page, 'cvr-1-refused');

  const before = gateway.letters.length;
  await page.getByRole('button', { name: 'Send som Digital Post' }).click();
  await page.getByText('Ret de markerede felter', { exact: false }).waitFor();
  expect(gateway.letters.length).toBe(before);

  await page.evaluate(() => { const m = (window as unknown as { __stubMailbox: StubMailbox }).__stubMailbox; m.attachments.splice(3, 2); });
  await page.getByLabel(/^Titel/).fill('Påbud om oprydning på byggepladsen');
  await page.getByRole('button', { name: 'Send som Digital Post' }).click();
  await page.getByRole('heading', { name: 'Kvittering' }).waitFor();
  await shot(page, 'cvr-2-receipt');
  expect(gateway.letters.at(-1)!.body).toMatchObject({
    senderSystem: 'info', recipient: { type: 'cvr', cvr: '13748136' }, reply: { enabled: false }, title: 'Påbud om oprydning på byggepladsen',
  });
  expect(gateway.letters.at(-1)!.body['recipient']).not.toHaveProperty('pNumber');
  await page.context().close();
}, 60_000);

browserTest('production unit (CVR + P-number) in English, reply forced on, accepted-but-failed answer retried without a second letter', async () => {
  const page = await openPane(aMail({ displayLanguage: 'en-US', subject: 'Inspection report for your site' }));
  await page.getByLabel('Company, specific production unit (CVR + P-number)').check();
  await page.getByLabel('CVR number or company name').fill('13748136');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('button', { name: 'Choose Fiktiv Byg ApS (CVR 13748136)' }).click();
  await page.getByLabel('Production unit', { exact: true }).selectOption('1012345679');
  await page.getByText('Fiktiv Byg ApS, Vejle can receive Digital Post', { exact: false }).waitFor();
  await page.getByLabel('Sender system').selectOption({ label: 'Postbud Kommune, Ydelseskontoret' });
  const reply = page.getByLabel('Recipient can reply');
  expect([await reply.isChecked(), await reply.isDisabled()]).toEqual([true, true]);
  await page.getByLabel(/^Case number/).fill('2026-0099');
  await page.getByLabel(/^KLE number/).fill('02.00.00');
  await shot(page, 'cvrp-1-filled');

  const before = gateway.letters.length;
  gateway.sendFaults.push('error-after-accept'); // accepted, but the answer is an error
  await page.getByRole('button', { name: 'Send as Digital Post' }).click();
  await page.locator('.problem:not(:empty)').waitFor();
  expect(await page.locator('.problem').textContent()).toContain('The Postbud server had an error');
  await shot(page, 'cvrp-2-error');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { name: 'Receipt' }).waitFor();
  await shot(page, 'cvrp-3-receipt');
  expect(gateway.letters.length).toBe(before + 1);
  expect(gateway.duplicateSends).toBeGreaterThanOrEqual(1);
  expect(gateway.letters.at(-1)!.body).toMatchObject({
    senderSystem: 'ydelse', contactPointId: '7f4c1c7e-2222-4a7e-9a2b-000000000001',
    recipient: { type: 'cvr', cvr: '13748136', pNumber: '1012345679' }, reply: { enabled: true }, caseId: '2026-0099', kle: '02.00.00',
  });
  await page.context().close();
}, 60_000);

browserTest('keyboard only: the CPR flow can be reached and run with Tab, Space and Enter, with a visible focus ring', async () => {
  const page = await openPane(aMail());
  await page.keyboard.press('Tab'); // first radio (Borger)
  await page.keyboard.press('Tab'); // CPR input
  await page.keyboard.type('231285-4321');
  await page.keyboard.press('Enter');
  await page.getByText('Bent Bertelsen er fritaget for Digital Post. Brevet sendes som fysisk post (fjernprint).', { exact: false }).waitFor();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
  await shot(page, 'keyboard-physical');
  await page.context().close();
}, 60_000);
