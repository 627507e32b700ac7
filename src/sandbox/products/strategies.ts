// Scheduled (TWAP) strategies: split a quantity into child orders placed every `interval` ms over `duration`,
// track their executions, and finish as Completed / Cancelled / Terminated.
import type {
  SelfTradePrevention,
  Side,
  SlippageToleranceType,
  StrategyCrankCancelReason,
  StrategyStatus,
  TimeInForce,
} from '../../exchange/types/enums/trading.ts';
import type { Strategy, StrategyHistory } from '../../exchange/types/strategies.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import type { MarketSpec } from '../engine/markets.ts';
import { SandboxError } from '../engine/errors.ts';
import type { Random } from '../random.ts';
import { invalidRequest, parsePositive } from './amounts.ts';
import type { ProductContext } from './context.ts';
import { Sequence } from './ids.ts';
import { HOUR_MS, MINUTE_MS, naiveDateTime } from './time.ts';

export interface StrategyCreate {
  readonly symbol: string;
  readonly side: Side;
  readonly quantity?: string;
  readonly price?: string;
  readonly duration?: number;
  readonly interval?: number;
  readonly randomizedIntervalQuantity?: boolean;
  readonly postOnly?: boolean;
  readonly reduceOnly?: boolean;
  readonly timeInForce?: TimeInForce;
  readonly selfTradePrevention?: SelfTradePrevention;
  readonly clientStrategyId?: number;
  readonly slippageTolerance?: string;
  readonly slippageToleranceType?: SlippageToleranceType;
  readonly autoLend?: boolean;
  readonly autoLendRedeem?: boolean;
  readonly autoBorrow?: boolean;
  readonly autoBorrowRepay?: boolean;
}

interface Child {
  readonly orderId: string;
  executed: Decimal;
  executedQuote: Decimal;
}

export interface StrategyRecord {
  readonly id: string;
  readonly accountId: number;
  readonly request: StrategyCreate;
  readonly market: MarketSpec;
  readonly quantity: Decimal;
  readonly price: Decimal | null;
  readonly duration: number;
  readonly interval: number;
  readonly slices: number;
  readonly createdAt: number;
  readonly children: Child[];
  slicesPlaced: number;
  /** Base quantity handed to child orders so far. */
  scheduled: Decimal;
  status: StrategyStatus;
  cancelReason: StrategyCrankCancelReason | null;
  finishedAt: number | null;
}

export const DEFAULT_DURATION_MS = HOUR_MS;
export const DEFAULT_INTERVAL_MS = MINUTE_MS;
export const MIN_INTERVAL_MS = 1_000;
export const MAX_DURATION_MS = 7 * 24 * HOUR_MS;

/** Engine error codes → the strategy's `cancelReason` when a child order is refused. */
const CANCEL_REASONS: Readonly<Record<string, StrategyCrankCancelReason>> = {
  INSUFFICIENT_FUNDS: 'InsufficientFunds',
  INSUFFICIENT_MARGIN: 'InsufficientMargin',
  INVALID_PRICE: 'InvalidPrice',
  INVALID_QUANTITY: 'InvalidQuantity',
  BORROW_LIMIT: 'InsufficientBorrowableQuantity',
};

export class Strategies {
  readonly records: StrategyRecord[] = [];
  private readonly ids = new Sequence(81_500_000_000);
  private readonly random: Random;

  constructor(private readonly ctx: ProductContext) {
    this.random = ctx.random.fork('products.strategies');
  }

  create(accountId: number, request: StrategyCreate): StrategyRecord {
    const market = this.ctx.catalog.require(request.symbol);
    if (market.marketType === 'RFQ' || market.marketType === 'PREDICTION')
      throw new SandboxError(400, 'INVALID_MARKET', 'Strategies are not available on this market');
    if (market.orderBookState !== 'Open') throw new SandboxError(400, 'INVALID_MARKET', 'Market is not open');
    if (request.quantity === undefined) throw invalidRequest('Quantity is required');
    const quantity = parsePositive(request.quantity, market.quantityDecimals);
    const duration = request.duration ?? DEFAULT_DURATION_MS;
    const interval = request.interval ?? DEFAULT_INTERVAL_MS;
    if (interval < MIN_INTERVAL_MS || duration < interval || duration > MAX_DURATION_MS) {
      throw invalidRequest('Invalid duration or interval');
    }
    const price = request.price === undefined ? null : parsePositive(request.price, market.priceDecimals, 'Price');
    if (price !== null && !D.isMultipleOf(price, market.tickSize))
      throw new SandboxError(400, 'INVALID_PRICE', 'Price decimal too long');
    if (request.postOnly === true && price === null) throw invalidRequest('Post only requires a price');
    if (quantity < market.minQuantity) throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity is below the minimum');
    // Never more slices than minimum-size orders fit in the quantity.
    const fit = Number(D.div(quantity, market.minQuantity, 'floor') / D.ONE);
    const slices = Math.max(1, Math.min(Math.floor(duration / interval), fit));
    if (
      request.clientStrategyId !== undefined &&
      this.running(accountId).some((s) => s.request.clientStrategyId === request.clientStrategyId)
    ) {
      throw invalidRequest('Duplicate client strategy id');
    }
    const record: StrategyRecord = {
      id: String(this.ids.take()),
      accountId,
      request,
      market,
      quantity,
      price,
      duration,
      interval,
      slices,
      createdAt: this.ctx.now(),
      children: [],
      slicesPlaced: 0,
      scheduled: 0n,
      status: 'Running',
      cancelReason: null,
      finishedAt: null,
    };
    this.records.push(record);
    return record;
  }

  running(accountId: number): StrategyRecord[] {
    return this.records.filter((s) => s.accountId === accountId && s.status === 'Running');
  }

  /** An active strategy by id or client id, 404 `Strategy not found` otherwise. */
  find(
    accountId: number,
    symbol: string,
    strategyId: string | undefined,
    clientStrategyId: number | undefined,
  ): StrategyRecord {
    if ((strategyId === undefined) === (clientStrategyId === undefined)) {
      throw invalidRequest('Must specify exactly one of `strategyId` or `clientStrategyId`');
    }
    const record = this.running(accountId).find(
      (s) =>
        s.market.symbol === symbol &&
        (strategyId !== undefined ? s.id === strategyId : s.request.clientStrategyId === clientStrategyId),
    );
    if (record === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'Strategy not found');
    return record;
  }

  cancel(record: StrategyRecord): StrategyRecord {
    this.finish(record, 'Cancelled', null, this.ctx.now());
    return record;
  }

  /** Places due slices, refreshes child executions and finishes strategies whose time is up. */
  tick(now: number): void {
    for (const record of this.records) {
      if (record.status !== 'Running') continue;
      this.refresh(record);
      while (
        record.status === 'Running' &&
        record.slicesPlaced < record.slices &&
        now >= record.createdAt + record.slicesPlaced * record.interval
      ) {
        this.placeSlice(record);
      }
      if (record.status !== 'Running') continue;
      const executed = executedOf(record);
      const allPlaced = record.slicesPlaced >= record.slices;
      if (allPlaced && (executed >= record.quantity || now >= record.createdAt + record.duration))
        this.finish(record, 'Completed', null, now);
    }
  }

  activeWire(record: StrategyRecord): Strategy {
    const request = record.request;
    return {
      strategyType: 'Scheduled',
      id: record.id,
      clientStrategyId: request.clientStrategyId ?? null,
      createdAt: record.createdAt,
      executedQuantity: D.toString(executedOf(record)),
      executedQuoteQuantity: D.toString(executedQuoteOf(record)),
      quantity: D.toString(record.quantity),
      reduceOnly: request.reduceOnly ?? null,
      selfTradePrevention: request.selfTradePrevention ?? 'RejectTaker',
      status: record.status,
      side: request.side,
      symbol: record.market.symbol,
      timeInForce: request.timeInForce ?? 'GTC',
      duration: record.duration,
      interval: record.interval,
      randomizedIntervalQuantity: request.randomizedIntervalQuantity ?? false,
      slippageTolerance: request.slippageTolerance ?? null,
      slippageToleranceType: request.slippageToleranceType ?? null,
    };
  }

  historyWire(record: StrategyRecord): StrategyHistory {
    const active = this.activeWire(record);
    return {
      id: record.id,
      createdAt: naiveDateTime(record.createdAt),
      strategyType: 'Scheduled',
      status: record.status,
      cancelReason: record.cancelReason,
      executedQuantity: active.executedQuantity,
      executedQuoteQuantity: active.executedQuoteQuantity,
      quantity: active.quantity,
      selfTradePrevention: active.selfTradePrevention,
      side: active.side,
      symbol: active.symbol,
      timeInForce: active.timeInForce,
      clientStrategyId: active.clientStrategyId ?? null,
      duration: record.duration,
      interval: record.interval,
      randomizedIntervalQuantity: record.request.randomizedIntervalQuantity ?? false,
      slippageTolerance: active.slippageTolerance ?? null,
      slippageToleranceType: active.slippageToleranceType ?? null,
    };
  }

  /**
   * Even split, the last slice taking the remainder. With randomizedIntervalQuantity each slice varies by up to
   * ±25 % (seeded), snapped to the step and never below the market minimum or above what is left.
   */
  private sliceQuantity(record: StrategyRecord): Decimal {
    const left = record.quantity - record.scheduled;
    const slicesLeft = record.slices - record.slicesPlaced;
    if (slicesLeft <= 1) return left;
    let slice = D.toStep(D.div(left, D.fromInt(slicesLeft), 'floor'), record.market.stepSize, 'floor');
    if (record.request.randomizedIntervalQuantity === true) {
      const factor = D.fromFloat(0.75 + this.random.next() * 0.5, 6);
      slice = D.toStep(D.mul(slice, factor, 'floor'), record.market.stepSize, 'floor');
    }
    const reserve = D.mul(record.market.minQuantity, D.fromInt(slicesLeft - 1), 'ceil');
    return D.min(D.max(slice, record.market.minQuantity), D.max(record.market.minQuantity, left - reserve));
  }

  private placeSlice(record: StrategyRecord): void {
    const quantity = this.sliceQuantity(record);
    record.slicesPlaced += 1;
    if (quantity <= 0n) return;
    const request = record.request;
    try {
      const result = this.ctx.trading.placeOrder(record.accountId, {
        symbol: record.market.symbol,
        side: request.side,
        price: record.price === null ? null : D.toString(record.price),
        quantity: D.toString(quantity),
        timeInForce: request.timeInForce ?? 'GTC',
        postOnly: request.postOnly ?? false,
        reduceOnly: request.reduceOnly ?? false,
        selfTradePrevention: request.selfTradePrevention ?? 'RejectTaker',
        strategyId: record.id,
        slippageTolerance: request.slippageTolerance ?? null,
        slippageToleranceType: request.slippageToleranceType ?? null,
        autoLend: request.autoLend,
        autoLendRedeem: request.autoLendRedeem,
        autoBorrow: request.autoBorrow,
        autoBorrowRepay: request.autoBorrowRepay,
      });
      record.scheduled += quantity;
      record.children.push({
        orderId: result.orderId,
        executed: result.executedQuantity,
        executedQuote: result.executedQuoteQuantity,
      });
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      this.finish(record, 'Terminated', CANCEL_REASONS[error.code ?? ''] ?? 'Unknown', this.ctx.now());
    }
  }

  private refresh(record: StrategyRecord): void {
    for (const child of record.children) {
      const progress = this.ctx.trading.orderProgress(record.accountId, record.market.symbol, child.orderId);
      if (progress === null) continue;
      child.executed = progress.executedQuantity;
      child.executedQuote = progress.executedQuoteQuantity;
    }
  }

  /** Ends the strategy; resting children are cancelled so nothing trades after it stops. */
  private finish(
    record: StrategyRecord,
    status: StrategyStatus,
    reason: StrategyCrankCancelReason | null,
    now: number,
  ): void {
    this.refresh(record);
    for (const child of record.children)
      this.ctx.trading.cancelOrder(record.accountId, record.market.symbol, child.orderId);
    this.refresh(record);
    record.status = status;
    record.cancelReason = reason;
    record.finishedAt = now;
  }
}

function executedOf(record: StrategyRecord): Decimal {
  return D.sum(record.children.map((child) => child.executed));
}

function executedQuoteOf(record: StrategyRecord): Decimal {
  return D.sum(record.children.map((child) => child.executedQuote));
}
