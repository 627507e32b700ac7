// Simulated live market flow: a seeded market maker keeps two-sided books and random takers trade against it.
import type { MarketType } from '../exchange/types/enums/markets.ts';
import * as D from './engine/decimal.ts';
import type { Decimal } from './engine/decimal.ts';
import type { TradingEngine } from './engine/engine.ts';
import type { MarketSpec } from './engine/markets.ts';
import { isOpen } from './engine/orders.ts';
import type { Random } from './random.ts';

/** An order the flow sends to the engine (in-process, never over HTTP). */
export interface FlowOrder {
  readonly symbol: string;
  readonly side: 'Bid' | 'Ask';
  /** Limit price; null = Market order. */
  readonly price: string | null;
  readonly quantity: string;
  readonly timeInForce: 'GTC' | 'IOC';
  readonly postOnly: boolean;
}

/** The engine as the flow uses it. */
export interface FlowPort {
  /** Places an order; returns its id. Throws (SandboxError) when the engine rejects it. */
  place(accountId: number, order: FlowOrder): string;
  cancel(accountId: number, symbol: string, orderId: string): void;
  /** Still resting on the book? */
  isOpen(accountId: number, symbol: string, orderId: string): boolean;
}

export type FlowMarket = Pick<
  MarketSpec,
  | 'symbol'
  | 'tickSize'
  | 'stepSize'
  | 'minQuantity'
  | 'quantityDecimals'
  | 'initialPrice'
  | 'indexSource'
  | 'hourlyVolatility'
>;

export interface FlowOptions {
  readonly random: Random;
  readonly port: FlowPort;
  readonly markets: readonly FlowMarket[];
  readonly makerAccountId: number;
  readonly takerAccountId: number;
  /** Taker orders per second across all markets (default 4). */
  readonly ratePerSecond?: number;
  /** Simulated time per step; also the timer period when running (default 250 ms). */
  readonly stepMs?: number;
  /** Price levels the maker quotes per side (default 5). */
  readonly levels?: number;
}

/**
 * The market types the sandbox animates: every SPOT and PERP market in the catalog, so each has a book, trades, a
 * ticker and a mark price from the start (the gateway's market listings join all of them).
 */
export const FLOW_MARKET_TYPES: readonly MarketType[] = ['SPOT', 'PERP'];

// Quote shape, as fractions of the fair price: the half spread, the gap between levels, USDC per level.
const HALF_SPREAD = 0.0004;
const LEVEL_GAP = 0.0003;
const LEVEL_NOTIONAL = 4000;
const SEED_TRADES_PER_MARKET = 3;
// Seeding retries refused taker orders (funds, bands) up to this many attempts per market, so every market prints.
const SEED_ATTEMPTS_PER_MARKET = 10;

interface Quotes {
  fair: number;
  /** Resting maker orders by side, keyed by price text. */
  readonly bids: Map<string, string>;
  readonly asks: Map<string, string>;
}

export class MarketFlow {
  private readonly random: Random;
  private readonly quotes = new Map<string, Quotes>();
  private readonly levels: number;
  private readonly stepMs: number;
  private readonly ratePerSecond: number;
  private takerCarry = 0;
  private timer: NodeJS.Timeout | null = null;
  private paused = false;
  /** Orders the engine refused (funds, bands): counted for diagnostics, never fatal. */
  rejected = 0;
  trades = 0;

  constructor(private readonly options: FlowOptions) {
    this.random = options.random;
    this.levels = options.levels ?? 5;
    this.stepMs = options.stepMs ?? 250;
    this.ratePerSecond = options.ratePerSecond ?? 4;
    for (const market of options.markets) {
      this.quotes.set(market.symbol, { fair: D.toNumber(market.initialPrice), bids: new Map(), asks: new Map() });
    }
  }

  /** Quotes every book and prints a few trades, so depth, trades, tickers and klines are non-empty at once. */
  seed(): void {
    for (const market of this.options.markets) this.requote(market);
    for (const market of this.options.markets) {
      let printed = 0;
      for (let attempt = 0; attempt < SEED_ATTEMPTS_PER_MARKET && printed < SEED_TRADES_PER_MARKET; attempt += 1) {
        if (this.take(market)) printed += 1;
      }
    }
  }

  /** One simulated step: prices walk, the maker re-quotes, takers send this step's share of orders. */
  step(): void {
    const dtHours = this.stepMs / 3_600_000;
    for (const market of this.options.markets) {
      const quotes = this.quotes.get(market.symbol) as Quotes;
      const index = market.indexSource === null ? undefined : this.quotes.get(market.indexSource);
      if (index !== undefined) {
        // A perp tracks its spot index with a small wandering basis.
        quotes.fair = index.fair * (1 + 0.0002 * this.random.gaussian());
      } else {
        quotes.fair *= Math.exp(market.hourlyVolatility * Math.sqrt(dtHours) * this.random.gaussian());
      }
      this.requote(market);
    }
    this.takerCarry += (this.ratePerSecond * this.stepMs) / 1000;
    while (this.takerCarry >= 1) {
      this.takerCarry -= 1;
      this.take(this.random.pick(this.options.markets));
    }
  }

  /** Runs `step()` every `stepMs` until stopped (the timer never keeps the process alive). */
  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      if (!this.paused) this.step();
    }, this.stepMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  isPaused(): boolean {
    return this.paused;
  }

  /** The maker's current fair price per market (tests, diagnostics). */
  fairPrices(): Record<string, number> {
    return Object.fromEntries([...this.quotes].map(([symbol, quotes]) => [symbol, quotes.fair]));
  }

  private price(market: FlowMarket, value: number, mode: 'floor' | 'ceil'): string {
    const snapped = D.toStep(D.fromFloat(Math.max(value, 0), 18), market.tickSize, mode);
    return D.toString(D.max(snapped, market.tickSize));
  }

  private quantity(market: FlowMarket, notional: number, fair: number): string {
    const raw = D.fromFloat(notional / fair, Math.min(market.quantityDecimals + 2, 18));
    return D.toString(D.max(D.toStep(raw, market.stepSize, 'floor'), market.minQuantity));
  }

  private requote(market: FlowMarket): void {
    const quotes = this.quotes.get(market.symbol) as Quotes;
    const { fair } = quotes;
    const tick = D.toNumber(market.tickSize);
    const half = Math.max(tick, fair * HALF_SPREAD);
    const gap = Math.max(tick, fair * LEVEL_GAP);
    const bids: string[] = [];
    const asks: string[] = [];
    for (let level = 0; level < this.levels; level += 1) {
      bids.push(this.price(market, fair - half - level * gap, 'floor'));
      asks.push(this.price(market, fair + half + level * gap, 'ceil'));
    }
    this.sync(market, 'Bid', quotes.bids, bids, fair);
    this.sync(market, 'Ask', quotes.asks, asks, fair);
  }

  /** Cancels quotes that left the ladder, forgets filled ones, and places the missing levels. */
  private sync(
    market: FlowMarket,
    side: 'Bid' | 'Ask',
    resting: Map<string, string>,
    targets: string[],
    fair: number,
  ): void {
    const maker = this.options.makerAccountId;
    const wanted = new Set(targets);
    for (const [price, orderId] of [...resting]) {
      if (!this.options.port.isOpen(maker, market.symbol, orderId)) resting.delete(price);
      else if (!wanted.has(price)) {
        this.options.port.cancel(maker, market.symbol, orderId);
        resting.delete(price);
      }
    }
    targets.forEach((price, level) => {
      if (resting.has(price)) return;
      const size = LEVEL_NOTIONAL * (1 + level * 0.5) * (0.75 + 0.5 * this.random.next());
      const order: FlowOrder = {
        symbol: market.symbol,
        side,
        price,
        quantity: this.quantity(market, size, fair),
        timeInForce: 'GTC',
        postOnly: true,
      };
      const orderId = this.send(maker, order);
      if (orderId !== null && this.options.port.isOpen(maker, market.symbol, orderId)) resting.set(price, orderId);
    });
  }

  /** One taker order: mostly market orders, some crossing IOC limits, sized $50–$2,500. False when refused. */
  private take(market: FlowMarket): boolean {
    const quotes = this.quotes.get(market.symbol) as Quotes;
    const side = this.random.chance(0.5) ? 'Bid' : 'Ask';
    const quantity = this.quantity(market, 50 + this.random.next() * 2450, quotes.fair);
    const limit = this.random.chance(0.3);
    const through = quotes.fair * (HALF_SPREAD + 2 * LEVEL_GAP);
    const price = !limit
      ? null
      : side === 'Bid'
        ? this.price(market, quotes.fair + through, 'ceil')
        : this.price(market, quotes.fair - through, 'floor');
    const order: FlowOrder = {
      symbol: market.symbol,
      side,
      price,
      quantity,
      timeInForce: limit ? 'IOC' : 'GTC',
      postOnly: false,
    };
    if (this.send(this.options.takerAccountId, order) === null) return false;
    this.trades += 1;
    return true;
  }

  private send(accountId: number, order: FlowOrder): string | null {
    try {
      return this.options.port.place(accountId, order);
    } catch {
      this.rejected += 1;
      return null;
    }
  }
}

/** Decimal text helper for callers that build FlowMarket rows by hand (tests). */
export function flowMarket(
  symbol: string,
  tick: string,
  step: string,
  price: string,
  indexSource: string | null = null,
): FlowMarket {
  const tickSize: Decimal = D.parse(tick);
  const stepSize: Decimal = D.parse(step);
  return {
    symbol,
    tickSize,
    stepSize,
    minQuantity: stepSize,
    quantityDecimals: D.decimalsOf(stepSize),
    initialPrice: D.parse(price),
    indexSource,
    hourlyVolatility: 0.01,
  };
}

/** The trading engine behind the FlowPort: orders go in-process through the same path as `POST /order`. */
export function engineFlowPort(engine: TradingEngine): FlowPort {
  return {
    place(accountId, order) {
      const placed = engine.executeOrder(accountId, {
        symbol: order.symbol,
        side: order.side,
        orderType: order.price === null ? 'Market' : 'Limit',
        quantity: order.quantity,
        timeInForce: order.timeInForce,
        ...(order.price === null ? {} : { price: order.price, postOnly: order.postOnly }),
      });
      return placed.id;
    },
    cancel(accountId, symbol, orderId) {
      if (this.isOpen(accountId, symbol, orderId)) engine.cancelOrder(accountId, symbol, { orderId });
    },
    isOpen(_accountId, _symbol, orderId) {
      const record = engine.state.orders.get(orderId);
      return record !== undefined && isOpen(record);
    },
  };
}
