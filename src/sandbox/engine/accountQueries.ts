// Read-only per-account views as wire shapes: summary, max order size, positions and the history tables.
import type { AccountSummary, MaxOrderQuantity } from '../../exchange/types/account.ts';
import type { PositionState } from '../../exchange/types/enums/capital.ts';
import type { MarketType } from '../../exchange/types/enums/markets.ts';
import type { Side } from '../../exchange/types/enums/trading.ts';
import type { FundingPayment, OrderFill, OrderHistory, Settlement } from '../../exchange/types/history.ts';
import type { FuturePositionWithMargin, PositionHistoryRow } from '../../exchange/types/positions.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import { markOf, positionContext } from './events.ts';
import type { Executor } from './execution.ts';
import { isFutures, orderMarginFraction } from './funds.ts';
import { estimateFill } from './matching.ts';
import type { TimedRow } from './marketQueries.ts';
import { orderHistoryWire } from './orders.ts';
import { positionHistoryWire, positionWire } from './positions.ts';
import type { EngineDeps, EngineState, MarketState } from './state.ts';
import { naiveMillis, naiveSeconds } from './time.ts';

export interface MaxOrderQuery {
  readonly symbol: string;
  readonly side: Side;
  readonly price?: string;
  readonly reduceOnly?: boolean;
  readonly autoBorrow?: boolean;
  readonly autoBorrowRepay?: boolean;
  readonly autoLendRedeem?: boolean;
}

export interface HistoryFilter {
  readonly symbol?: string;
  readonly orderId?: string;
  /** Only rows of orders placed by this strategy. */
  readonly strategyId?: string;
  readonly marketTypes?: readonly MarketType[];
  readonly state?: PositionState;
  readonly source?: string;
}

export class AccountQueries {
  constructor(
    private readonly deps: EngineDeps,
    private readonly state: EngineState,
    private readonly executor: Executor,
  ) {}

  summary(accountId: number): AccountSummary {
    const account = this.deps.ledger.account(accountId);
    const open = this.state.openOrdersOf(accountId);
    return {
      autoBorrowSettlements: account.settings.autoBorrowSettlements,
      autoLend: account.settings.autoLend,
      autoRealizePnl: account.settings.autoRealizePnl,
      autoRepayBorrows: account.settings.autoRepayBorrows,
      borrowLimit: '0',
      futuresMakerFee: D.toString(account.fees.futuresMaker),
      futuresTakerFee: D.toString(account.fees.futuresTaker),
      leverageLimit: D.toString(account.settings.leverageLimit),
      limitOrders: open.filter((order) => order.status !== 'TriggerPending').length,
      liquidating: false,
      positionLimit: '1000000',
      spotMakerFee: D.toString(account.fees.spotMaker),
      spotTakerFee: D.toString(account.fees.spotTaker),
      triggerOrders: open.filter((order) => order.status === 'TriggerPending').length,
    };
  }

  /** Largest quantity (floored to the step) the account could order now on `side`, at `price` or at market. */
  maxOrderQuantity(accountId: number, market: MarketState, query: MaxOrderQuery): MaxOrderQuantity {
    const { spec } = market;
    const price = query.price === undefined ? null : D.parse(query.price);
    const ledger = this.deps.ledger;
    let quantity: Decimal;
    if (isFutures(spec)) {
      const position = this.state.positions.netQuantity(accountId, spec.symbol);
      const reducible = query.side === 'Bid' ? D.max(0n, -position) : D.max(0n, position);
      if (query.reduceOnly === true) {
        quantity = reducible;
      } else {
        const reference = price ?? markOf(market);
        const fraction = orderMarginFraction(spec, ledger.account(accountId));
        const free = D.max(0n, this.executor.freeCollateral(accountId, spec.quote));
        quantity = reference > 0n ? D.div(free, D.mul(reference, fraction, 'up'), 'down') : 0n;
      }
    } else if (query.side === 'Bid') {
      const available = ledger.balance(accountId, spec.quote).available;
      if (price !== null) {
        quantity = D.div(available, price, 'down');
      } else {
        const intent = {
          accountId,
          side: query.side,
          price: null,
          quantity: null,
          quoteQuantity: available,
          selfTradePrevention: 'RejectTaker' as const,
        };
        quantity = estimateFill(market.book, intent, spec.stepSize).quantity;
      }
    } else {
      quantity = ledger.balance(accountId, spec.base).available;
    }
    const floored = D.toStep(D.max(0n, quantity), spec.stepSize, 'floor');
    return {
      autoBorrow: query.autoBorrow ?? null,
      autoBorrowRepay: query.autoBorrowRepay ?? null,
      autoLendRedeem: query.autoLendRedeem ?? null,
      maxOrderQuantity: D.toString(spec.maxQuantity === null ? floored : D.min(floored, spec.maxQuantity)),
      price: query.price ?? null,
      reduceOnly: query.reduceOnly ?? null,
      side: query.side,
      symbol: spec.symbol,
    };
  }

  positions(accountId: number, symbol?: string, marketType?: MarketType): FuturePositionWithMargin[] {
    return this.state.positions
      .openPositions()
      .filter((position) => position.accountId === accountId && (symbol === undefined || position.symbol === symbol))
      .filter(
        (position) =>
          marketType === undefined || this.state.markets.get(position.symbol)?.spec.marketType === marketType,
      )
      .map((position) => positionWire(position, positionContext(this.deps, this.state, position)));
  }

  private marketTypeOk(symbol: string, types: readonly MarketType[] | undefined): boolean {
    if (types === undefined || types.length === 0) return true;
    const type = this.state.markets.get(symbol)?.spec.marketType;
    return type !== undefined && types.includes(type);
  }

  orderHistory(accountId: number, filter: HistoryFilter): TimedRow<OrderHistory>[] {
    return this.state
      .ordersOf(accountId)
      .filter(
        (order) =>
          (filter.symbol === undefined || order.symbol === filter.symbol) &&
          (filter.orderId === undefined || order.id === filter.orderId),
      )
      .filter((order) => filter.strategyId === undefined || order.strategyId === filter.strategyId)
      .filter((order) => this.marketTypeOk(order.symbol, filter.marketTypes))
      .map((order) => ({ at: order.createdAt, row: orderHistoryWire(order) }));
  }

  fills(accountId: number, filter: HistoryFilter): TimedRow<OrderFill>[] {
    return (this.state.fills.get(accountId) ?? [])
      .filter(
        (fill) =>
          (filter.symbol === undefined || fill.symbol === filter.symbol) &&
          (filter.orderId === undefined || fill.orderId === filter.orderId),
      )
      .filter((fill) => filter.strategyId === undefined || fill.strategyId === filter.strategyId)
      .filter((fill) => this.marketTypeOk(fill.symbol, filter.marketTypes))
      .map((fill) => ({
        at: fill.timestamp,
        row: {
          clientId: fill.clientId === null ? null : String(fill.clientId),
          fee: D.toString(fill.fee),
          feeSymbol: fill.feeSymbol,
          isMaker: fill.isMaker,
          orderId: fill.orderId,
          price: D.toString(fill.price),
          quantity: D.toString(fill.quantity),
          side: fill.side,
          symbol: fill.symbol,
          systemOrderType: null,
          timestamp: naiveMillis(fill.timestamp),
          tradeId: fill.tradeId,
        },
      }));
  }

  fundingPayments(accountId: number, filter: HistoryFilter): TimedRow<FundingPayment>[] {
    return (this.state.funding.get(accountId) ?? [])
      .filter((row) => filter.symbol === undefined || row.symbol === filter.symbol)
      .map((row) => ({
        at: row.intervalEnd,
        row: {
          fundingRate: D.toString(row.rate),
          intervalEndTimestamp: naiveSeconds(row.intervalEnd),
          quantity: D.toString(row.quantity),
          subaccountId: null,
          symbol: row.symbol,
          userId: row.accountId,
        },
      }));
  }

  positionHistory(accountId: number, filter: HistoryFilter): TimedRow<PositionHistoryRow>[] {
    return this.state.positions
      .history(accountId)
      .filter(
        (position) =>
          (filter.symbol === undefined || position.symbol === filter.symbol) &&
          (filter.state === undefined || position.state === filter.state),
      )
      .filter((position) => this.marketTypeOk(position.symbol, filter.marketTypes))
      .map((position) => ({
        at: position.openedAt,
        row: positionHistoryWire(position, positionContext(this.deps, this.state, position)),
      }));
  }

  /** `source` filter uses SettlementSourceFilter names; `CulledRealizePnl*`/`Backstop*` never occur in the sandbox. */
  settlements(accountId: number, filter: HistoryFilter): TimedRow<Settlement>[] {
    return (this.state.settlements.get(accountId) ?? [])
      .filter((row) => filter.source === undefined || row.source === filter.source)
      .map((row) => ({
        at: row.timestamp,
        row: {
          engineSequence: row.sequence,
          positionId: row.positionId,
          quantity: D.toString(row.quantity),
          source: row.source,
          subaccountId: null,
          timestamp: naiveMillis(row.timestamp),
          userId: row.accountId,
        },
      }));
  }
}
