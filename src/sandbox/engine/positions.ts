// Futures positions per account and market: cost-basis accounting of fills, realized PnL, margin and wire shapes.
import type { MarginFunction } from '../../exchange/types/assets.ts';
import type { Side } from '../../exchange/types/enums/trading.ts';
import type { FuturePositionWithMargin, PositionHistoryRow } from '../../exchange/types/positions.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { MarketSpec } from './markets.ts';
import { naiveMillis } from './time.ts';

export interface PositionRecord {
  readonly id: string;
  readonly accountId: number;
  readonly symbol: string;
  /** + long / − short. */
  netQuantity: Decimal;
  /** Signed cost of the open quantity: + long / − short (sum of fill quantity × price, reduced pro rata). */
  netCost: Decimal;
  pnlRealized: Decimal;
  fees: Decimal;
  funding: Decimal;
  closedVolume: Decimal;
  readonly openedAt: number;
  closedAt: number | null;
  closingPrice: Decimal | null;
  state: 'Open' | 'Closed';
}

export type PositionEvent = 'positionOpened' | 'positionAdjusted' | 'positionClosed';

export interface PositionChange {
  readonly position: PositionRecord;
  readonly event: PositionEvent;
}

export interface FillEffect {
  /** PnL realized by the reducing part of the fill (0 when it only adds). */
  readonly realized: Decimal;
  readonly changes: readonly PositionChange[];
}

/** What the wire renderings need besides the position itself. */
export interface PositionContext {
  readonly market: MarketSpec;
  readonly markPrice: Decimal;
  /** Remaining quantity of the account's open orders in this market, per side (worst-case exposure). */
  readonly openBids: Decimal;
  readonly openAsks: Decimal;
  readonly leverageLimit: Decimal;
  /** Collateral backing the position (USDC available + locked), for the liquidation estimate. */
  readonly collateral: Decimal;
}

const key = (accountId: number, symbol: string): string => `${accountId}:${symbol}`;

export class PositionBook {
  private readonly open = new Map<string, PositionRecord>();
  private readonly all: PositionRecord[] = [];
  private nextId: number;

  constructor(firstId: number) {
    this.nextId = firstId;
  }

  get(accountId: number, symbol: string): PositionRecord | undefined {
    return this.open.get(key(accountId, symbol));
  }

  openPositions(): PositionRecord[] {
    return [...this.open.values()];
  }

  /** Every position the account ever had (open and closed), oldest first. */
  history(accountId: number): PositionRecord[] {
    return this.all.filter((position) => position.accountId === accountId);
  }

  /** Signed net quantity (0 when flat). */
  netQuantity(accountId: number, symbol: string): Decimal {
    return this.get(accountId, symbol)?.netQuantity ?? 0n;
  }

  /** Applies a fill of `quantity` at `price` on `side`; reduces first (realizing PnL), then opens any remainder. */
  applyFill(
    accountId: number,
    symbol: string,
    side: Side,
    quantity: Decimal,
    price: Decimal,
    fee: Decimal,
    now: number,
  ): FillEffect {
    const delta = side === 'Bid' ? quantity : -quantity;
    const current = this.get(accountId, symbol);
    if (current === undefined) {
      const position = this.create(accountId, symbol, delta, price, now);
      position.fees += fee;
      return { realized: 0n, changes: [{ position, event: 'positionOpened' }] };
    }
    if (D.sign(current.netQuantity) === D.sign(delta)) {
      current.netQuantity += delta;
      current.netCost += D.mul(delta, price, 'halfEven');
      current.fees += fee;
      return { realized: 0n, changes: [{ position: current, event: 'positionAdjusted' }] };
    }
    const closing = D.min(D.abs(delta), D.abs(current.netQuantity));
    const remainingQuantity = current.netQuantity + (delta > 0n ? closing : -closing);
    // netCost shrinks pro rata; the realized PnL is defined from the exact removed cost so cash is conserved.
    const remainingCost =
      remainingQuantity === 0n
        ? 0n
        : D.divideRounded(current.netCost * remainingQuantity, current.netQuantity, 'halfEven');
    const removedCost = current.netCost - remainingCost;
    const proceeds = D.mul(closing, price, 'halfEven');
    const realized = (current.netQuantity > 0n ? proceeds : -proceeds) - removedCost;
    current.netQuantity = remainingQuantity;
    current.netCost = remainingCost;
    current.pnlRealized += realized;
    current.closedVolume += closing;
    const leftover = D.abs(delta) - closing;
    const flipFee = leftover > 0n ? D.divideRounded(fee * leftover, D.abs(delta), 'halfEven') : 0n;
    current.fees += fee - flipFee;
    const changes: PositionChange[] = [];
    if (remainingQuantity === 0n) {
      current.state = 'Closed';
      current.closedAt = now;
      current.closingPrice = price;
      this.open.delete(key(accountId, symbol));
      changes.push({ position: current, event: 'positionClosed' });
    } else {
      changes.push({ position: current, event: 'positionAdjusted' });
    }
    if (leftover > 0n) {
      const flipped = this.create(accountId, symbol, delta > 0n ? leftover : -leftover, price, now);
      flipped.fees += flipFee;
      changes.push({ position: flipped, event: 'positionOpened' });
    }
    return { realized, changes };
  }

  private create(accountId: number, symbol: string, netQuantity: Decimal, price: Decimal, now: number): PositionRecord {
    const position: PositionRecord = {
      id: String(this.nextId),
      accountId,
      symbol,
      netQuantity,
      netCost: D.mul(netQuantity, price, 'halfEven'),
      pnlRealized: 0n,
      fees: 0n,
      funding: 0n,
      closedVolume: 0n,
      openedAt: now,
      closedAt: null,
      closingPrice: null,
      state: 'Open',
    };
    this.nextId += 1;
    this.open.set(key(accountId, symbol), position);
    this.all.push(position);
    return position;
  }
}

/** IMF/MMF `sqrt` function of the position notional: max(base, factor × √notional). */
export function marginFraction(fn: MarginFunction | null, notional: Decimal): Decimal {
  if (fn === null) return 0n;
  const base = D.parse(fn.base);
  const scaled = D.mul(D.parse(fn.factor), D.sqrt(D.abs(notional)), 'up');
  return D.max(base, scaled);
}

export interface PositionFigures {
  readonly entryPrice: Decimal;
  readonly breakEvenPrice: Decimal;
  readonly unrealized: Decimal;
  readonly exposureQuantity: Decimal;
  readonly exposureNotional: Decimal;
  readonly imf: Decimal;
  readonly mmf: Decimal;
  readonly liquidationPrice: Decimal;
}

export function positionFigures(position: PositionRecord, context: PositionContext): PositionFigures {
  const { market, markPrice } = context;
  const quantity = position.netQuantity;
  const priceDigits = market.priceDecimals + 4;
  const entryPrice =
    quantity === 0n ? 0n : D.round(D.div(position.netCost, quantity, 'halfEven'), priceDigits, 'halfEven');
  const breakEvenPrice =
    quantity === 0n
      ? 0n
      : D.round(D.div(position.netCost + position.fees, quantity, 'halfEven'), priceDigits, 'halfEven');
  const unrealized = D.mul(quantity, markPrice, 'halfEven') - position.netCost;
  const exposureQuantity = D.max(D.abs(quantity + context.openBids), D.abs(quantity - context.openAsks));
  const exposureNotional = D.mul(exposureQuantity, markPrice, 'halfEven');
  const leverageFloor = context.leverageLimit > 0n ? D.div(D.ONE, context.leverageLimit, 'up') : 0n;
  const imf = D.max(marginFraction(market.imfFunction, exposureNotional), leverageFloor);
  const mmf = marginFraction(market.mmfFunction, exposureNotional);
  let liquidationPrice = 0n;
  if (quantity !== 0n) {
    const factor = quantity > 0n ? D.ONE - mmf : D.ONE + mmf;
    const raw = D.div(position.netCost - context.collateral, D.mul(quantity, factor, 'halfEven'), 'halfEven');
    liquidationPrice = raw > 0n ? D.round(raw, market.priceDecimals, 'halfEven') : 0n;
  }
  return { entryPrice, breakEvenPrice, unrealized, exposureQuantity, exposureNotional, imf, mmf, liquidationPrice };
}

const s = D.toString;

export function positionWire(position: PositionRecord, context: PositionContext): FuturePositionWithMargin {
  const figures = positionFigures(position, context);
  const { market } = context;
  return {
    breakEvenPrice: s(figures.breakEvenPrice),
    cumulativeFundingPayment: s(position.funding),
    cumulativeInterest: '0',
    entryPrice: s(figures.entryPrice),
    estLiquidationPrice: s(figures.liquidationPrice),
    imf: s(figures.imf),
    imfFunction: market.imfFunction ?? { type: 'sqrt', base: '0', factor: '0' },
    markPrice: s(context.markPrice),
    mmf: s(figures.mmf),
    mmfFunction: market.mmfFunction ?? { type: 'sqrt', base: '0', factor: '0' },
    netCost: s(position.netCost),
    netExposureNotional: s(figures.exposureNotional),
    netExposureQuantity: s(figures.exposureQuantity),
    netQuantity: s(position.netQuantity),
    pnlRealized: s(position.pnlRealized),
    pnlUnrealized: s(figures.unrealized),
    positionId: position.id,
    subaccountId: null,
    symbol: position.symbol,
    userId: position.accountId,
  };
}

/** `account.positionUpdate` payload; `event` null = the snapshot sent right after subscribing (no `e`). */
export function positionEventWire(
  position: PositionRecord,
  context: PositionContext,
  event: PositionEvent | null,
  times: { readonly event: number; readonly engine: number },
): Record<string, unknown> {
  const figures = positionFigures(position, context);
  const data: Record<string, unknown> = {
    E: times.event,
    s: position.symbol,
    b: s(figures.breakEvenPrice),
    B: s(figures.entryPrice),
    f: s(figures.imf),
    m: s(figures.mmf),
    M: s(context.markPrice),
    q: s(position.netQuantity),
    Q: s(figures.exposureQuantity),
    n: s(figures.exposureNotional),
    i: Number(position.id),
    p: s(position.pnlRealized),
    P: s(figures.unrealized),
    l: '0',
    T: times.engine,
  };
  if (event !== null) data.e = event;
  return data;
}

export function positionHistoryWire(position: PositionRecord, context: PositionContext): PositionHistoryRow {
  const figures = positionFigures(position, context);
  return {
    accountLeverage: s(context.leverageLimit),
    closedAt: position.closedAt === null ? null : naiveMillis(position.closedAt),
    closedVolume: s(position.closedVolume),
    closingPrice: position.closingPrice === null ? null : s(position.closingPrice),
    cumulativePnlRealized: s(position.pnlRealized),
    entryPrice: s(figures.entryPrice),
    fees: s(position.fees),
    fundingQuantity: s(position.funding),
    id: position.id,
    imf: s(figures.imf),
    interest: '0',
    liquidated: '0',
    liquidationFees: '0',
    markPrice: s(context.markPrice),
    netCost: s(position.netCost),
    netExposureNotional: s(figures.exposureNotional),
    netExposureQuantity: s(figures.exposureQuantity),
    netQuantity: s(position.netQuantity),
    openedAt: naiveMillis(position.openedAt),
    state: position.state,
    symbol: position.symbol,
    unrealizedPnl: s(position.state === 'Closed' ? 0n : figures.unrealized),
  };
}
