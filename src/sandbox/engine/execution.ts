// Order execution: fund reservation, matching outcomes (TIF, postOnly, STP), fill settlement, resting and closing.
import type { OrderExpiryReason } from '../../exchange/types/enums/trading.ts';
import { SandboxError } from './errors.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { Publisher } from './events.ts';
import { markOf } from './events.ts';
import {
  chargeFee,
  feeFor,
  feeRate,
  isFutures,
  lockForOrder,
  marginFor,
  orderMarginFraction,
  releaseLock,
  settleCash,
  spendLock,
} from './funds.ts';
import { crosses, estimateFill, matchTaker, opposite } from './matching.ts';
import type { TakerIntent } from './matching.ts';
import type { OrderRecord } from './orders.ts';
import { isOpen, remaining } from './orders.ts';
import type { EngineDeps, EngineState, MarketState } from './state.ts';
import type { ValidatedOrder } from './validation.ts';

export interface ExecutionHooks {
  /** An order traded `quantity` (attached TP/SL children follow their parent's fills). */
  onFill(order: OrderRecord, quantity: Decimal): void;
}

function intentOf(order: OrderRecord): TakerIntent {
  return {
    accountId: order.accountId,
    side: order.side,
    price: order.orderType === 'Limit' ? order.price : null,
    quantity: order.quantity === null ? null : remaining(order),
    quoteQuantity: order.quoteQuantity === null ? null : order.quoteQuantity - order.executedQuoteQuantity,
    selfTradePrevention: order.selfTradePrevention,
  };
}

export class Executor {
  hooks: ExecutionHooks = { onFill() {} };
  /** Accounts whose positions changed during the current command (reduce-only orders are re-checked after it). */
  private readonly touched = new Set<string>();

  constructor(
    private readonly deps: EngineDeps,
    private readonly state: EngineState,
    private readonly publisher: Publisher,
  ) {}

  createRecord(
    accountId: number,
    order: ValidatedOrder,
    now: number,
    relatedOrderId: string | null = null,
  ): OrderRecord {
    return {
      id: this.state.newOrderId(),
      accountId,
      clientId: order.clientId,
      symbol: order.market.symbol,
      side: order.side,
      orderType: order.orderType,
      timeInForce: order.timeInForce,
      selfTradePrevention: order.selfTradePrevention,
      postOnly: order.postOnly,
      reduceOnly: order.reduceOnly,
      price: order.price,
      quantity: order.trigger === null ? order.quantity : null,
      quoteQuantity: order.trigger === null ? order.quoteQuantity : null,
      executedQuantity: 0n,
      executedQuoteQuantity: 0n,
      status: order.trigger === null ? 'New' : 'TriggerPending',
      expiryReason: null,
      createdAt: now,
      triggerPrice: order.trigger?.price ?? null,
      triggerQuantity: order.trigger?.quantity ?? null,
      triggerBy: order.trigger?.by ?? null,
      triggerAbove: null,
      triggeredAt: null,
      takeProfit: order.takeProfit,
      stopLoss: order.stopLoss,
      relatedOrderId,
      slippageTolerance: order.slippageTolerance,
      slippageToleranceType: order.slippageToleranceType,
      strategyId: order.strategyId,
      lockedAsset: null,
      lockedRemaining: 0n,
    };
  }

  /**
   * Reserves what the order needs (spot: the asset it pays; futures: USDC initial margin) and clamps reduce-only
   * quantities. Throws INSUFFICIENT_FUNDS / INSUFFICIENT_MARGIN without side effects; returns an expiry reason when a
   * reduce-only order cannot reduce anything.
   */
  admit(order: OrderRecord, market: MarketState): OrderExpiryReason | null {
    const { spec, book } = market;
    const estimate = (): { quantity: Decimal; quote: Decimal } => estimateFill(book, intentOf(order), spec.stepSize);
    if (isFutures(spec)) {
      if (order.reduceOnly === true) {
        const position = this.state.positions.netQuantity(order.accountId, spec.symbol);
        const allowed = order.side === 'Bid' ? D.max(0n, -position) : D.max(0n, position);
        if (allowed === 0n) return 'ReduceOnlyNotReduced';
        if (order.quantity !== null && order.quantity > allowed) order.quantity = allowed;
        return null;
      }
      const account = this.deps.ledger.account(order.accountId);
      const notional =
        order.orderType === 'Limit'
          ? D.mul(order.price ?? 0n, order.quantity ?? 0n, 'up')
          : order.quantity !== null
            ? estimate().quote
            : (order.quoteQuantity ?? 0n);
      const margin = marginFor(
        notional,
        orderMarginFraction(spec, account),
        this.deps.markets.assetDecimals(spec.quote),
      );
      if (margin > this.freeCollateral(order.accountId, spec.quote))
        throw new SandboxError(400, 'INSUFFICIENT_MARGIN', 'Insufficient margin');
      lockForOrder(this.deps.ledger, order, spec.quote, margin);
      return null;
    }
    if (order.side === 'Bid') {
      const cost =
        order.orderType === 'Limit'
          ? D.mul(order.price ?? 0n, order.quantity ?? 0n, 'up')
          : order.quantity !== null
            ? estimate().quote
            : (order.quoteQuantity ?? 0n);
      lockForOrder(this.deps.ledger, order, spec.quote, cost);
    } else {
      lockForOrder(this.deps.ledger, order, spec.base, order.quantity ?? estimate().quantity);
    }
    return null;
  }

  /** USDC available for new margin: available + unrealized PnL − initial margin of open positions. */
  freeCollateral(accountId: number, asset: string): Decimal {
    let free = this.deps.ledger.balance(accountId, asset).available;
    const account = this.deps.ledger.account(accountId);
    for (const position of this.state.positions.openPositions()) {
      if (position.accountId !== accountId) continue;
      const market = this.state.markets.get(position.symbol);
      if (market === undefined) continue;
      const mark = markOf(market);
      free += D.mul(position.netQuantity, mark, 'halfEven') - position.netCost;
      free -= D.mul(D.mul(D.abs(position.netQuantity), mark, 'up'), orderMarginFraction(market.spec, account), 'up');
    }
    return free;
  }

  /** Admits a fresh order, records it, announces it and executes it. */
  place(order: OrderRecord, market: MarketState): void {
    const rejected = this.admit(order, market);
    this.state.addOrder(order);
    this.publisher.orderUpdate(order, 'orderAccepted');
    if (rejected !== null) {
      this.close(order, 'Expired', rejected);
      return;
    }
    this.run(order, market);
  }

  /** Matches an admitted order and settles the aftermath: rest (GTC limit), fill, or expire with the reason. */
  run(order: OrderRecord, market: MarketState): void {
    const { spec, book } = market;
    const best = book.best(opposite(order.side));
    const wouldTake =
      best !== undefined && crosses(order.side, order.orderType === 'Limit' ? order.price : null, best.price);
    if (order.orderType === 'Limit' && wouldTake) {
      if (order.postOnly) return this.close(order, 'Expired', 'PostOnlyTaker');
      if (spec.orderBookState === 'PostOnly') return this.close(order, 'Expired', 'PostOnlyMode');
    }
    if (
      order.timeInForce === 'FOK' &&
      order.quantity !== null &&
      estimateFill(book, intentOf(order), spec.stepSize).quantity < remaining(order)
    ) {
      return this.close(order, 'Expired', 'FillOrKill');
    }
    const outcome = matchTaker(book, order, spec.stepSize, {
      fill: (maker, quantity, price) => this.settleFill(market, order, maker, quantity, price),
      expireMaker: (maker) => this.close(maker, 'Expired', 'SelfTradePrevention'),
    });
    if (outcome === 'selfTrade') return this.close(order, 'Expired', 'SelfTradePrevention');
    const done =
      order.quantity !== null ? remaining(order) === 0n : outcome === 'complete' && order.executedQuantity > 0n;
    if (done) {
      order.status = 'Filled';
      this.retire(order);
    } else if (order.orderType === 'Limit' && order.timeInForce === 'GTC') {
      this.rest(order, market);
    } else {
      this.close(order, 'Expired', order.orderType === 'Market' ? 'InsufficientLiquidity' : 'ImmediateOrCancel');
    }
  }

  private rest(order: OrderRecord, market: MarketState): void {
    market.book.add(order);
    this.state.markOpen(order);
    if (isFutures(market.spec) && order.reduceOnly !== true) {
      // Keep only the margin the resting remainder needs (the taker part has already been released per fill).
      const account = this.deps.ledger.account(order.accountId);
      const needed = marginFor(
        D.mul(order.price ?? 0n, remaining(order), 'up'),
        orderMarginFraction(market.spec, account),
        this.deps.markets.assetDecimals(market.spec.quote),
      );
      if (order.lockedRemaining > needed) releaseLock(this.deps.ledger, order, order.lockedRemaining - needed);
    }
  }

  /** A finished order gives back whatever it still holds and leaves the open set. */
  private retire(order: OrderRecord): void {
    releaseLock(this.deps.ledger, order);
    this.state.markClosed(order);
  }

  /** Cancels or expires an open order: off the book / trigger list, funds back, event out. */
  close(order: OrderRecord, status: 'Cancelled' | 'Expired' | 'TriggerFailed', reason: OrderExpiryReason | null): void {
    const market = this.state.markets.get(order.symbol);
    if (market !== undefined) {
      if (order.status === 'TriggerPending') {
        const index = market.triggers.indexOf(order);
        if (index >= 0) market.triggers.splice(index, 1);
      } else if (order.orderType === 'Limit') {
        market.book.remove(order, remaining(order));
      }
    }
    order.status = status;
    order.expiryReason = reason;
    this.retire(order);
    const event =
      status === 'Cancelled' ? 'orderCancelled' : status === 'TriggerFailed' ? 'triggerFailed' : 'orderExpired';
    this.publisher.orderUpdate(order, event);
  }

  private settleFill(
    market: MarketState,
    taker: OrderRecord,
    maker: OrderRecord,
    quantity: Decimal,
    price: Decimal,
  ): void {
    const { spec } = market;
    const now = this.deps.clock.now();
    const quote = D.mul(quantity, price, 'halfEven');
    const tradeOf = market.tape.record({
      price,
      quantity,
      quote,
      timestamp: now,
      isBuyerMaker: maker.side === 'Bid',
      buyerOrderId: maker.side === 'Bid' ? maker.id : taker.id,
      sellerOrderId: maker.side === 'Ask' ? maker.id : taker.id,
    });
    market.book.reduce(maker, quantity);
    const details = [maker, taker].map((order) => ({
      order,
      ...this.settleSide(market, order, order === maker, quantity, price, quote, now),
    }));
    if (remaining(maker) === 0n) {
      market.book.remove(maker, 0n);
      this.retire(maker);
    }
    this.publisher.trade(market, tradeOf.trade, tradeOf.klines);
    for (const { order, fee, feeSymbol } of details) {
      const maker = order !== taker;
      this.state.addFill({
        tradeId: tradeOf.trade.id,
        orderId: order.id,
        clientId: order.clientId,
        strategyId: order.strategyId,
        accountId: order.accountId,
        symbol: spec.symbol,
        side: order.side,
        price,
        quantity,
        fee,
        feeSymbol,
        isMaker: maker,
        timestamp: now,
      });
      this.publisher.orderUpdate(order, 'orderFill', {
        tradeId: tradeOf.trade.id,
        quantity,
        price,
        maker,
        fee,
        feeSymbol,
      });
    }
    for (const { order, changes } of details) {
      for (const change of changes) this.publisher.positionUpdate(change.position, change.event);
      if (changes.length > 0) this.touched.add(`${order.accountId}:${spec.symbol}`);
    }
    this.hooks.onFill(maker, quantity);
    this.hooks.onFill(taker, quantity);
  }

  /** One side of a fill: executed amounts, funds (spot delivery or futures position + PnL) and the fee. */
  private settleSide(
    market: MarketState,
    order: OrderRecord,
    maker: boolean,
    quantity: Decimal,
    price: Decimal,
    quote: Decimal,
    now: number,
  ) {
    const { spec } = market;
    const ledger = this.deps.ledger;
    const account = ledger.account(order.accountId);
    const rate = feeRate(account, spec, maker);
    const remainingBefore = remaining(order);
    order.executedQuantity += quantity;
    order.executedQuoteQuantity += quote;
    order.status = order.quantity !== null && remaining(order) === 0n ? 'Filled' : 'PartiallyFilled';
    if (!isFutures(spec)) {
      if (order.side === 'Bid') {
        spendLock(ledger, order, quote);
        if (order.orderType === 'Limit' && order.price !== null && order.price > price) {
          releaseLock(ledger, order, D.mul(quantity, order.price - price, 'halfEven'));
        }
        const fee = feeFor(quantity, rate, this.deps.markets.assetDecimals(spec.base));
        ledger.credit(order.accountId, spec.base, quantity - fee);
        ledger.toHouse(spec.base, fee);
        return { fee, feeSymbol: spec.base, changes: [] };
      }
      spendLock(ledger, order, quantity);
      const fee = feeFor(quote, rate, this.deps.markets.assetDecimals(spec.quote));
      ledger.credit(order.accountId, spec.quote, quote - fee);
      ledger.toHouse(spec.quote, fee);
      return { fee, feeSymbol: spec.quote, changes: [] };
    }
    if (order.quantity !== null && remainingBefore > 0n) {
      const release =
        remainingBefore === quantity
          ? order.lockedRemaining
          : D.divideRounded(order.lockedRemaining * quantity, remainingBefore, 'down');
      releaseLock(ledger, order, release);
    }
    const fee = feeFor(quote, rate, this.deps.markets.assetDecimals(spec.quote));
    const effect = this.state.positions.applyFill(order.accountId, spec.symbol, order.side, quantity, price, fee, now);
    settleCash(ledger, order.accountId, spec.quote, effect.realized);
    chargeFee(ledger, order.accountId, spec.quote, fee);
    if (effect.realized !== 0n) {
      const positionId = effect.changes[0]?.position.id ?? null;
      this.state.addSettlement({
        accountId: order.accountId,
        quantity: effect.realized,
        source: 'RealizePnl',
        positionId,
        timestamp: now,
      });
    }
    return { fee, feeSymbol: spec.quote, changes: effect.changes };
  }

  /**
   * After a command: resting reduce-only orders of accounts whose position changed may no longer reduce; shrink them
   * (`orderModified`) or expire them (`ReduceOnlyNotReduced`) so they can never flip a position.
   */
  enforceReduceOnly(): void {
    const touched = [...this.touched];
    this.touched.clear();
    for (const entry of touched) {
      const [accountText, symbol] = entry.split(/:(.*)/s) as [string, string];
      const accountId = Number(accountText);
      const market = this.state.markets.get(symbol);
      if (market === undefined) continue;
      const position = this.state.positions.netQuantity(accountId, symbol);
      const budget = { Bid: D.max(0n, -position), Ask: D.max(0n, position) };
      for (const order of this.state.openOrdersOf(accountId)) {
        if (order.symbol !== symbol || order.reduceOnly !== true || order.status === 'TriggerPending' || !isOpen(order))
          continue;
        const allowed = budget[order.side];
        const left = remaining(order);
        if (allowed === 0n) {
          this.close(order, 'Expired', 'ReduceOnlyNotReduced');
        } else if (left > allowed) {
          market.book.reduce(order, left - allowed);
          order.quantity = order.executedQuantity + allowed;
          budget[order.side] = 0n;
          this.publisher.orderUpdate(order, 'orderModified');
        } else {
          budget[order.side] = allowed - left;
        }
      }
      this.publisher.flushBook(market);
    }
  }
}
