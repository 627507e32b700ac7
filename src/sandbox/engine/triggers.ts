// Conditional orders: placement (TriggerPending), firing on Last/Mark/Index price, and TP/SL children of filled parents.
import type { OrderExpiryReason, TriggerBy } from '../../exchange/types/enums/trading.ts';
import { SandboxError } from './errors.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { Publisher } from './events.ts';
import { markOf } from './events.ts';
import type { Executor } from './execution.ts';
import { isFutures } from './funds.ts';
import { opposite } from './matching.ts';
import type { AttachedTrigger, OrderRecord } from './orders.ts';
import type { EngineDeps, EngineState, MarketState } from './state.ts';

/** Safety valve: a cascade of triggers firing triggers stops after this many per check. */
const MAX_FIRES_PER_CHECK = 1000;

export class Triggers {
  constructor(
    private readonly deps: EngineDeps,
    private readonly state: EngineState,
    private readonly publisher: Publisher,
    private readonly executor: Executor,
  ) {}

  /** The price a trigger watches; null when the market has none yet. */
  reference(market: MarketState, by: TriggerBy): Decimal | null {
    if (by === 'MarkPrice') return market.mark ?? market.tape.lastPrice;
    if (by === 'IndexPrice') return market.index ?? market.mark ?? market.tape.lastPrice;
    return market.tape.lastPrice;
  }

  /** Registers a conditional order; it fires when the reference crosses the trigger from the side it started on. */
  place(order: OrderRecord, market: MarketState, above: boolean | null = null): void {
    const start = this.reference(market, order.triggerBy ?? 'LastPrice') ?? markOf(market);
    order.triggerAbove = above ?? (order.triggerPrice ?? 0n) > start;
    market.triggers.push(order);
    this.state.addOrder(order);
    this.state.markOpen(order);
    this.publisher.orderUpdate(order, 'triggerPlaced');
  }

  /** Fires every trigger whose condition holds, repeatedly (fills move the last price), each as its own command. */
  check(market: MarketState): void {
    for (let fired = 0; fired < MAX_FIRES_PER_CHECK; fired += 1) {
      const due = market.triggers.find((order) => this.isDue(market, order));
      if (due === undefined) return;
      this.fire(due, market);
      this.publisher.flushBook(market);
      this.executor.enforceReduceOnly();
    }
  }

  private isDue(market: MarketState, order: OrderRecord): boolean {
    const reference = this.reference(market, order.triggerBy ?? 'LastPrice');
    if (reference === null || order.triggerPrice === null) return false;
    return order.triggerAbove === true ? reference >= order.triggerPrice : reference <= order.triggerPrice;
  }

  private fire(order: OrderRecord, market: MarketState): void {
    const index = market.triggers.indexOf(order);
    if (index >= 0) market.triggers.splice(index, 1);
    this.cancelSiblings(order);
    const quantity = this.resolveQuantity(order, market);
    if (quantity === null) {
      this.executor.close(order, 'TriggerFailed', 'StopWithoutPosition');
      return;
    }
    order.quantity = quantity;
    order.triggeredAt = this.deps.clock.now();
    order.status = 'New';
    let rejected: OrderExpiryReason | null;
    try {
      rejected = this.executor.admit(order, market);
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      this.executor.close(
        order,
        'TriggerFailed',
        error.code === 'INSUFFICIENT_MARGIN' ? 'InsufficientMargin' : 'InsufficientFunds',
      );
      return;
    }
    this.publisher.orderUpdate(order, 'orderAccepted');
    if (rejected !== null) {
      this.executor.close(order, 'Expired', rejected);
      return;
    }
    this.executor.run(order, market);
  }

  /** Absolute trigger quantities as given; `"80%"` of the current position, floored to the step (null if flat). */
  private resolveQuantity(order: OrderRecord, market: MarketState): Decimal | null {
    const text = order.triggerQuantity ?? '0';
    if (!text.endsWith('%')) return D.parse(text);
    const position = D.abs(this.state.positions.netQuantity(order.accountId, market.spec.symbol));
    const quantity = D.toStep(
      D.div(D.mul(position, D.parse(text.slice(0, -1)), 'down'), D.fromInt(100), 'down'),
      market.spec.stepSize,
      'floor',
    );
    return quantity > 0n ? quantity : null;
  }

  /** A TP fired cancels its SL sibling and vice versa (one-cancels-the-other). */
  private cancelSiblings(order: OrderRecord): void {
    if (order.relatedOrderId === null) return;
    for (const sibling of this.state.openOrdersOf(order.accountId)) {
      if (sibling !== order && sibling.relatedOrderId === order.relatedOrderId && sibling.status === 'TriggerPending') {
        this.executor.close(sibling, 'Cancelled', null);
      }
    }
  }

  /** Creates the parent's TP/SL trigger orders on its first fill and grows their quantity with later fills. */
  onParentFill(parent: OrderRecord, quantity: Decimal): void {
    if (parent.takeProfit === null && parent.stopLoss === null) return;
    const market = this.state.markets.get(parent.symbol);
    if (market === undefined) return;
    const children = this.state
      .openOrdersOf(parent.accountId)
      .filter((order) => order.relatedOrderId === parent.id && order.status === 'TriggerPending');
    if (children.length > 0) {
      for (const child of children)
        child.triggerQuantity = D.toString(D.parse(child.triggerQuantity ?? '0') + quantity);
      return;
    }
    // A long (Bid parent) takes profit above and stops out below; a short the reverse.
    const long = parent.side === 'Bid';
    if (parent.takeProfit !== null) this.placeChild(parent, market, parent.takeProfit, quantity, long);
    if (parent.stopLoss !== null) this.placeChild(parent, market, parent.stopLoss, quantity, !long);
  }

  private placeChild(
    parent: OrderRecord,
    market: MarketState,
    attached: AttachedTrigger,
    quantity: Decimal,
    above: boolean,
  ): void {
    const child = this.executor.createRecord(
      parent.accountId,
      {
        market: market.spec,
        side: opposite(parent.side),
        orderType: attached.limitPrice === null ? 'Market' : 'Limit',
        price: attached.limitPrice,
        quantity: null,
        quoteQuantity: null,
        timeInForce: 'GTC',
        postOnly: false,
        reduceOnly: isFutures(market.spec) ? true : null,
        selfTradePrevention: parent.selfTradePrevention,
        clientId: null,
        trigger: { price: attached.triggerPrice, quantity: D.toString(quantity), by: attached.triggerBy },
        takeProfit: null,
        stopLoss: null,
        slippageTolerance: null,
        slippageToleranceType: null,
        // A TP/SL child belongs to the same strategy as its parent.
        strategyId: parent.strategyId,
      },
      this.deps.clock.now(),
      parent.id,
    );
    this.place(child, market, above);
  }
}
