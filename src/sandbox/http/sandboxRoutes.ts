// Sandbox-only HTTP routes under /sandbox/… (not part of the exchange's API, not in the endpoint table):
//   POST /sandbox/deposit  {"account":"demo"|"apiKey":"…", "symbol":"USDC", "quantity":"100", "blockchain"?:"Solana"}
//        → 200 the Deposit row (credited to `available` at once, emits balanceUpdate)
//   POST /sandbox/flow     {"paused": true|false}  → 200 {"paused": …}  (pause/resume the simulated market flow)
//   GET  /sandbox/stats    → 200 {"requests": {endpoint: count}, "ws": {connections, subscribes, unsubscribes, subscriptions}, "flowPaused"}
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxError } from '../engine/errors.ts';
import { sendError, sendJson } from './respond.ts';
import type { ExtraRoute } from './server.ts';

export interface SandboxControls {
  /** Resolves `account` (a name) or `apiKey` to an account name; undefined when neither matches. */
  accountName(by: { account?: unknown; apiKey?: unknown }): string | undefined;
  deposit(accountName: string, symbol: string, quantity: string, blockchain?: string): unknown;
  setFlowPaused(paused: boolean): void;
  stats(): unknown;
}

function badRequest(message: string): SandboxError {
  return new SandboxError(400, 'INVALID_CLIENT_REQUEST', message);
}

function jsonBody(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw badRequest('Body must be a JSON object');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest('Body must be a JSON object');
  return value as Record<string, unknown>;
}

function route(controls: SandboxControls, method: string, path: string, body: string): unknown {
  if (method === 'GET' && path === '/sandbox/stats') return controls.stats();
  if (method === 'POST' && path === '/sandbox/flow') {
    const { paused } = jsonBody(body);
    if (typeof paused !== 'boolean') throw badRequest('`paused` must be a boolean');
    controls.setFlowPaused(paused);
    return { paused };
  }
  if (method === 'POST' && path === '/sandbox/deposit') {
    const request = jsonBody(body);
    const name = controls.accountName(request);
    if (name === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'Unknown account');
    const { symbol, quantity, blockchain } = request;
    if (typeof symbol !== 'string') throw badRequest('`symbol` must be a string');
    if (typeof quantity !== 'string') throw badRequest('`quantity` must be a decimal string');
    if (blockchain !== undefined && typeof blockchain !== 'string') throw badRequest('`blockchain` must be a string');
    return controls.deposit(name, symbol, quantity, blockchain);
  }
  return undefined;
}

export function sandboxRoutes(controls: SandboxControls): ExtraRoute {
  return (req: IncomingMessage, res: ServerResponse, url: URL, body: string): boolean => {
    if (!url.pathname.startsWith('/sandbox/')) return false;
    try {
      const result = route(controls, req.method ?? 'GET', url.pathname, body);
      if (result === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'Not Found');
      sendJson(res, 200, result);
    } catch (error) {
      sendError(res, error);
    }
    return true;
  };
}
