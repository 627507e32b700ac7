// The account's margin summary (`MarginAccountSummary`): balances, lends/borrows, open orders and futures positions
// valued at mark prices with the catalog's collateral weights.
import type { CollateralFunction } from '../../exchange/types/assets.ts';
import type { Collateral, MarginAccountSummary } from '../../exchange/types/capital.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import { marginFraction, sqrt } from './amounts.ts';
import type { BorrowLend, MarginView } from './borrowLend.ts';
import type { ProductContext } from './context.ts';

export interface AssetLine {
  readonly price: Decimal;
  /** Quantity counted as collateral (balances + lend) and borrowed quantity. */
  readonly total: Decimal;
  readonly borrow: Decimal;
  readonly weight: Decimal;
  /** Maintenance margin fraction of the borrow. */
  readonly mmf: Decimal;
}

export interface MarginFigures {
  readonly summary: MarginAccountSummary;
  /** Net equity still free for new orders, borrows and withdrawals (USDC). */
  readonly available: Decimal;
  /** Collateral-weighted equity and maintenance requirement, for liquidation estimates. */
  readonly weightedEquity: Decimal;
  readonly mmfRequired: Decimal;
  readonly lines: ReadonlyMap<string, AssetLine>;
}

/** A hypothetical borrow/lend applied on top of the real state (liquidation price estimates). */
export interface Adjustment {
  readonly symbol: string;
  /** Signed change of the available balance and of the net borrow-lend position. */
  readonly available: Decimal;
  readonly net: Decimal;
}

const round8 = (value: Decimal): Decimal => D.round(value, 8, 'halfEven');

/**
 * Effective collateral weight. `identity`: the weight. `inverseSqrt` (inferred; the formula is undocumented):
 * weight × base / (base + positiveCurvePenalty × √notional), so large balances count for a little less.
 */
export function collateralWeight(fn: CollateralFunction | undefined, notional: Decimal): Decimal {
  if (fn === undefined) return 0n;
  const weight = D.parse(fn.weight);
  if (fn.kind.type === 'identity' || notional <= 0n) return weight;
  const base = D.parse(fn.kind.base);
  const denominator = base + D.mul(D.parse(fn.kind.positiveCurvePenalty), sqrt(notional), 'halfEven');
  return denominator <= 0n
    ? weight
    : D.min(weight, D.round(D.div(D.mul(weight, base, 'floor'), denominator, 'floor'), 8, 'floor'));
}

export class CollateralModel implements MarginView {
  constructor(
    private readonly ctx: ProductContext,
    private readonly borrowLend: BorrowLend,
  ) {}

  availableEquity(accountId: number): Decimal {
    return this.figures(accountId).available;
  }

  summary(accountId: number): MarginAccountSummary {
    return this.figures(accountId).summary;
  }

  /**
   * Estimated price of `symbol` at which the account would hit maintenance margin after borrowing/lending
   * `quantity` (every other price fixed): solves weightedEquity(p) = mmfRequired(p), linear in p. "0" when no
   * positive price liquidates. Without an account the hypothetical position stands alone.
   */
  liquidationPrice(
    accountId: number | null,
    symbol: string,
    side: 'Borrow' | 'Lend',
    quantity: Decimal,
  ): { liquidationPrice: Decimal; markPrice: Decimal } {
    const markPrice = this.ctx.prices.assetPrice(symbol) ?? 0n;
    const signed = side === 'Borrow' ? -quantity : quantity;
    const adjust: Adjustment = { symbol, available: -signed, net: signed };
    let figures: Pick<MarginFigures, 'weightedEquity' | 'mmfRequired' | 'lines'>;
    if (accountId === null) {
      const net = signed;
      const functions = this.borrowLend.marginFunctions(symbol);
      const borrow = D.max(0n, -net);
      const weight = collateralWeight(
        this.ctx.catalog.collateralWire().find((r) => r.symbol === symbol)?.haircutFunction,
        0n,
      );
      const mmf = marginFraction(functions.mmf, D.mul(borrow, markPrice, 'ceil'));
      const total = D.max(0n, -signed) + D.max(0n, net);
      const line: AssetLine = { price: markPrice, total, borrow, weight, mmf };
      const liability = D.mul(borrow, markPrice, 'ceil');
      figures = {
        weightedEquity: D.mul(D.mul(total, markPrice, 'halfEven'), weight, 'floor') - liability,
        mmfRequired: D.mul(liability, mmf, 'ceil'),
        lines: new Map([[symbol, line]]),
      };
    } else {
      figures = this.figures(accountId, adjust);
    }
    const line = figures.lines.get(symbol);
    if (line === undefined) return { liquidationPrice: 0n, markPrice };
    const exposureOf = (p: Decimal): Decimal =>
      D.mul(D.mul(line.total, p, 'halfEven'), line.weight, 'floor') - D.mul(line.borrow, p, 'ceil');
    const otherEquity = figures.weightedEquity - exposureOf(line.price);
    const otherMaintenance = figures.mmfRequired - D.mul(D.mul(line.borrow, line.price, 'ceil'), line.mmf, 'ceil');
    const slope = D.mul(line.total, line.weight, 'floor') - D.mul(line.borrow, D.ONE + line.mmf, 'ceil');
    if (slope === 0n) return { liquidationPrice: 0n, markPrice };
    const price = D.div(otherMaintenance - otherEquity, slope, 'halfEven');
    const decimals = this.ctx.catalog.assetDecimals('USDC');
    return { liquidationPrice: price > 0n ? D.round(price, decimals, 'halfEven') : 0n, markPrice };
  }

  figures(accountId: number, adjust?: Adjustment): MarginFigures {
    const { ledger, catalog, prices } = this.ctx;
    const leverage = ledger.account(accountId).settings.leverageLimit;
    const leverageFloor = leverage > 0n ? D.div(D.ONE, leverage, 'up') : 0n;
    const haircuts = new Map(catalog.collateralWire().map((row) => [row.symbol, row.haircutFunction]));
    const symbols = new Set([
      ...ledger.assets(accountId),
      ...this.borrowLend.openPositions(accountId).map((p) => p.symbol),
    ]);
    if (adjust !== undefined) symbols.add(adjust.symbol);
    const lines = new Map<string, AssetLine>();

    const collateral: Collateral[] = [];
    let assetsValue = 0n;
    let collateralTotal = 0n;
    let lockedValue = 0n;
    let borrowLiability = 0n;
    let imfRequired = 0n;
    let mmfRequired = 0n;
    for (const symbol of symbols) {
      const actual = ledger.balance(accountId, symbol);
      const adjusting = adjust !== undefined && adjust.symbol === symbol;
      const balance = adjusting ? { ...actual, available: D.max(0n, actual.available + adjust.available) } : actual;
      const net =
        (this.borrowLend.pools.has(symbol) ? this.borrowLend.net(accountId, symbol) : 0n) +
        (adjusting ? adjust.net : 0n);
      const lend = D.max(0n, net);
      const borrow = D.max(0n, -net);
      const total = balance.available + balance.locked + balance.staked + lend;
      if (total === 0n && borrow === 0n) continue;
      const price = prices.assetPrice(symbol) ?? 0n;
      const notional = D.mul(total, price, 'halfEven');
      const weight = collateralWeight(haircuts.get(symbol), notional);
      const value = D.mul(notional, weight, 'floor');
      assetsValue += notional;
      collateralTotal += value;
      lockedValue += D.mul(D.mul(balance.locked, price, 'halfEven'), weight, 'floor');
      let borrowMmf = 0n;
      if (borrow > 0n) {
        const liability = D.mul(borrow, price, 'ceil');
        const functions = this.borrowLend.marginFunctions(symbol);
        borrowMmf = marginFraction(functions.mmf, liability);
        borrowLiability += liability;
        imfRequired += D.mul(liability, D.max(marginFraction(functions.imf, liability), leverageFloor), 'ceil');
        mmfRequired += D.mul(liability, borrowMmf, 'ceil');
      }
      lines.set(symbol, { price, total, borrow, weight, mmf: borrowMmf });
      collateral.push({
        symbol,
        assetMarkPrice: D.toString(price),
        totalQuantity: D.toString(total),
        balanceNotional: D.toString(round8(notional)),
        collateralWeight: D.toString(weight),
        collateralValue: D.toString(round8(value)),
        openOrderQuantity: D.toString(balance.locked),
        lendQuantity: D.toString(lend),
        availableQuantity: D.toString(balance.available),
      });
    }

    let pnlUnrealized = 0n;
    let futuresExposure = 0n;
    for (const position of this.ctx.trading.positions(accountId)) {
      const notional = D.abs(D.mul(position.netQuantity, position.markPrice, 'halfEven'));
      pnlUnrealized += position.pnlUnrealized;
      futuresExposure += notional;
      const imf =
        position.imfFunction === null
          ? leverageFloor
          : D.max(marginFraction(position.imfFunction, notional), leverageFloor);
      imfRequired += D.mul(notional, imf, 'ceil');
      if (position.mmfFunction !== null)
        mmfRequired += D.mul(notional, marginFraction(position.mmfFunction, notional), 'ceil');
    }

    const exposure = futuresExposure + borrowLiability;
    const netEquity = assetsValue - borrowLiability + pnlUnrealized;
    const weightedEquity = collateralTotal - borrowLiability + pnlUnrealized;
    const locked = lockedValue + imfRequired;
    const available = D.max(0n, weightedEquity - locked);
    const ratio = (numerator: Decimal): Decimal =>
      exposure === 0n ? 0n : D.round(D.div(numerator, exposure, 'halfEven'), 8, 'halfEven');
    return {
      available,
      weightedEquity,
      mmfRequired,
      lines,
      summary: {
        assetsValue: D.toString(round8(assetsValue)),
        borrowLiability: D.toString(round8(borrowLiability)),
        collateral,
        imf: D.toString(ratio(imfRequired)),
        mmf: D.toString(ratio(mmfRequired)),
        marginFraction: exposure === 0n ? null : D.toString(ratio(weightedEquity)),
        netEquity: D.toString(round8(netEquity)),
        netEquityAvailable: D.toString(round8(available)),
        netEquityLocked: D.toString(round8(locked)),
        netExposureFutures: D.toString(round8(futuresExposure)),
        pnlUnrealized: D.toString(round8(pnlUnrealized)),
        unsettledEquity: D.toString(round8(pnlUnrealized)),
        liabilitiesValue: D.toString(round8(borrowLiability)),
      },
    };
  }
}
