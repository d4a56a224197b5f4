/**
 * Structural checks of the XML manifest (the converter can hide mistakes), for both the dev
 * and production URLs and for the variant with the CPR guard; then the converter's JSON
 * validated offline with office-addin-manifest.
 */
import { expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SaxesParser } from 'saxes';
import { addinBuildConfig } from '../build/addinBuildConfig.js';
import { renderManifest } from '../build/renderManifest.js';
import { ADDIN_DIR } from './support/buildAddin.js';

interface El { readonly name: string; readonly attrs: Readonly<Record<string, string>>; readonly children: El[]; text: string }

function parse(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const stack: El[] = [];
  let root: El | undefined;
  parser.on('opentag', (t) => {
    const el: El = { name: t.local, attrs: Object.fromEntries(Object.values(t.attributes).map((a) => [a.name, a.value])), children: [], text: '' };
    if (stack.length) stack.at(-1)!.children.push(el); else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => { if (stack.length) stack.at(-1)!.text += t; });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root!;
}

const child = (el: El, name: string): El => {
  const c = el.children.find((x) => x.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
};
const all = (el: El, pred: (e: El) => boolean, acc: El[] = []): El[] => {
  if (pred(el)) acc.push(el);
  for (const c of el.children) all(c, pred, acc);
  return acc;
};

const template = await readFile(path.join(ADDIN_DIR, 'manifest/manifest.xml'), 'utf8');
const variants = [
  ['dev', addinBuildConfig('development').baseUrl, false],
  ['production', addinBuildConfig('production').baseUrl, false],
  ['production + CPR guard', addinBuildConfig('production').baseUrl, true],
] as const;

// Element order of a MailApp manifest (docs/develop/manifest-element-ordering.md).
const ORDER = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
  'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'FormSettings', 'Permissions', 'Rule', 'DisableEntityHighlighting', 'VersionOverrides'];

test.each(variants)('%s manifest: order, compose button, resource ids, HTTPS URLs, requirement sets, locales', (_name, baseUrl, guard) => {
  const xml = renderManifest(template, { baseUrl, cprGuard: guard });
  expect(xml).not.toContain('{{');
  const root = parse(xml);
  expect(root.name).toBe('OfficeApp');
  expect(root.attrs['xsi:type']).toBe('MailApp');
  expect(root.children.map((c) => c.name)).toEqual(ORDER);
  expect(child(root, 'DefaultLocale').text).toBe('da-DK');
  expect(child(child(root, 'DisplayName'), 'Override').attrs['Locale']).toBe('en-US');
  expect(child(child(child(root, 'Requirements'), 'Sets'), 'Set').attrs).toEqual({ Name: 'Mailbox', MinVersion: '1.8' });
  expect(child(root, 'Permissions').text).toBe('ReadWriteItem');
  expect(all(child(root, 'Rule'), (e) => e.attrs['xsi:type'] === 'ItemIs')[0]!.attrs).toMatchObject({ ItemType: 'Message', FormType: 'Edit' });

  const v11 = child(child(root, 'VersionOverrides'), 'VersionOverrides');
  expect(v11.attrs['xsi:type']).toBe('VersionOverridesV1_1');
  const host = child(child(v11, 'Hosts'), 'Host');
  expect(host.children.map((c) => c.name)).toEqual(guard ? ['Runtimes', 'DesktopFormFactor'] : ['DesktopFormFactor']);
  const points = child(host, 'DesktopFormFactor').children.filter((c) => c.name === 'ExtensionPoint');
  expect(points.map((p) => p.attrs['xsi:type'])).toEqual(guard ? ['MessageComposeCommandSurface', 'LaunchEvent'] : ['MessageComposeCommandSurface']);
  const button = all(points[0]!, (e) => e.name === 'Control')[0]!;
  expect(button.attrs).toMatchObject({ 'xsi:type': 'Button', id: 'dpSendButton' });
  expect(child(button, 'Action').attrs['xsi:type']).toBe('ShowTaskpane');

  // Every resid used is defined, every defined id is used, and all URLs are HTTPS under the base URL.
  const resources = child(v11, 'Resources');
  const defined = new Map(all(resources, (e) => e.attrs['id'] !== undefined).map((e) => [e.attrs['id']!, e]));
  const used = new Set(all(host, (e) => e.attrs['resid'] !== undefined).map((e) => e.attrs['resid']!));
  expect([...used].filter((id) => !defined.has(id))).toEqual([]);
  expect([...defined.keys()].filter((id) => !used.has(id))).toEqual([]);
  expect(defined.get('SendButton.Label')!.attrs['DefaultValue']).toBe('Send til Digital Post');
  expect(child(defined.get('SendButton.Label')!, 'Override').attrs).toEqual({ Locale: 'en-US', Value: 'Send as Digital Post' });
  for (const e of all(child(resources, 'ShortStrings'), (x) => x.name === 'String')) expect(e.attrs['DefaultValue']!.length).toBeLessThanOrEqual(125);
  for (const e of all(child(resources, 'LongStrings'), (x) => x.name === 'String')) expect(e.attrs['DefaultValue']!.length).toBeLessThanOrEqual(250);
  const urls = [...xml.matchAll(/(?:DefaultValue="|<AppDomain>|<SourceLocation DefaultValue=")(https?:[^"<]+)/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) expect(u.startsWith(baseUrl)).toBe(true);
  if (guard) {
    const launch = all(points[1]!, (e) => e.name === 'LaunchEvent')[0]!;
    expect(launch.attrs).toEqual({ Type: 'OnMessageSend', FunctionName: 'onMessageSendHandler', SendMode: 'PromptUser' });
    expect(defined.get('CprGuardJs.Url')!.attrs['DefaultValue']).toBe(`${baseUrl}cpr-guard.js`);
  }
});

test('the template refuses a base URL that is not HTTPS', () => {
  expect(() => renderManifest(template, { baseUrl: 'http://localhost:3000/' })).toThrow(/https/);
});

test('converted to the JSON manifest, it validates offline with office-addin-manifest', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'postbud-manifest-'));
  const xmlFile = path.join(dir, 'manifest.xml');
  await writeFile(xmlFile, renderManifest(template, { baseUrl: 'https://postbud.kommune.example/outlook/', cprGuard: true }));
  const bin = (name: string): string => path.resolve(ADDIN_DIR, '../node_modules/.bin', name);
  await promisify(execFile)(bin('office-addin-manifest-converter'), ['convert', xmlFile, '-o', path.join(dir, 'json')], { cwd: dir });
  expect((await readdir(path.join(dir, 'json'))).sort()).toEqual(['en-us.json', 'manifest.json']);
  const jsonFile = path.join(dir, 'json', 'manifest.json');
  const json = JSON.parse(await readFile(jsonFile, 'utf8')) as { extensions: { ribbons?: { contexts: string[] }[]; autoRunEvents?: { events: { type: string }[] }[] }[] };
  expect(json.extensions[0]!.ribbons?.[0]?.contexts).toEqual(['mailCompose']);
  expect(json.extensions[0]!.autoRunEvents?.[0]?.events[0]?.type).toBe('messageSending');
  const result = await promisify(execFile)(bin('office-addin-manifest'), ['validate', jsonFile]).then(() => 'valid', (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`);
  expect(result).toBe('valid');
}, 60_000);
