// A real services object (engine, ledger, products) with an injected clock, funded built-in accounts, a capturing
// sink and a helper that calls product handlers the way the transport does.
import { ACCOUNT_FUNDING, ACCOUNT_NAMES } from '../../src/sandbox/accounts.ts';
import * as D from '../../src/sandbox/engine/decimal.ts';
import { productHandlers } from '../../src/sandbox/handlers/products.ts';
import { isReply } from '../../src/sandbox/http/handler.ts';
import type { HandlerReply, ParamValue } from '../../src/sandbox/http/handler.ts';
import { createSandboxServices } from '../../src/sandbox/services.ts';
import type { SandboxServices } from '../../src/sandbox/services.ts';
import type { StreamSink } from '../../src/sandbox/ws/sink.ts';

export type ProductEndpoint = keyof typeof productHandlers;

export interface PrivateEvent {
  readonly accountId: number;
  readonly stream: string;
  readonly symbol: string | null;
  readonly data: Record<string, unknown>;
}

export interface CallResult {
  readonly status: number;
  readonly json: unknown;
  readonly text: string | undefined;
  readonly headers: Readonly<Record<string, string>>;
}

export interface World {
  readonly services: SandboxServices;
  /** Built-in account ids by name (demo, maker, taker, alice, bob). */
  readonly ids: Readonly<Record<string, number>>;
  readonly events: PrivateEvent[];
  now(): number;
  /** Moves the clock and runs the engine's and the products' time-driven work. */
  advance(ms: number): void;
  /** Calls a product handler like the transport would; `account` null = public call. */
  call(name: ProductEndpoint, account: string | null, params?: Record<string, ParamValue>): CallResult;
  /** Available balance as text. */
  available(account: string, asset: string): string;
  locked(account: string, asset: string): string;
}

export const START = Date.UTC(2026, 0, 5, 12, 0, 0);

export function createWorld(seed = 7): World {
  let t = START;
  const events: PrivateEvent[] = [];
  const sink: StreamSink = {
    publish() {},
    publishPrivate(accountId, stream, symbol, data) {
      events.push({ accountId, stream, symbol, data: data as Record<string, unknown> });
    },
  };
  const services = createSandboxServices({ seed, now: () => t, sink });
  const ids: Record<string, number> = {};
  for (const name of ACCOUNT_NAMES) {
    const id = services.ledger.createAccount(name);
    ids[name] = id;
    for (const [asset, quantity] of Object.entries(ACCOUNT_FUNDING[name] ?? {}))
      services.ledger.credit(id, asset, D.parse(quantity));
  }
  const idOf = (name: string): number => {
    const id = ids[name];
    if (id === undefined) throw new Error(`unknown account ${name}`);
    return id;
  };
  return {
    services,
    ids,
    events,
    now: () => t,
    advance(ms) {
      t += ms;
      services.engine.tick();
      services.products.tick();
    },
    call(name, account, params = {}) {
      const handler = productHandlers[name] as (request: unknown, s: SandboxServices) => unknown;
      const result = handler(
        { name, params, items: [], accountId: account === null ? null : idOf(account), now: t },
        services,
      );
      if (isReply(result)) {
        const r: HandlerReply = result;
        return { status: r.status, json: r.json, text: r.text, headers: r.headers ?? {} };
      }
      return { status: 200, json: result, text: undefined, headers: {} };
    },
    available: (account, asset) => D.toString(services.ledger.balance(idOf(account), asset).available),
    locked: (account, asset) => D.toString(services.ledger.balance(idOf(account), asset).locked),
  };
}

/** The JSON body of a call, typed by the caller. */
export function body<T>(result: CallResult): T {
  return result.json as T;
}

/** Runs `fn`, expecting a SandboxError; returns its status, code and message. */
export function failure(fn: () => unknown): { status: number; code: string | null; message: string } {
  try {
    fn();
  } catch (error) {
    const e = error as { status?: number; code?: string | null; message: string };
    if (typeof e.status === 'number') return { status: e.status, code: e.code ?? null, message: e.message };
    throw error;
  }
  throw new Error('expected a SandboxError');
}
