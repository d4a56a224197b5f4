import { expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestContext } from '../../test/testContext.js';
import { DEMO_CONTACT_POINT, DEMO_RECIPIENT_CPR } from '../start/sendDemoLetter.js';
import { startStack } from './start.js';

test('postbud start runs sandbox and gateway and delivers a reply-enabled demo letter through them', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'postbud-start-'));
  const { ctx, result } = createTestContext({ cwd });
  const stack = await startStack({ port: '0', gatewayPort: '0', addinPort: '0', memory: true, demo: true, addin: true }, ctx);
  try {
    expect(stack.demoLetter?.state).toBe('delivered');
    const out = result().stdout;
    expect(out).toContain(`${stack.sandbox.url}/postkasse`);
    expect(out).toContain(`${stack.gateway.url}/v1`);
    expect(out).not.toMatch(/0101901234/);
    // The add-in preview page is served and hosts the task pane.
    const page = await (await fetch(stack.addinPreview!.url)).text();
    expect(out).toContain(stack.addinPreview!.url);
    expect(page).toMatch(/<iframe[^>]+taskpane/i);

    // The sandbox (the "real" Digital Post here) holds exactly that letter, reply-enabled, with the contact point.
    const id = stack.demoLetter?.id ?? '';
    const matching = (await (await fetch(`${stack.sandbox.url}/_sandbox/letters?messageUuid=${id}`)).json()) as { id: string }[];
    expect(matching).toHaveLength(1);
    const record = (await (await fetch(`${stack.sandbox.url}/_sandbox/letters/${matching[0]!.id}`)).json()) as { memoXml: string };
    const xml = record.memoXml;
    expect(xml).toContain('<memo:reply>true</memo:reply>');
    expect(xml).toContain(DEMO_CONTACT_POINT);
    expect(xml).toContain(DEMO_RECIPIENT_CPR);
  } finally {
    await stack.close();
  }
}, 180_000);
