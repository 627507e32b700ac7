// The sandbox's domain services, shared by handlers, streams and the live flow; one factory wires them together.
import { TradingEngine } from './engine/engine.ts';
import { Ledger } from './engine/ledger.ts';
import { MarketCatalog } from './engine/markets.ts';
import { createClock } from './engine/time.ts';
import type { EngineClock } from './engine/time.ts';
import { productsFor } from './products/engineAdapter.ts';
import type { Products } from './products/index.ts';
import { createRandom } from './random.ts';
import type { Random } from './random.ts';
import type { StreamSink } from './ws/sink.ts';

export interface SandboxServices {
  /** Sandbox clock, epoch ms (injectable for tests). */
  readonly now: () => number;
  /** Strictly increasing µs stamps for stream payloads. */
  readonly clock: EngineClock;
  /** Where domain events go (the WS server implements it). */
  readonly sink: StreamSink;
  /** Seeded PRNG; fork it per consumer (`random.fork('flow')`) so streams stay independent. */
  readonly random: Random;
  /** Assets, markets, collateral parameters. */
  readonly markets: MarketCatalog;
  /** Accounts, balances, settings, fee rates. */
  readonly ledger: Ledger;
  /** Order books, matching, positions, market data; `tick()` drives time-based work. */
  readonly engine: TradingEngine;
  /** Non-trading products (capital, borrow-lend, RFQ, strategies, vaults, listings); `tick()` drives them. */
  readonly products: Products;
}

export interface SandboxServicesOptions {
  readonly seed: number;
  readonly now: () => number;
  readonly sink: StreamSink;
}

export function createSandboxServices(options: SandboxServicesOptions): SandboxServices {
  const clock = createClock(options.now);
  const random = createRandom(options.seed);
  const markets = new MarketCatalog();
  const ledger = new Ledger(options.sink, clock);
  const engine = new TradingEngine({ markets, ledger, sink: options.sink, clock, random: random.fork('engine') });
  const core = { now: options.now, clock, sink: options.sink, random, markets, ledger, engine };
  return { ...core, products: productsFor(core) };
}
