import { expect, test } from '@jest/globals';
import { linkAbort } from './linkAbort.js';

test('one caller signal aborts every linked controller, through a single listener', () => {
  const caller = new AbortController();
  let added = 0;
  const add = caller.signal.addEventListener.bind(caller.signal);
  caller.signal.addEventListener = ((...args: Parameters<typeof add>) => { added++; return add(...args); }) as typeof add;
  const controllers = Array.from({ length: 40 }, () => new AbortController());
  const unlinks = controllers.map((c) => linkAbort(caller.signal, c));
  unlinks[0]!(); // finished before the abort: left alone
  caller.abort(new Error('stop'));
  expect(added).toBe(1);
  expect(controllers[0]!.signal.aborted).toBe(false);
  expect(controllers.slice(1).every((c) => c.signal.aborted && (c.signal.reason as Error).message === 'stop')).toBe(true);
});

test('an already aborted caller aborts the controller at once', () => {
  const caller = new AbortController();
  caller.abort('gone');
  const c = new AbortController();
  linkAbort(caller.signal, c);
  expect(c.signal.reason).toBe('gone');
});
