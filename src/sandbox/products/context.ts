// What the products need from the rest of the sandbox, narrowed to small ports so each model is testable alone.
import type { Decimal } from '../engine/decimal.ts';
import type { Ledger } from '../engine/ledger.ts';
import type { MarketCatalog } from '../engine/markets.ts';
import type { EngineClock } from '../engine/time.ts';
import type { Random } from '../random.ts';
import type { StreamSink } from '../ws/sink.ts';
import type { MarginFunction } from '../../exchange/types/assets.ts';
import type {
  SelfTradePrevention,
  Side,
  SlippageToleranceType,
  TimeInForce,
} from '../../exchange/types/enums/trading.ts';

/** Prices the products value things at; all in the quote asset (USDC). */
export interface PriceSource {
  /** USDC value of one unit of `asset` (1 for USDC; spot mark/last otherwise); null when nothing prices it. */
  assetPrice(asset: string): Decimal | null;
  /** Mid of a market's book (best bid + best ask) / 2, falling back to its last/mark price; null if unknown. */
  marketMid(symbol: string): Decimal | null;
  /** Quote-asset volume of the market over the last 24 h (0 when it has not traded). */
  quoteVolume24h(symbol: string): Decimal;
}

/** A futures position as the collateral summary needs it. */
export interface PositionView {
  readonly symbol: string;
  readonly netQuantity: Decimal;
  readonly markPrice: Decimal;
  readonly pnlUnrealized: Decimal;
  readonly imfFunction: MarginFunction | null;
  readonly mmfFunction: MarginFunction | null;
}

/** A child order a strategy sends to the matching engine. */
export interface ChildOrderRequest {
  readonly symbol: string;
  readonly side: Side;
  /** Limit when a price is given, otherwise Market. */
  readonly price: string | null;
  readonly quantity: string;
  readonly timeInForce: TimeInForce;
  readonly postOnly: boolean;
  readonly reduceOnly: boolean;
  readonly selfTradePrevention: SelfTradePrevention;
  readonly strategyId: string;
  readonly slippageTolerance: string | null;
  readonly slippageToleranceType: SlippageToleranceType | null;
  readonly autoLend: boolean | undefined;
  readonly autoLendRedeem: boolean | undefined;
  readonly autoBorrow: boolean | undefined;
  readonly autoBorrowRepay: boolean | undefined;
}

export interface ChildOrderResult {
  readonly orderId: string;
  readonly executedQuantity: Decimal;
  readonly executedQuoteQuantity: Decimal;
}

/** The matching engine as the products use it. */
export interface TradingPort {
  /** Open futures positions of an account. */
  positions(accountId: number): PositionView[];
  /** Places an order; throws SandboxError when the engine rejects it. */
  placeOrder(accountId: number, order: ChildOrderRequest): ChildOrderResult;
  /** Executed quantities of an order the strategy placed earlier (resting children keep filling). */
  orderProgress(accountId: number, symbol: string, orderId: string): ChildOrderResult | null;
  /** Cancels a resting child order; no-op when it is no longer open. */
  cancelOrder(accountId: number, symbol: string, orderId: string): void;
}

export interface ProductContext {
  readonly now: () => number;
  readonly clock: EngineClock;
  readonly sink: StreamSink;
  readonly random: Random;
  readonly ledger: Ledger;
  readonly catalog: MarketCatalog;
  readonly prices: PriceSource;
  readonly trading: TradingPort;
}
