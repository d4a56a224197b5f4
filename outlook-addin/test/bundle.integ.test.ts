/**
 * The production build: the CPR guard is one classic script (classic Outlook's event runtime
 * loads no modules), office.js is not bundled, and the task pane stays within 200 KB gzipped.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAddin } from './support/buildAddin.js';

let out: string;
beforeAll(async () => { out = await buildAddin('production'); }, 240_000);

test('the CPR guard is one classic script without import, require or export, and registers its handler', async () => {
  const files = await readdir(out);
  expect(files.filter((f) => f.startsWith('cpr-guard'))).toEqual(['cpr-guard.js']);
  const js = await readFile(path.join(out, 'cpr-guard.js'), 'utf8');
  expect(js).not.toMatch(/(^|[;\s})])import[\s({*"']/);
  expect(js).not.toMatch(/\brequire\(/);
  expect(js).not.toMatch(/(^|[;\s}])export[\s{*]/);
  expect(js).not.toMatch(/__webpack_require__\.e\b|importScripts|document\.createElement\("script"\)/);
  expect(js).toContain('Office.actions.associate("onMessageSendHandler"');
  expect(() => new Function(js)).not.toThrow(); // parses as a classic script
});

test('office.js comes from the CDN by script tag and is not bundled', async () => {
  const html = await readFile(path.join(out, 'taskpane.html'), 'utf8');
  expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?><\/script>/);
  for (const f of (await readdir(out)).filter((x) => x.endsWith('.js'))) {
    expect(await readFile(path.join(out, f), 'utf8')).not.toContain('getOfficeJsBasePath');
  }
});

test('the task pane is at most 200 KB gzipped (initial and with the lazily loaded MSAL chunk)', async () => {
  const js = (await readdir(out)).filter((f) => f.endsWith('.js') && f !== 'cpr-guard.js');
  const sizes = Object.fromEntries(await Promise.all(js.map(async (f) => [f.replace(/\.[0-9a-f]{8}\.js$/, ''), gzipSync(await readFile(path.join(out, f)), { level: 9 }).length] as const)));
  const css = gzipSync(await readFile(path.join(out, 'taskpane.css')), { level: 9 }).length;
  const html = gzipSync(await readFile(path.join(out, 'taskpane.html')), { level: 9 }).length;
  const total = Object.values(sizes).reduce((a, b) => a + b, 0) + css + html;
  console.log(`outlook-addin bundle (gzip): ${JSON.stringify({ ...sizes, css, html, totalKB: +(total / 1024).toFixed(1) })}`);
  expect(Object.keys(sizes).sort()).toEqual(['msal', 'taskpane']);
  expect(total).toBeLessThanOrEqual(200 * 1024);
});
