// Test harness for the trading core: an engine on a controllable clock with a sink that records every message.
import * as D from '../../src/sandbox/engine/decimal.ts';
import { TradingEngine } from '../../src/sandbox/engine/engine.ts';
import type { OrderRequest } from '../../src/sandbox/engine/engine.ts';
import { Ledger } from '../../src/sandbox/engine/ledger.ts';
import { MarketCatalog } from '../../src/sandbox/engine/markets.ts';
import { createClock } from '../../src/sandbox/engine/time.ts';
import { createRandom } from '../../src/sandbox/random.ts';
import type { StreamSink } from '../../src/sandbox/ws/sink.ts';

export interface PublicMessage {
  readonly stream: string;
  readonly data: Record<string, unknown>;
}

export interface PrivateMessage extends PublicMessage {
  readonly accountId: number;
  readonly symbol: string | null;
}

export class RecordingSink implements StreamSink {
  readonly public: PublicMessage[] = [];
  readonly private: PrivateMessage[] = [];

  publish(stream: string, data: object): void {
    this.public.push({ stream, data: data as Record<string, unknown> });
  }

  publishPrivate(accountId: number, stream: string, symbol: string | null, data: object): void {
    this.private.push({ accountId, stream, symbol, data: data as Record<string, unknown> });
  }

  on(stream: string): Record<string, unknown>[] {
    return this.public.filter((message) => message.stream === stream).map((message) => message.data);
  }

  privateFor(accountId: number, stream: string): Record<string, unknown>[] {
    return this.private
      .filter((message) => message.accountId === accountId && message.stream === stream)
      .map((message) => message.data);
  }

  clear(): void {
    this.public.length = 0;
    this.private.length = 0;
  }
}

export const START = Date.UTC(2026, 0, 5, 12, 0, 0);

export function createHarness(seed = 1) {
  let now = START;
  const sink = new RecordingSink();
  const clock = createClock(() => now);
  const markets = new MarketCatalog();
  const ledger = new Ledger(sink, clock);
  const engine = new TradingEngine({ markets, ledger, sink, clock, random: createRandom(seed) });
  return {
    engine,
    ledger,
    markets,
    sink,
    now: () => now,
    advance(ms: number): void {
      now += ms;
    },
    /** A new account credited with the given balances (`{ USDC: '1000' }`). */
    account(funds: Record<string, string> = {}): number {
      const id = ledger.createAccount(`trader-${ledger.accountIds().length + 1}`);
      for (const [asset, amount] of Object.entries(funds)) ledger.credit(id, asset, D.parse(amount));
      return id;
    },
    balance(accountId: number, asset: string): { available: string; locked: string } {
      const state = ledger.balance(accountId, asset);
      return { available: D.toString(state.available), locked: D.toString(state.locked) };
    },
    place(accountId: number, request: Partial<OrderRequest> & Pick<OrderRequest, 'side'>) {
      return engine.executeOrder(accountId, { symbol: 'SOL_USDC', orderType: 'Limit', ...request } as OrderRequest);
    },
  };
}

export type Harness = ReturnType<typeof createHarness>;
