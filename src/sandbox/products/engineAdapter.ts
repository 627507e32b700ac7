// Connects the products to the trading engine: prices from its books and marks, positions, and child orders.
import * as D from '../engine/decimal.ts';
import type { OrderRequest, TradingEngine } from '../engine/engine.ts';
import { isOpen } from '../engine/orders.ts';
import type { Ledger } from '../engine/ledger.ts';
import type { MarketCatalog } from '../engine/markets.ts';
import type { EngineClock } from '../engine/time.ts';
import type { Random } from '../random.ts';
import type { StreamSink } from '../ws/sink.ts';
import type { ChildOrderRequest, ChildOrderResult, PriceSource, TradingPort } from './context.ts';
import { createProducts } from './index.ts';
import type { ProductOptions, Products } from './index.ts';

export function enginePrices(engine: TradingEngine): PriceSource {
  return {
    assetPrice: (asset) => engine.assetPrice(asset),
    marketMid(symbol) {
      const market = engine.state.markets.get(symbol);
      if (market === undefined) return null;
      const top = market.book.top();
      if (top.bid !== null && top.ask !== null) return D.div(top.bid.price + top.ask.price, D.fromInt(2), 'halfEven');
      return engine.markPrice(symbol);
    },
    quoteVolume24h(symbol) {
      if (!engine.state.markets.has(symbol)) return 0n;
      const ticker = engine.marketData.ticker(symbol);
      return ticker === null ? 0n : D.parse(ticker.quoteVolume);
    },
  };
}

export function engineTrading(engine: TradingEngine): TradingPort {
  const progressOf = (orderId: string): ChildOrderResult | null => {
    const order = engine.state.orders.get(orderId);
    return order === undefined
      ? null
      : { orderId, executedQuantity: order.executedQuantity, executedQuoteQuantity: order.executedQuoteQuantity };
  };
  return {
    positions: (accountId) =>
      engine.accounts.positions(accountId).map((position) => ({
        symbol: position.symbol,
        netQuantity: D.parse(position.netQuantity),
        markPrice: D.parse(position.markPrice),
        pnlUnrealized: D.parse(position.pnlUnrealized),
        imfFunction: position.imfFunction,
        mmfFunction: position.mmfFunction,
      })),
    placeOrder(accountId, child) {
      const order = engine.executeOrder(accountId, toOrderRequest(child));
      return (
        progressOf(order.id) ?? {
          orderId: order.id,
          executedQuantity: D.parse(order.executedQuantity),
          executedQuoteQuantity: D.parse(order.executedQuoteQuantity),
        }
      );
    },
    orderProgress: (_accountId, _symbol, orderId) => progressOf(orderId),
    cancelOrder(accountId, symbol, orderId) {
      const order = engine.state.orders.get(orderId);
      if (order !== undefined && isOpen(order)) engine.cancelOrder(accountId, symbol, { orderId });
    },
  };
}

/** The child as an engine order request; `strategyId` tags the order in `/orders`, order history and `H` on WS. */
function toOrderRequest(child: ChildOrderRequest): OrderRequest {
  const flags = {
    ...(child.autoLend === undefined ? {} : { autoLend: child.autoLend }),
    ...(child.autoLendRedeem === undefined ? {} : { autoLendRedeem: child.autoLendRedeem }),
    ...(child.autoBorrow === undefined ? {} : { autoBorrow: child.autoBorrow }),
    ...(child.autoBorrowRepay === undefined ? {} : { autoBorrowRepay: child.autoBorrowRepay }),
  };
  return {
    symbol: child.symbol,
    side: child.side,
    orderType: child.price === null ? 'Market' : 'Limit',
    quantity: child.quantity,
    selfTradePrevention: child.selfTradePrevention,
    strategyId: child.strategyId,
    ...(child.reduceOnly ? { reduceOnly: true } : {}),
    ...(child.price === null
      ? {
          ...(child.slippageTolerance === null ? {} : { slippageTolerance: child.slippageTolerance }),
          ...(child.slippageToleranceType === null ? {} : { slippageToleranceType: child.slippageToleranceType }),
        }
      : { price: child.price, timeInForce: child.timeInForce, ...(child.postOnly ? { postOnly: true } : {}) }),
    ...flags,
  };
}

/** The sandbox services the products are built over (all of them but the products). */
interface ServicesCore {
  readonly now: () => number;
  readonly clock: EngineClock;
  readonly sink: StreamSink;
  readonly random: Random;
  readonly markets: MarketCatalog;
  readonly ledger: Ledger;
  readonly engine: TradingEngine;
}

/** The products over a services object's engine (the one line `createSandboxServices` calls). */
export function productsFor(core: ServicesCore, options: ProductOptions = {}): Products {
  return createProducts(
    {
      now: core.now,
      clock: core.clock,
      sink: core.sink,
      random: core.random.fork('products'),
      markets: core.markets,
      ledger: core.ledger,
      prices: enginePrices(core.engine),
      trading: engineTrading(core.engine),
    },
    options,
  );
}
