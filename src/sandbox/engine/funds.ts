// What an order holds in the ledger (spot: the asset it pays; futures: USDC margin), fees, and shortfall-safe settlement.
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { AccountRecord, Ledger } from './ledger.ts';
import type { MarketSpec } from './markets.ts';
import type { OrderRecord } from './orders.ts';

export function isFutures(market: MarketSpec): boolean {
  return market.marketType === 'PERP' || market.marketType === 'IPERP' || market.marketType === 'DATED';
}

/** Initial margin fraction an order reserves: the market's IMF base, at least 1 / leverageLimit. */
export function orderMarginFraction(market: MarketSpec, account: AccountRecord): Decimal {
  const base = market.imfFunction === null ? 0n : D.parse(market.imfFunction.base);
  const leverage = account.settings.leverageLimit;
  return D.max(base, leverage > 0n ? D.div(D.ONE, leverage, 'up') : D.ONE);
}

/** USDC margin for `notional`, rounded up to the quote's precision. */
export function marginFor(notional: Decimal, fraction: Decimal, decimals: number): Decimal {
  return D.round(D.mul(notional, fraction, 'up'), decimals, 'ceil');
}

/** Fee for receiving `amount` at `bps` basis points, rounded up (toward the exchange) to `decimals`. */
export function feeFor(amount: Decimal, bps: Decimal, decimals: number): Decimal {
  return D.round(D.divideRounded(amount * bps, 10_000n * D.ONE, 'ceil'), decimals, 'ceil');
}

export function feeRate(account: AccountRecord, market: MarketSpec, maker: boolean): Decimal {
  const fees = account.fees;
  if (isFutures(market)) return maker ? fees.futuresMaker : fees.futuresTaker;
  return maker ? fees.spotMaker : fees.spotTaker;
}

/** Moves `amount` of the order's asset into `locked` and remembers it on the order. */
export function lockForOrder(ledger: Ledger, order: OrderRecord, asset: string, amount: Decimal): void {
  if (amount > 0n) ledger.lock(order.accountId, asset, amount);
  order.lockedAsset = asset;
  order.lockedRemaining = amount;
}

/** Returns up to `amount` of the order's remaining lock to `available`. */
export function releaseLock(ledger: Ledger, order: OrderRecord, amount: Decimal = order.lockedRemaining): void {
  const release = D.min(amount, order.lockedRemaining);
  if (release <= 0n || order.lockedAsset === null) return;
  ledger.unlock(order.accountId, order.lockedAsset, release);
  order.lockedRemaining -= release;
}

/** Pays `amount` out of the order's lock (the asset leaves the account). */
export function spendLock(ledger: Ledger, order: OrderRecord, amount: Decimal): void {
  if (amount <= 0n || order.lockedAsset === null) return;
  if (amount > order.lockedRemaining) throw new Error(`Order ${order.id} spends more than it locked`);
  ledger.spendLocked(order.accountId, order.lockedAsset, amount);
  order.lockedRemaining -= amount;
}

/**
 * Applies a signed cash flow to `available`. A debit larger than what is available takes what is there and books the
 * shortfall to the house (the insurance fund covers it), so value is conserved exactly.
 */
export function settleCash(ledger: Ledger, accountId: number, asset: string, delta: Decimal): void {
  if (delta >= 0n) {
    ledger.credit(accountId, asset, delta);
    return;
  }
  const take = D.min(ledger.balance(accountId, asset).available, -delta);
  ledger.debit(accountId, asset, take);
  ledger.toHouse(asset, -(-delta - take));
}

/** Charges a fee (or pays a rebate when negative) against `available`; the house receives exactly what was taken. */
export function chargeFee(ledger: Ledger, accountId: number, asset: string, fee: Decimal): void {
  if (fee < 0n) {
    ledger.credit(accountId, asset, -fee);
    ledger.toHouse(asset, fee);
    return;
  }
  const take = D.min(ledger.balance(accountId, asset).available, fee);
  ledger.debit(accountId, asset, take);
  ledger.toHouse(asset, take);
}
