// Publishes the trading core's stream payloads: depth/bookTicker per book mutation, trades, klines, order and position updates.
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { FillDetail, OrderEvent, OrderRecord } from './orders.ts';
import { orderUpdateWire, remaining } from './orders.ts';
import type { PositionContext, PositionEvent, PositionRecord } from './positions.ts';
import { positionEventWire } from './positions.ts';
import type { EngineDeps, EngineState, MarketState } from './state.ts';
import type { KlineUpdate, TradeRecord } from './tape.ts';
import { klineEventWire } from './tape.ts';

export class Publisher {
  constructor(
    private readonly deps: EngineDeps,
    private readonly state: EngineState,
  ) {}

  private times(): { event: number; engine: number } {
    const engine = this.deps.clock.micros();
    return { engine, event: engine + 1 };
  }

  orderUpdate(order: OrderRecord, event: OrderEvent, fill: FillDetail | null = null): void {
    const market = this.state.markets.get(order.symbol);
    if (market === undefined) return;
    const data = orderUpdateWire(order, market.spec, event, this.times(), fill);
    this.deps.sink.publishPrivate(order.accountId, 'account.orderUpdate', order.symbol, data);
  }

  /** Commits the market's pending book mutation (one update id) and streams it, plus bookTicker if the top moved. */
  flushBook(market: MarketState): void {
    const change = market.book.flush();
    if (change === null) return;
    const { spec } = market;
    const price = (value: Decimal): string => D.format(value, spec.priceDecimals);
    const size = (value: Decimal): string => D.format(value, spec.quantityDecimals);
    const times = this.times();
    this.deps.sink.publish(`depth.${spec.symbol}`, {
      e: 'depth',
      E: times.event,
      s: spec.symbol,
      a: change.asks.map(([p, q]) => [price(p), size(q)]),
      b: change.bids.map(([p, q]) => [price(p), size(q)]),
      U: change.updateId,
      u: change.updateId,
      T: times.engine,
    });
    if (change.top !== null) {
      const { bid, ask } = change.top;
      this.deps.sink.publish(`bookTicker.${spec.symbol}`, {
        e: 'bookTicker',
        E: times.event,
        s: spec.symbol,
        a: ask === null ? null : price(ask.price),
        A: ask === null ? null : size(ask.size),
        b: bid === null ? null : price(bid.price),
        B: bid === null ? null : size(bid.size),
        u: change.updateId,
        T: times.engine,
      });
    }
  }

  trade(market: MarketState, trade: TradeRecord, klines: readonly KlineUpdate[]): void {
    const { spec } = market;
    const times = this.times();
    this.deps.sink.publish(`trade.${spec.symbol}`, {
      e: 'trade',
      E: times.event,
      s: spec.symbol,
      p: D.format(trade.price, spec.priceDecimals),
      q: D.format(trade.quantity, spec.quantityDecimals),
      b: trade.buyerOrderId,
      a: trade.sellerOrderId,
      t: trade.id,
      // The trade's own millisecond (what REST reports), with the engine's sub-ms digits: publishing may run a
      // millisecond after the match, and the same trade must read the same instant from both sources.
      T: Math.floor(trade.timestamp) * 1000 + (times.engine % 1000),
      m: trade.isBuyerMaker,
    });
    this.klines(market, klines);
  }

  klines(market: MarketState, updates: readonly KlineUpdate[]): void {
    for (const update of updates) {
      const times = this.times();
      this.deps.sink.publish(
        `kline.${update.interval}.${market.spec.symbol}`,
        klineEventWire(market.spec.symbol, update, times.event),
      );
    }
  }

  positionUpdate(position: PositionRecord, event: PositionEvent): void {
    const data = positionEventWire(position, positionContext(this.deps, this.state, position), event, this.times());
    this.deps.sink.publishPrivate(position.accountId, 'account.positionUpdate', position.symbol, data);
  }

  /** The messages `account.positionUpdate` sends right after subscribing: one per open position, without `e`. */
  positionSnapshot(accountId: number, symbol: string | null): Record<string, unknown>[] {
    return this.state.positions
      .openPositions()
      .filter((position) => position.accountId === accountId && (symbol === null || position.symbol === symbol))
      .map((position) =>
        positionEventWire(position, positionContext(this.deps, this.state, position), null, this.times()),
      );
  }

  publish(stream: string, data: object): void {
    this.deps.sink.publish(stream, data);
  }

  eventTime(): number {
    return this.times().event;
  }
}

/** Mark price used for PnL: the engine mark, else the last trade, else the seed price. */
export function markOf(market: MarketState): Decimal {
  return market.mark ?? market.tape.lastPrice ?? market.spec.initialPrice;
}

export function positionContext(deps: EngineDeps, state: EngineState, position: PositionRecord): PositionContext {
  const market = state.markets.get(position.symbol);
  if (market === undefined) throw new Error(`Unknown market ${position.symbol}`);
  let openBids = 0n;
  let openAsks = 0n;
  for (const order of state.openOrdersOf(position.accountId)) {
    if (order.symbol !== position.symbol || order.status === 'TriggerPending') continue;
    if (order.side === 'Bid') openBids += remaining(order);
    else openAsks += remaining(order);
  }
  const usdc = deps.ledger.balance(position.accountId, market.spec.quote);
  return {
    market: market.spec,
    markPrice: markOf(market),
    openBids,
    openAsks,
    leverageLimit: deps.ledger.account(position.accountId).settings.leverageLimit,
    collateral: usdc.available + usdc.locked,
  };
}
