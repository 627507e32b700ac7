// The sandbox's non-trading products in one object (`services.products`): capital, borrow-lend, RFQ, strategies,
// vaults, listings; `tick()` drives their time-based work (interest, expiries, TWAP slices, redeems, confirmations).
import type { ApyRates, BorrowLendHistory, BorrowLendMarket } from '../../exchange/types/borrowLend.ts';
import type { BorrowLendMarketHistoryInterval } from '../../exchange/types/enums/markets.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import type { Ledger } from '../engine/ledger.ts';
import type { MarketCatalog } from '../engine/markets.ts';
import type { EngineClock } from '../engine/time.ts';
import type { Random } from '../random.ts';
import type { StreamSink } from '../ws/sink.ts';
import { BorrowLend } from './borrowLend.ts';
import type { BorrowLendOptions } from './borrowLend.ts';
import { apyWire, historyRows, marketWire } from './borrowLendPools.ts';
import { Capital } from './capital.ts';
import { CollateralModel } from './collateral.ts';
import type { PriceSource, ProductContext, TradingPort } from './context.ts';
import { Dust } from './dust.ts';
import { Prediction } from './prediction.ts';
import { RfqDesk } from './rfq.ts';
import { Strategies } from './strategies.ts';
import { TwoFactor } from './twoFactor.ts';
import { Vaults } from './vaults.ts';
import { Withdrawals } from './withdrawals.ts';

/** What the products are built from: the shared services plus the engine seen through two small ports. */
export interface ProductDeps {
  readonly now: () => number;
  readonly clock: EngineClock;
  readonly sink: StreamSink;
  readonly random: Random;
  readonly markets: MarketCatalog;
  readonly ledger: Ledger;
  readonly prices: PriceSource;
  readonly trading: TradingPort;
}

export type ProductOptions = BorrowLendOptions;

export class Products {
  readonly capital: Capital;
  readonly withdrawals: Withdrawals;
  readonly dust: Dust;
  readonly borrowLend: BorrowLend;
  readonly collateral: CollateralModel;
  readonly rfq: RfqDesk;
  readonly strategies: Strategies;
  readonly vaults: Vaults;
  readonly prediction: Prediction;
  readonly twoFactor = new TwoFactor();
  private readonly ctx: ProductContext;

  constructor(deps: ProductDeps, options: ProductOptions = {}) {
    // Vault tokens are priced at NAV × the underlying's price, so they count in collateral and dust like any asset.
    const prices: PriceSource = {
      assetPrice: (asset) => this.vaultTokenPrice(asset) ?? deps.prices.assetPrice(asset),
      marketMid: (symbol) => deps.prices.marketMid(symbol),
      quoteVolume24h: (symbol) => deps.prices.quoteVolume24h(symbol),
    };
    this.ctx = {
      now: deps.now,
      clock: deps.clock,
      sink: deps.sink,
      random: deps.random,
      ledger: deps.ledger,
      catalog: deps.markets,
      prices,
      trading: deps.trading,
    };
    this.capital = new Capital(this.ctx);
    this.borrowLend = new BorrowLend(this.ctx, options);
    this.collateral = new CollateralModel(this.ctx, this.borrowLend);
    this.borrowLend.attachMargin(this.collateral);
    this.withdrawals = new Withdrawals(this.ctx, this.capital, this.borrowLend);
    this.dust = new Dust(this.ctx);
    this.rfq = new RfqDesk(this.ctx);
    this.strategies = new Strategies(this.ctx);
    this.vaults = new Vaults(this.ctx);
    this.prediction = new Prediction(this.ctx);
  }

  /** Time-driven work; safe to call often (the server calls it about every 250 ms). */
  tick(): void {
    const now = this.ctx.now();
    this.withdrawals.tick(now);
    this.borrowLend.tick(now);
    this.rfq.tick(now);
    this.strategies.tick(now);
    this.vaults.tick(now);
  }

  borrowLendMarkets(): BorrowLendMarket[] {
    const now = this.ctx.now();
    return [...this.borrowLend.pools.values()].map((pool) =>
      marketWire(pool, this.borrowLend.totals(pool.symbol), this.ctx.prices.assetPrice(pool.symbol) ?? D.ONE, now),
    );
  }

  /** One asset's rows, or every asset's rows (pool by pool, each oldest first) when `symbol` is omitted. */
  borrowLendHistory(interval: BorrowLendMarketHistoryInterval, symbol: string | undefined): BorrowLendHistory[] {
    const pools = symbol === undefined ? [...this.borrowLend.pools.values()] : [this.borrowLend.pool(symbol)];
    const now = this.ctx.now();
    return pools.flatMap((pool) => historyRows(pool, this.borrowLend.totals(pool.symbol), interval, now));
  }

  borrowLendApy(): ApyRates {
    return apyWire([...this.borrowLend.pools.values()], (symbol) => this.borrowLend.totals(symbol));
  }

  private vaultTokenPrice(asset: string): Decimal | null {
    // Called while the vaults are still being built (pool sizing): no vault tokens exist yet then.
    const vault = this.vaults?.specs.find((v) => v.vaultToken === asset);
    if (vault === undefined) return null;
    const underlying = this.ctx.prices.assetPrice(vault.symbol);
    return underlying === null
      ? null
      : D.round(D.mul(this.vaults.nav(vault, this.ctx.now()), underlying, 'halfEven'), 8, 'halfEven');
  }
}

export function createProducts(deps: ProductDeps, options: ProductOptions = {}): Products {
  return new Products(deps, options);
}
