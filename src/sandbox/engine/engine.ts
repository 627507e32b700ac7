// The trading core's facade: order commands, queries for handlers and streams, and `tick()` for time-driven work.
import type { MarketType } from '../../exchange/types/enums/markets.ts';
import type { CancelOrderTypeEnum } from '../../exchange/types/enums/trading.ts';
import type { BatchCommandOrderResult, Order } from '../../exchange/types/orders.ts';
import type { ApiErrorCode } from '../../exchange/types/enums/errorCodes.ts';
import { SandboxError } from './errors.ts';
import { AccountQueries } from './accountQueries.ts';
import { Clockwork } from './clockwork.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import { markOf, Publisher } from './events.ts';
import { Executor } from './execution.ts';
import type { Ledger } from './ledger.ts';
import type { MarketCatalog } from './markets.ts';
import { MarketQueries } from './marketQueries.ts';
import type { OrderRecord } from './orders.ts';
import { isOpen, orderWire } from './orders.ts';
import { EngineState } from './state.ts';
import type { EngineDeps, MarketState } from './state.ts';
import { Triggers } from './triggers.ts';
import { checkPriceBand, validateOrder } from './validation.ts';
import type { OrderRequest } from './validation.ts';

export type { OrderRequest } from './validation.ts';

/** Identifies one order: exactly one of the two. */
export interface OrderRef {
  readonly orderId?: string;
  readonly clientId?: number;
}

export class TradingEngine {
  readonly markets: MarketCatalog;
  readonly ledger: Ledger;
  /** Public market data (depth, tickers, klines, mark prices, open interest, trades). */
  readonly marketData: MarketQueries;
  /** Per-account views (summary, limits, positions, history tables). */
  readonly accounts: AccountQueries;
  readonly state: EngineState;
  private readonly publisher: Publisher;
  private readonly executor: Executor;
  private readonly triggers: Triggers;
  private readonly clockwork: Clockwork;

  constructor(private readonly deps: EngineDeps) {
    this.markets = deps.markets;
    this.ledger = deps.ledger;
    this.state = new EngineState(deps);
    this.publisher = new Publisher(deps, this.state);
    this.executor = new Executor(deps, this.state, this.publisher);
    this.triggers = new Triggers(deps, this.state, this.publisher, this.executor);
    this.executor.hooks = { onFill: (order, quantity) => this.triggers.onParentFill(order, quantity) };
    this.clockwork = new Clockwork(deps, this.state, this.publisher, this.triggers);
    this.marketData = new MarketQueries(deps, this.state, this.clockwork);
    this.accounts = new AccountQueries(deps, this.state, this.executor);
    const now = deps.clock.now();
    for (const market of this.state.markets.values()) this.clockwork.updatePrices(market, now);
  }

  /** `POST /order`: validates, reserves funds, matches; returns the order as it stands afterwards. */
  executeOrder(accountId: number, request: OrderRequest): Order {
    this.ledger.account(accountId);
    if (typeof request.symbol !== 'string') {
      throw new SandboxError(
        400,
        null,
        'Bad Request parse request payload error: missing field `symbol` (occurred while parsing "OrderExecutePayload")',
      );
    }
    const market = this.marketData.market(request.symbol);
    const validated = validateOrder(request, market.spec);
    if (validated.price !== null && validated.trigger === null)
      checkPriceBand(market.spec, validated.price, market.tape.lastPrice ?? market.mark);
    const order = this.executor.createRecord(accountId, validated, this.deps.clock.now());
    if (validated.trigger !== null) this.triggers.place(order, market);
    else this.executor.place(order, market);
    this.afterCommand(market);
    return orderWire(order);
  }

  /** `POST /orders`: each item independently; failures become `{operation:'Err', code, message}`. */
  executeOrders(accountId: number, requests: readonly OrderRequest[]): BatchCommandOrderResult[] {
    return requests.map((request) => {
      try {
        return { operation: 'Ok', ...this.executeOrder(accountId, request) };
      } catch (error) {
        if (!(error instanceof SandboxError)) throw error;
        return {
          operation: 'Err',
          code: (error.code ?? 'INVALID_CLIENT_REQUEST') as ApiErrorCode,
          message: error.message,
        };
      }
    });
  }

  /** `GET /order`: an open order (resting or trigger-pending); 404 otherwise. */
  getOrder(accountId: number, symbol: string, ref: OrderRef): Order {
    this.marketData.market(symbol);
    const order = this.findOpen(accountId, symbol, ref);
    if (order === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'Order not found');
    return orderWire(order);
  }

  /** `DELETE /order`. */
  cancelOrder(accountId: number, symbol: string, ref: OrderRef): Order {
    const market = this.marketData.market(symbol);
    const order = this.findOpen(accountId, symbol, ref);
    if (order === undefined) throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Order not found');
    this.executor.close(order, 'Cancelled', null);
    this.afterCommand(market);
    return orderWire(order);
  }

  /** `DELETE /orders`: all open orders in the market, optionally only resting or only conditional ones. */
  cancelOpenOrders(accountId: number, symbol: string, orderType?: CancelOrderTypeEnum): Order[] {
    const market = this.marketData.market(symbol);
    const cancelled: Order[] = [];
    for (const order of this.state.openOrdersOf(accountId)) {
      if (order.symbol !== symbol || !isOpen(order)) continue;
      const conditional = order.status === 'TriggerPending';
      if (orderType === 'RestingLimitOrder' && conditional) continue;
      if (orderType === 'ConditionalOrder' && !conditional) continue;
      this.executor.close(order, 'Cancelled', null);
      cancelled.push(orderWire(order));
    }
    this.afterCommand(market);
    return cancelled;
  }

  /** `GET /orders`: resting and trigger-pending orders. */
  openOrders(accountId: number, symbol?: string, marketType?: MarketType): Order[] {
    if (symbol !== undefined) this.marketData.market(symbol);
    return this.state
      .openOrdersOf(accountId)
      .filter((order) => symbol === undefined || order.symbol === symbol)
      .filter(
        (order) => marketType === undefined || this.state.markets.get(order.symbol)?.spec.marketType === marketType,
      )
      .map(orderWire);
  }

  /** The `account.positionUpdate` snapshot messages (no `e`) the WS server sends right after a subscription. */
  positionSnapshot(accountId: number, symbol: string | null = null): Record<string, unknown>[] {
    return this.publisher.positionSnapshot(accountId, symbol);
  }

  /** Time-driven work at `clock.now()`: prices, triggers, funding, ticker/markPrice/openInterest/kline publications. */
  tick(): void {
    this.clockwork.tick();
  }

  /** Freezes (false) or resumes (true) the simulated index of perps without a spot source; the flow drives it. */
  setPriceWalk(enabled: boolean): void {
    this.clockwork.walkIndex = enabled;
  }

  /** Mark price of a market (perps: engine mark; others: last trade / mid / seed); null for unknown symbols. */
  markPrice(symbol: string): Decimal | null {
    const market = this.state.markets.get(symbol);
    return market === undefined ? null : markOf(market);
  }

  /** Value of one unit of `asset` in USDC (1 for USDC; else its `<asset>_USDC` spot or perp price); null if unknown. */
  assetPrice(asset: string): Decimal | null {
    if (asset === 'USDC') return D.ONE;
    return this.markPrice(`${asset}_USDC`) ?? this.markPrice(`${asset}_USDC_PERP`);
  }

  private afterCommand(market: MarketState): void {
    this.publisher.flushBook(market);
    this.executor.enforceReduceOnly();
    this.triggers.check(market);
  }

  private findOpen(accountId: number, symbol: string, ref: OrderRef): OrderRecord | undefined {
    if ((ref.orderId === undefined) === (ref.clientId === undefined)) {
      throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Must specify exactly one of `orderId` or `clientId`');
    }
    const matches = this.state
      .openOrdersOf(accountId)
      .filter(
        (order) =>
          order.symbol === symbol &&
          (ref.orderId !== undefined ? order.id === ref.orderId : order.clientId === ref.clientId),
      );
    return matches[matches.length - 1];
  }
}
