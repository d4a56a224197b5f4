/**
 * End to end: the built task pane in Debian Chromium (Office stubbed at the CDN URL), signed in
 * at the sandbox's identity provider, talking across origins (CORS) to a real gateway that
 * sends through the real sandbox. The three recipient flows are run and each letter is then
 * checked in the sandbox: reply flag, contact point, P-number, and the MeMo metadata.
 * Screenshots of each step: test-artifacts/outlook-addin/e2e/.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { parseMemo } from '@postbud/sdk';
import { buildAddin, ADDIN_DIR } from './support/buildAddin.js';
import { OFFICE_STUB_JS } from './support/officeStub.js';
import type { StubMailbox } from './support/officeStub.js';
import { CASEWORKER, startRealWorld } from './support/realWorld.js';
import type { RealWorld } from './support/realWorld.js';
import { serveStatic } from './support/staticServer.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(ADDIN_DIR, '../test-artifacts/outlook-addin/e2e');
const browserTest = existsSync(CHROMIUM) ? test : test.skip;
if (!existsSync(CHROMIUM)) console.warn(`${CHROMIUM} is missing (apt-get install -y chromium): browser tests skipped.`);

/** Contact points of the dev config's `outlook` sender system. */
const CP_BORGERSERVICE = '32b4dc44-0652-4f7c-93b8-d00a533a30f7';
const CP_PLADSANVISNING = 'f02de299-da3e-41ca-99bc-a27d05a2aecb';
const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n').toString('base64');

let world: RealWorld;
let site: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let addinConfig: unknown = {};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  const out = await buildAddin('production');
  let idpUrl = '';
  site = await serveStatic(out, () => addinConfig, { get idpUrl() { return idpUrl; } });
  world = await startRealWorld([site.url]);
  idpUrl = `${world.sandbox.url}/idp`;
  addinConfig = {
    gatewayUrl: world.gateway.url,
    auth: { kind: 'dev', tokenEndpoint: `${site.url}/idp/oauth2/v2.0/token`, clientId: 'postbud-outlook-addin', username: CASEWORKER, scope: 'api://postbud-gateway/Letters.Send' },
  };
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await world?.close();
});

function aMail(subject: string): StubMailbox {
  return {
    displayLanguage: 'da-DK', mailboxVersion: '1.14', subject,
    bodyHtml: `<p>Kære modtager,</p><p>${subject}: se vedlagte.</p><p><img src="cid:logo1" alt="Solbjerg Kommunes logo"></p><p>Venlig hilsen<br>Sara Sagsbehandler</p>`,
    attachments: [
      { id: 'att-1', name: 'bilag.pdf', size: 140, contentType: 'application/pdf', attachmentType: 'file', isInline: false, format: 'base64', content: PDF },
      { id: 'att-2', name: 'logo.png', size: 70, contentType: 'image/png', attachmentType: 'file', isInline: true, contentId: 'logo1', format: 'base64', content: PNG_1X1 },
    ],
  };
}

/** Opens the pane and records the JSON bodies it posts to the gateway. */
async function openPane(mail: StubMailbox): Promise<{ page: Page; posted: Record<string, unknown>[] }> {
  const context = await browser.newContext({ viewport: { width: 380, height: 1500 } });
  await context.route('https://appsforoffice.microsoft.com/**', (route) => route.fulfill({ contentType: 'text/javascript', body: OFFICE_STUB_JS }));
  await context.addInitScript((m) => { (window as unknown as { __stubMailbox: unknown }).__stubMailbox = m; }, mail);
  const page = await context.newPage();
  const posted: Record<string, unknown>[] = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url() === `${world.gateway.url}/v1/letters`) posted.push(r.postDataJSON() as Record<string, unknown>); });
  await page.goto(`${site.url}/taskpane.html`);
  await page.getByText('Logget ind som Sara Sagsbehandler').waitFor({ timeout: 20_000 });
  return { page, posted };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function fillCase(page: Page, caseId: string, kle: string): Promise<void> {
  await page.getByLabel(/^Sagsnummer/).fill(caseId);
  await page.getByLabel(/^KLE-nummer/).fill(kle);
}

/** Sends, waits for the receipt, and returns the letter id it shows. */
async function sendAndReadReceipt(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Send som Digital Post' }).click();
  const problem = page.locator('.problem');
  await Promise.race([
    page.getByRole('heading', { name: 'Kvittering' }).waitFor({ timeout: 30_000 }),
    problem.locator('p').first().waitFor({ timeout: 30_000 }).then(async () => { throw new Error(`The pane reported: ${await problem.textContent()}`); }),
  ]);
  await shot(page, name);
  const id = (await page.locator('.receipt dd').first().textContent())?.trim() ?? '';
  expect(id).toMatch(/^[0-9a-f-]{36}$/i);
  return id;
}

/** Waits until the sandbox holds the letter, then returns its record with the MeMo parsed. */
async function arrived(uuid: string) {
  const until = Date.now() + 20_000;
  for (;;) {
    const found = (await world.sandboxLetters(uuid)).filter((l) => String(l['messageUuid']).toLowerCase() === uuid.toLowerCase());
    if (found.length > 0) {
      expect(found).toHaveLength(1); // exactly once
      const full = await world.sandboxLetter(String(found[0]!['id']));
      return { record: full, memo: parseMemo(String(full['memoXml'])).message };
    }
    if (Date.now() > until) throw new Error(`The sandbox never received letter ${uuid}.`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

browserTest('citizen (CPR): lookup, second contact point, reply on, case number and KLE, arrives in the sandbox', async () => {
  const { page, posted } = await openPane(aMail('Afgørelse om plads i dagtilbud'));
  await shot(page, 'cpr-1-opened');
  await page.getByLabel('CPR-nummer').fill('010190-1234');
  await page.getByRole('button', { name: 'Slå modtager op' }).click();
  await page.locator('.lookup[data-reachability=digital]').waitFor();
  expect(await page.locator('.lookup').textContent()).toContain('Anna Jensen kan modtage Digital Post');
  await page.getByLabel('Kontaktpunkt (hvor svar lander)').selectOption({ label: 'Pladsanvisningen' });
  expect(await page.getByLabel('Modtageren kan svare').isChecked()).toBe(true);
  await fillCase(page, 'SAG-2026-0042', '28.03.00');
  await shot(page, 'cpr-2-filled');
  const id = await sendAndReadReceipt(page, 'cpr-3-receipt');

  expect(posted.at(-1)).toMatchObject({ senderSystem: 'outlook', recipient: { type: 'cpr', cpr: '0101901234' }, kle: '28.03.00', reply: { enabled: true }, contactPointId: CP_PLADSANVISNING });
  const { record, memo } = await arrived(id);
  expect(record).toMatchObject({ recipientId: '0101901234', reply: true, contactPointId: CP_PLADSANVISNING, pNumber: null, title: 'Afgørelse om plads i dagtilbud' });
  const h = memo.MessageHeader;
  expect(h.reply).toBe(true);
  expect(h.Sender.ContactPoint?.contactPointID.toLowerCase()).toBe(CP_PLADSANVISNING);
  expect(h.ContentData?.CaseID?.caseID).toBe('SAG-2026-0042');
  expect(h.ContentData?.KLEdata?.subjectKey).toBe('28.03.00');
  await page.context().close();
}, 90_000);

browserTest('company (CVR) found by name: reply turned off with a reason, whole company, arrives without P-number', async () => {
  const { page, posted } = await openPane(aMail('Kontrolbesøg i bageriet'));
  await page.getByLabel('Virksomhed (CVR)').check();
  await page.getByLabel('CVR-nummer eller virksomhedsnavn').fill('Solsikke');
  await page.getByRole('button', { name: 'Søg' }).click();
  await shot(page, 'cvr-1-search');
  await page.getByRole('button', { name: 'Vælg Bageriet Solsikke ApS (CVR 13748136)' }).click();
  await page.locator('.lookup[data-reachability=digital]').waitFor();
  expect(await page.locator('.lookup').textContent()).toContain('Bageriet Solsikke ApS kan modtage Digital Post');
  await page.getByLabel('Modtageren kan svare').uncheck();
  await page.getByRole('button', { name: 'Brevet er kun til orientering' }).click();
  expect(await page.getByLabel(/^Hvorfor kan modtageren ikke svare/).inputValue()).toBe('Brevet er kun til orientering');
  await fillCase(page, 'SAG-2026-0043', '02.00.00');
  await shot(page, 'cvr-2-reply-off');
  const id = await sendAndReadReceipt(page, 'cvr-3-receipt');

  expect(posted.at(-1)).toMatchObject({ recipient: { type: 'cvr', cvr: '13748136' }, reply: { enabled: false, offReason: 'Brevet er kun til orientering' }, contactPointId: CP_BORGERSERVICE });
  expect(posted.at(-1)!['recipient']).not.toHaveProperty('pNumber');
  const { record, memo } = await arrived(id);
  expect(record).toMatchObject({ recipientId: '13748136', reply: false, pNumber: null });
  expect((await world.gateway.ledger.getLetter(id))?.replyOffReason).toBe('Brevet er kun til orientering'); // the gateway kept the reason
  expect(memo.MessageHeader.reply ?? false).toBe(false);
  expect(memo.MessageHeader.Recipient.AttentionData?.ProductionUnit).toBeUndefined();
  expect(memo.MessageHeader.ContentData?.CaseID?.caseID).toBe('SAG-2026-0043');
  expect(memo.MessageHeader.ContentData?.KLEdata?.subjectKey).toBe('02.00.00');
  await page.context().close();
}, 90_000);

browserTest('production unit (CVR + P-number): chosen unit, default contact point, arrives with AttentionData/ProductionUnit', async () => {
  const { page, posted } = await openPane(aMail('Påbud om afspærring af byggepladsen'));
  await page.getByLabel('Virksomhed, bestemt produktionsenhed (CVR + P-nummer)').check();
  await page.getByLabel('CVR-nummer eller virksomhedsnavn').fill('13585628');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Vælg Tømrerfirmaet Høvl & Søn A/S (CVR 13585628)' }).click();
  await page.getByLabel('Produktionsenhed', { exact: true }).selectOption('1000000053');
  await page.locator('.lookup[data-reachability=digital]').waitFor();
  expect(await page.locator('.lookup').textContent()).toContain('Høvl & Søn, Byggeplads Havnen');
  await fillCase(page, 'SAG-2026-0044', '02.00.00');
  await shot(page, 'cvrp-1-filled');
  const id = await sendAndReadReceipt(page, 'cvrp-2-receipt');

  expect(posted.at(-1)).toMatchObject({ recipient: { type: 'cvr', cvr: '13585628', pNumber: '1000000053' }, reply: { enabled: true }, contactPointId: CP_BORGERSERVICE });
  const { record, memo } = await arrived(id);
  expect(record).toMatchObject({ recipientId: '13585628', pNumber: '1000000053', reply: true, contactPointId: CP_BORGERSERVICE });
  expect(memo.MessageHeader.Recipient.AttentionData?.ProductionUnit?.productionUnitNumber).toBe('1000000053');
  expect(memo.MessageHeader.Sender.ContactPoint?.contactPointID.toLowerCase()).toBe(CP_BORGERSERVICE);
  expect(memo.MessageHeader.ContentData?.CaseID?.caseID).toBe('SAG-2026-0044');
  await page.context().close();
}, 90_000);
