/**
 * The request pipeline: route, inject faults, run the handler (never letting an exception
 * escape), then write, delay or drop the response.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { maskCprInText } from '@postbud/sdk';
import { createContext, type Router } from './Router.js';
import { jsonResult, SandboxHttpError, type HttpResult } from './HttpResult.js';
import type { FaultDecision } from '../faults/FaultPlan.js';
import type { SandboxContext } from '../SandboxContext.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function resetSocket(socket: Socket): void {
  // A TCP RST where the platform allows it, like a load balancer killing the connection.
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/** A failure injected before the handler runs; `null` = run the handler. */
function preFault(decisions: readonly FaultDecision[]): HttpResult | 'reset' | null {
  for (const d of decisions) {
    switch (d.kind) {
      case '500':
        return jsonResult(500, { code: 'internal.error', message: 'Injected fault: internal server error.', fieldErrors: [] });
      case '503':
        return jsonResult(503, { code: 'service.unavailable', message: 'Injected fault: service unavailable.', fieldErrors: [] }, { 'retry-after': String(d.param ?? 1) });
      case '429':
        return jsonResult(429, { code: 'too.many.requests', message: 'Injected fault: rate limited.', fieldErrors: [] }, { 'retry-after': String(d.param ?? 1) });
      case 'sts':
        return jsonResult(500, { error: 'sts_failure', error_description: 'Injected fault: the security token service failed.' });
      case 'reset':
        return 'reset';
      default:
        break;
    }
  }
  return null;
}

function revokePresentedToken(ctx: SandboxContext, req: IncomingMessage): void {
  const auth = req.headers.authorization ?? '';
  const m = /^Holder-of-key\s+(\S+)$/i.exec(auth);
  if (m) ctx.store.revokeToken(m[1]!);
}

export function createRequestListener(router: Router, ctx: SandboxContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    void handle(router, ctx, req, res).catch((err: unknown) => {
      ctx.log(`internal error: ${maskCprInText(String(err))}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'internal.error', message: 'The sandbox failed unexpectedly.', fieldErrors: [] }));
      } else res.destroy();
    });
  };
}

async function handle(router: Router, ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = Date.now();
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  } catch {
    return write(res, jsonResult(400, { code: 'request.malformed', message: 'The request URL cannot be parsed.', fieldErrors: [] }));
  }
  const method = req.method ?? 'GET';
  const match = router.match(method, url.pathname);
  if (match === null) {
    return write(res, jsonResult(404, { code: 'not.found', message: `No sandbox endpoint at ${url.pathname}.`, fieldErrors: [] }));
  }
  if (match === 'method') {
    return write(res, jsonResult(405, { code: 'method.not.allowed', message: `${method} is not allowed on ${url.pathname}.`, fieldErrors: [] }));
  }
  const decisions = ctx.faults.decide(match.faultScope, url.pathname);
  const pre = preFault(decisions);
  if (pre === 'reset') {
    ctx.log(`${method} ${url.pathname} -> injected connection reset`);
    return resetSocket(req.socket);
  }
  let result: HttpResult;
  if (pre) {
    result = pre;
  } else {
    if (decisions.some((d) => d.kind === 'expire')) revokePresentedToken(ctx, req);
    result = await runHandler(match.handler, createContext(req, url, match.params), ctx);
  }
  const slow = decisions.find((d) => d.kind === 'slow');
  if (slow) await sleep(slow.param ?? 2000);
  if (decisions.some((d) => d.kind === 'drop')) {
    // Accept-then-drop: the request was fully processed and stored; the client never hears.
    ctx.log(`${method} ${url.pathname} -> ${result.status}, response dropped (injected)`);
    return resetSocket(req.socket);
  }
  ctx.log(`${method} ${maskCprInText(url.pathname + url.search)} -> ${result.status} (${Date.now() - started} ms)`);
  write(res, result, method === 'HEAD');
}

async function runHandler(handler: (c: ReturnType<typeof createContext>) => Promise<HttpResult> | HttpResult, rc: ReturnType<typeof createContext>, ctx: SandboxContext): Promise<HttpResult> {
  try {
    return await handler(rc);
  } catch (err) {
    if (err instanceof SandboxHttpError) return err.result;
    ctx.log(`handler error on ${rc.url.pathname}: ${maskCprInText(err instanceof Error ? (err.stack ?? err.message) : String(err))}`);
    return jsonResult(500, { code: 'internal.error', message: 'The sandbox failed while handling this request; see its log.', fieldErrors: [] });
  }
}

function write(res: ServerResponse, result: HttpResult, headOnly = false): void {
  if (res.destroyed) return;
  const body = typeof result.body === 'string' ? Buffer.from(result.body, 'utf8') : Buffer.from(result.body);
  res.writeHead(result.status, { ...result.headers, 'content-length': String(body.length) });
  res.end(headOnly ? undefined : body);
}
