// Borrow-lend accounts: net positions per asset (+lend / −borrow), Borrow/Lend execution rules, interest accrual
// and the movement, interest and position histories.
import type { BorrowLendPositionWithMargin } from '../../exchange/types/borrowLend.ts';
import type {
  BorrowLendEventType,
  BorrowLendSide,
  BorrowLendSource,
  PaymentType,
} from '../../exchange/types/enums/capital.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import { SandboxError } from '../engine/errors.ts';
import { marginFraction, parsePositive } from './amounts.ts';
import { borrowRate, createPools, lendRate, utilization } from './borrowLendPools.ts';
import type { PoolSpec, PoolTotals } from './borrowLendPools.ts';
import type { ProductContext } from './context.ts';
import { Sequence } from './ids.ts';
import { HOUR_MS, YEAR_MS } from './time.ts';

export interface BorrowLendPosition {
  readonly id: string;
  readonly accountId: number;
  readonly symbol: string;
  readonly side: BorrowLendSide;
  readonly source: BorrowLendSource;
  readonly openedAt: number;
  /** Signed: + lend, − borrow. Zero once closed. */
  net: Decimal;
  /** Largest size it reached (the closed rows of the position history show it). */
  peak: Decimal;
  /** Signed: + earned (lends), − paid (borrows). */
  cumulativeInterest: Decimal;
  /** Σ rate × ms, for the average rate in the position history. */
  rateTime: Decimal;
  accruedMs: number;
  lastAccrualAt: number;
  closedAt: number | null;
}

export interface MovementRecord {
  readonly accountId: number;
  readonly at: number;
  readonly eventType: BorrowLendEventType;
  readonly positionId: string;
  readonly positionQuantity: Decimal;
  readonly quantity: Decimal;
  readonly source: BorrowLendSource;
  readonly symbol: string;
}

export interface InterestRecord {
  readonly accountId: number;
  readonly at: number;
  readonly paymentType: PaymentType;
  readonly interestRate: Decimal;
  readonly interval: number;
  readonly marketSymbol: string;
  readonly positionId: string;
  /** Signed: + received, − paid. */
  readonly quantity: Decimal;
  readonly symbol: string;
}

/** What borrowing needs to know about the account's margin (implemented by the collateral model). */
export interface MarginView {
  /** Net equity still available for new liabilities, in USDC. */
  availableEquity(accountId: number): Decimal;
}

export interface BorrowLendOptions {
  /** How often interest is paid into positions (the exchange pays hourly). */
  readonly interestIntervalMs?: number;
}

export class BorrowLend {
  readonly pools: Map<string, PoolSpec>;
  private readonly positions: BorrowLendPosition[] = [];
  private readonly movements: MovementRecord[] = [];
  private readonly interest: InterestRecord[] = [];
  private readonly positionIds = new Sequence(2_600_000_000);
  private readonly interestIntervalMs: number;
  private margin: MarginView | null = null;

  constructor(
    private readonly ctx: ProductContext,
    options: BorrowLendOptions = {},
  ) {
    this.pools = createPools(ctx);
    this.interestIntervalMs = options.interestIntervalMs ?? HOUR_MS;
  }

  /** The collateral model is built after this one (it reads these positions); it plugs in here. */
  attachMargin(margin: MarginView): void {
    this.margin = margin;
  }

  pool(symbol: string): PoolSpec {
    const pool = this.pools.get(symbol);
    if (pool === undefined) throw new SandboxError(400, 'INVALID_ASSET', `Borrow lend market not found for ${symbol}`);
    return pool;
  }

  /** Pool totals: the simulated market plus every sandbox account's open positions. */
  totals(symbol: string): PoolTotals {
    const pool = this.pool(symbol);
    let lent = pool.externalLent;
    let borrowed = pool.externalBorrowed;
    for (const position of this.openPositions()) {
      if (position.symbol !== symbol) continue;
      if (position.net > 0n) lent += position.net;
      else borrowed -= position.net;
    }
    return { lent, borrowed };
  }

  rates(symbol: string): { borrow: Decimal; lend: Decimal } {
    const pool = this.pool(symbol);
    const u = utilization(this.totals(symbol));
    return { borrow: borrowRate(pool, u), lend: lendRate(pool, u) };
  }

  openPositions(accountId?: number): BorrowLendPosition[] {
    return this.positions.filter((p) => p.closedAt === null && (accountId === undefined || p.accountId === accountId));
  }

  allPositions(accountId: number): BorrowLendPosition[] {
    return this.positions.filter((p) => p.accountId === accountId);
  }

  /** Signed net quantity of the account in `symbol` (0 without a position). */
  net(accountId: number, symbol: string): Decimal {
    return this.openPositions(accountId).find((p) => p.symbol === symbol)?.net ?? 0n;
  }

  movementsOf(accountId: number): MovementRecord[] {
    return this.movements.filter((row) => row.accountId === accountId);
  }

  interestOf(accountId: number): InterestRecord[] {
    return this.interest.filter((row) => row.accountId === accountId);
  }

  /**
   * `Lend` moves the net position up: repays an open borrow first, then lends the rest (debits `quantity`).
   * `Borrow` moves it down: redeems an open lend first, then borrows the rest (credits `quantity`).
   */
  execute(
    accountId: number,
    symbol: string,
    side: BorrowLendSide,
    quantityText: string,
    source: BorrowLendSource = 'Manual',
  ): void {
    const pool = this.pool(symbol);
    const quantity = parsePositive(quantityText, this.ctx.catalog.assetDecimals(symbol));
    if (!D.isMultipleOf(quantity, pool.stepSize))
      throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity decimal too long');
    if (pool.state === 'Closed') throw new SandboxError(400, 'INVALID_ASSET', 'Borrow lend market is closed');
    // Interest up to now first: the split between repay/redeem and new lend/borrow uses the owed size.
    const now = this.ctx.now();
    const current = this.openPositions(accountId).find((p) => p.symbol === symbol);
    if (current !== undefined && now > current.lastAccrualAt) this.accrue(current, now - current.lastAccrualAt, now);
    const net = this.net(accountId, symbol);
    if (side === 'Lend') this.lend(accountId, pool, net, quantity, source);
    else this.borrow(accountId, pool, net, quantity, source);
  }

  /** Largest quantity `Borrow` accepts now: open lend to redeem plus what margin and pool supply allow. */
  maxBorrow(accountId: number, symbol: string): Decimal {
    const pool = this.pool(symbol);
    const lent = D.max(0n, this.net(accountId, symbol));
    const decimals = this.ctx.catalog.assetDecimals(symbol);
    const redeemable = D.min(lent, this.poolHeadroom(pool, D.ZERO));
    const borrowable = D.min(this.marginBorrowable(accountId, symbol), this.poolHeadroom(pool, redeemable));
    return D.toStep(D.round(redeemable + D.max(0n, borrowable), decimals, 'floor'), pool.stepSize, 'floor');
  }

  /** Pays interest into every open position whose interval has elapsed (called from products.tick). */
  tick(now: number): void {
    for (const position of this.openPositions()) {
      const elapsed = now - position.lastAccrualAt;
      if (elapsed < this.interestIntervalMs) continue;
      this.accrue(position, elapsed, now);
    }
  }

  positionsWire(accountId: number): BorrowLendPositionWithMargin[] {
    return this.openPositions(accountId).map((position) => {
      const price = this.ctx.prices.assetPrice(position.symbol) ?? D.ONE;
      const exposure = position.net < 0n ? -position.net : 0n;
      const notional = D.mul(exposure, price, 'halfEven');
      const functions = this.marginFunctions(position.symbol);
      return {
        id: position.id,
        symbol: position.symbol,
        netQuantity: D.toString(position.net),
        netExposureQuantity: D.toString(exposure),
        netExposureNotional: D.toString(D.round(notional, 8, 'halfEven')),
        markPrice: D.toString(price),
        imf: D.toString(marginFraction(functions.imf, notional)),
        imfFunction: functions.imf,
        mmf: D.toString(marginFraction(functions.mmf, notional)),
        mmfFunction: functions.mmf,
        cumulativeInterest: D.toString(position.cumulativeInterest),
      };
    });
  }

  marginFunctions(symbol: string): {
    imf: BorrowLendPositionWithMargin['imfFunction'];
    mmf: BorrowLendPositionWithMargin['mmfFunction'];
  } {
    const summary = this.ctx.catalog.collateralWire().find((row) => row.symbol === symbol);
    return {
      imf: summary?.imfFunction ?? { type: 'sqrt', base: '0.02', factor: '0.00006' },
      mmf: summary?.mmfFunction ?? { type: 'sqrt', base: '0.0125', factor: '0.000036' },
    };
  }

  private lend(accountId: number, pool: PoolSpec, net: Decimal, quantity: Decimal, source: BorrowLendSource): void {
    if (pool.state === 'RepayOnly' && quantity > D.max(0n, -net)) {
      throw new SandboxError(400, 'LEND_LIMIT', 'Borrow lend market is repay only');
    }
    const repay = D.min(quantity, D.max(0n, -net));
    const lendPart = quantity - repay;
    if (lendPart > 0n && this.totals(pool.symbol).lent + lendPart > pool.openBorrowLendLimit) {
      throw new SandboxError(400, 'LEND_LIMIT', 'Lend limit reached');
    }
    this.ctx.ledger.debit(accountId, pool.symbol, quantity);
    // The pool is the exchange's side: what accounts lend or repay sits there, what they borrow comes from there.
    this.ctx.ledger.toHouse(pool.symbol, quantity);
    if (repay > 0n) this.move(accountId, pool.symbol, 'BorrowRepay', repay, source);
    if (lendPart > 0n) this.move(accountId, pool.symbol, 'Lend', lendPart, source);
  }

  private borrow(accountId: number, pool: PoolSpec, net: Decimal, quantity: Decimal, source: BorrowLendSource): void {
    const redeem = D.min(quantity, D.max(0n, net));
    const borrowPart = quantity - redeem;
    if (redeem > this.poolHeadroom(pool, D.ZERO))
      throw new SandboxError(400, 'INSUFFICIENT_SUPPLY', 'Insufficient supply to redeem');
    if (borrowPart > 0n) {
      if (pool.state !== 'Open') throw new SandboxError(400, 'BORROW_LIMIT', 'Borrow lend market is repay only');
      if (borrowPart > this.poolHeadroom(pool, redeem))
        throw new SandboxError(400, 'INSUFFICIENT_SUPPLY', 'Insufficient supply');
      if (borrowPart > this.marginBorrowable(accountId, pool.symbol)) {
        throw new SandboxError(400, 'INSUFFICIENT_MARGIN', 'Insufficient margin');
      }
    }
    if (redeem > 0n) this.move(accountId, pool.symbol, 'LendRedeem', redeem, source);
    if (borrowPart > 0n) this.move(accountId, pool.symbol, 'Borrow', borrowPart, source);
    this.ctx.ledger.credit(accountId, pool.symbol, quantity);
    this.ctx.ledger.toHouse(pool.symbol, -quantity);
  }

  /** Quantity that can still leave the pool after `alsoRedeemed`, keeping utilization ≤ maxUtilization. */
  private poolHeadroom(pool: PoolSpec, alsoRedeemed: Decimal): Decimal {
    const totals = this.totals(pool.symbol);
    const lentAfter = totals.lent - alsoRedeemed;
    // Redeeming shrinks the denominator; borrowing grows the numerator: both bounded by maxUtilization.
    return D.max(0n, D.mul(lentAfter, pool.maxUtilization, 'floor') - totals.borrowed);
  }

  /**
   * Borrowing q of an asset priced p adds q×p×weight of collateral and q×p of liability that needs imf of margin,
   * so available equity shrinks by q×p×(1 − weight + imf); imf is at least 1 / leverageLimit.
   */
  private marginBorrowable(accountId: number, symbol: string): Decimal {
    if (this.margin === null) return 0n;
    const available = this.margin.availableEquity(accountId);
    if (available <= 0n) return 0n;
    const price = this.ctx.prices.assetPrice(symbol);
    if (price === null || price <= 0n) return 0n;
    const weight = D.parse(this.ctx.catalog.asset(symbol)?.collateralWeight ?? '0');
    const leverage = this.ctx.ledger.account(accountId).settings.leverageLimit;
    const imf = D.max(D.parse(this.marginFunctions(symbol).imf.base), D.div(D.ONE, leverage, 'up'));
    const perUnit = D.mul(price, D.ONE - weight + imf, 'up');
    return perUnit <= 0n ? 0n : D.div(available, perUnit, 'floor');
  }

  private move(
    accountId: number,
    symbol: string,
    eventType: BorrowLendEventType,
    quantity: Decimal,
    source: BorrowLendSource,
  ): void {
    const now = this.ctx.now();
    const increases = eventType === 'Lend' || eventType === 'Borrow';
    let position = this.openPositions(accountId).find((p) => p.symbol === symbol);
    if (position === undefined) {
      if (!increases) throw new SandboxError(400, 'INVALID_POSITION_ID', 'Position not found');
      position = this.open(accountId, symbol, eventType === 'Lend' ? 'Lend' : 'Borrow', source, now);
    }
    const signed = eventType === 'Lend' || eventType === 'BorrowRepay' ? quantity : -quantity;
    position.net += signed;
    position.peak = D.max(position.peak, D.abs(position.net));
    this.movements.push({
      accountId,
      at: now,
      eventType,
      positionId: position.id,
      positionQuantity: D.abs(position.net),
      quantity,
      source,
      symbol,
    });
    if (position.net === 0n) position.closedAt = now;
  }

  private open(
    accountId: number,
    symbol: string,
    side: BorrowLendSide,
    source: BorrowLendSource,
    now: number,
  ): BorrowLendPosition {
    const position: BorrowLendPosition = {
      id: String(this.positionIds.take()),
      accountId,
      symbol,
      side,
      source,
      openedAt: now,
      net: 0n,
      peak: 0n,
      cumulativeInterest: 0n,
      rateTime: 0n,
      accruedMs: 0,
      lastAccrualAt: now,
      closedAt: null,
    };
    this.positions.push(position);
    return position;
  }

  /** Interest for `elapsed` ms at the current rate, compounded into the position (lends grow, borrows deepen). */
  private accrue(position: BorrowLendPosition, elapsed: number, now: number): void {
    const rates = this.rates(position.symbol);
    const lending = position.net > 0n;
    const rate = lending ? rates.lend : rates.borrow;
    const decimals = this.ctx.catalog.assetDecimals(position.symbol);
    const exact = D.div(D.mul(D.abs(position.net), rate, 'halfEven') * BigInt(elapsed), D.fromInt(YEAR_MS), 'halfEven');
    // Lenders are paid rounded down, borrowers charged rounded up: the pool never pays out more than it earns.
    const amount = D.round(exact, decimals, lending ? 'floor' : 'ceil');
    position.lastAccrualAt = now;
    position.rateTime += rate * BigInt(elapsed);
    position.accruedMs += elapsed;
    if (amount === 0n) return;
    const signed = lending ? amount : -amount;
    position.net += signed;
    position.cumulativeInterest += signed;
    position.peak = D.max(position.peak, D.abs(position.net));
    this.interest.push({
      accountId: position.accountId,
      at: now,
      paymentType: lending ? 'Lend' : 'Borrow',
      interestRate: rate,
      interval: elapsed,
      marketSymbol: position.symbol === 'USDC' ? 'USDC' : `${position.symbol}_USDC`,
      positionId: position.id,
      quantity: signed,
      symbol: position.symbol,
    });
  }

  /** Average rate the position accrued at (its current rate before any accrual). */
  averageRate(position: BorrowLendPosition): Decimal {
    if (position.accruedMs === 0) {
      const rates = this.rates(position.symbol);
      return position.side === 'Lend' ? rates.lend : rates.borrow;
    }
    return D.round(position.rateTime / BigInt(position.accruedMs), 8, 'halfEven');
  }
}
