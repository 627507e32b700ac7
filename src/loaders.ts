// Per-request DataLoaders: N lookups by symbol in one resolver pass become one list call to the exchange.
//
// Each loader answers from a list endpoint (one call for all symbols, shared across requests by CachedExchange):
//   ticker(symbol, interval) → /tickers (a market it omits has no ticker data → null)
//   markPrice(symbol)        → /markPrices, one call per market type present (PERP is the exchange's default)
//   openInterest(symbol)     → /openInterest without symbol
//   market(symbol)           → /markets with every market type (fallback /market for new listings; unknown → null)
//   asset(symbol)            → /assets
// Created in the context factory, so a request sees one consistent snapshot and nothing leaks between requests.
import DataLoader from 'dataloader';
import { ALL_MARKET_TYPES_PARAMS, type CachedExchange } from './exchange/cache.ts';
import { ExchangeError } from './exchange/errors.ts';
import { indexBySymbol } from './exchange/symbolIndex.ts';
import type { MarketAsset } from './exchange/types/assets.ts';
import type { MarketType, TickerInterval } from './exchange/types/enums/markets.ts';
import type { MarkPrice, OpenInterest, Ticker } from './exchange/types/marketData.ts';
import type { Market } from './exchange/types/markets.ts';

export interface TickerKey {
  readonly symbol: string;
  readonly interval?: TickerInterval | null;
}

export interface Loaders {
  readonly ticker: DataLoader<TickerKey, Ticker | null, string>;
  /** Mark price of any market; index price and funding only for perpetuals (spot rows carry just the mark). */
  readonly markPrice: DataLoader<string, MarkPrice | null>;
  readonly openInterest: DataLoader<string, OpenInterest | null>;
  readonly market: DataLoader<string, Market | null>;
  readonly asset: DataLoader<string, MarketAsset | null>;
  /** The full market catalog (every market type), shared and kept warm by CachedExchange. */
  readonly allMarkets: () => Promise<readonly Market[]>;
  readonly allAssets: () => Promise<readonly MarketAsset[]>;
  /**
   * Forgets the loaders created so far (the next use creates fresh ones). A subscription's context lives as long as
   * the subscription: it is released after subscribing and after each event's execution, so an idle subscriber keeps
   * no loader and no event is answered from rows cached for an earlier one.
   */
  release(): void;
}

/** Market types whose mark prices `/markPrices?marketType=` serves (RFQ markets have none). */
const MARK_PRICE_TYPES: ReadonlySet<MarketType> = new Set(['SPOT', 'PERP', 'IPERP', 'DATED', 'PREDICTION']);

/** `/market?symbol=` for an unknown symbol is a 400 "Invalid market symbol": that is a null, not an error. */
function isUnknownSymbol(error: unknown): boolean {
  return error instanceof ExchangeError && (error.status === 400 || error.status === 404);
}

type CatalogOf<T> = () => Promise<readonly T[]>;

function marketLoader(exchange: CachedExchange, allMarkets: CatalogOf<Market>): DataLoader<string, Market | null> {
  return new DataLoader<string, Market | null>(async (symbols) => {
    const catalog = indexBySymbol(await allMarkets());
    return Promise.all(
      symbols.map(async (symbol) => {
        const known = catalog.get(symbol);
        if (known) return known;
        try {
          return (await exchange.call('getMarket', { symbol })) ?? null;
        } catch (error) {
          if (isUnknownSymbol(error)) return null;
          // Fail this key only: the rest of the batch still resolves.
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    );
  });
}

function tickerLoader(exchange: CachedExchange): DataLoader<TickerKey, Ticker | null, string> {
  return new DataLoader<TickerKey, Ticker | null, string>(
    async (keys) => {
      // One /tickers call per window. A market it omits has no ticker data (`/ticker` would answer 204): null,
      // without a per-symbol call that would break the one-call budget.
      const lists = new Map<string, Promise<ReadonlyMap<string, Ticker>>>();
      const listFor = (interval: TickerInterval | undefined): Promise<ReadonlyMap<string, Ticker>> => {
        const id = interval ?? '';
        let list = lists.get(id);
        if (!list) {
          list = exchange.call('getTickers', interval ? { interval } : {}).then(indexBySymbol);
          lists.set(id, list);
        }
        return list;
      };
      return Promise.all(
        keys.map(async ({ symbol, interval }) => (await listFor(interval ?? undefined)).get(symbol) ?? null),
      );
    },
    { cacheKeyFn: ({ symbol, interval }) => `${interval ?? ''}|${symbol}` },
  );
}

function markPriceLoader(
  exchange: CachedExchange,
  market: () => DataLoader<string, Market | null>,
): DataLoader<string, MarkPrice | null> {
  return new DataLoader<string, MarkPrice | null>(async (symbols) => {
    // The catalog says which type each market is; one `/markPrices` call per market type actually needed.
    const markets = await market().loadMany(symbols);
    const typeOf = symbols.map((_, i) => {
      const row = markets[i];
      return row && !(row instanceof Error) ? row.marketType : 'PERP';
    });
    const types = [...new Set(typeOf.filter((type) => MARK_PRICE_TYPES.has(type)))];
    const lists = await Promise.all(
      // PERP without a parameter: the same cache entry as the `markPrices` root field.
      types.map((marketType) => exchange.call('getMarkPrices', marketType === 'PERP' ? {} : { marketType })),
    );
    const found = new Map<string, MarkPrice>();
    for (const list of lists) for (const [symbol, row] of indexBySymbol(list)) found.set(symbol, row);
    return symbols.map((symbol) => found.get(symbol) ?? null);
  });
}

function openInterestLoader(exchange: CachedExchange): DataLoader<string, OpenInterest | null> {
  return new DataLoader<string, OpenInterest | null>(async (symbols) => {
    const all = indexBySymbol(await exchange.call('getOpenInterest', {}));
    return symbols.map((symbol) => all.get(symbol) ?? null);
  });
}

function assetLoader(allAssets: CatalogOf<MarketAsset>): DataLoader<string, MarketAsset | null> {
  return new DataLoader<string, MarketAsset | null>(async (symbols) => {
    const all = indexBySymbol(await allAssets());
    return symbols.map((symbol) => all.get(symbol) ?? null);
  });
}

/**
 * One request's loaders, each DataLoader created on first use: most operations touch one or two of them, and every
 * graphql-ws subscription keeps its context (so its loaders) for its whole life.
 */
class RequestLoaders implements Loaders {
  private tickerLoader: Loaders['ticker'] | undefined;
  private markPriceLoader: Loaders['markPrice'] | undefined;
  private openInterestLoader: Loaders['openInterest'] | undefined;
  private marketLoader: Loaders['market'] | undefined;
  private assetLoader: Loaders['asset'] | undefined;

  constructor(private readonly exchange: CachedExchange) {}

  // Methods, not arrow-function fields: a context that lives as long as a subscription should not carry closures.
  async allMarkets(): Promise<readonly Market[]> {
    return (await this.exchange.call('getMarkets', ALL_MARKET_TYPES_PARAMS)) ?? [];
  }

  async allAssets(): Promise<readonly MarketAsset[]> {
    return (await this.exchange.call('getAssets', {})) ?? [];
  }

  get ticker(): Loaders['ticker'] {
    return (this.tickerLoader ??= tickerLoader(this.exchange));
  }

  get markPrice(): Loaders['markPrice'] {
    return (this.markPriceLoader ??= markPriceLoader(this.exchange, () => this.market));
  }

  get openInterest(): Loaders['openInterest'] {
    return (this.openInterestLoader ??= openInterestLoader(this.exchange));
  }

  get market(): Loaders['market'] {
    return (this.marketLoader ??= marketLoader(this.exchange, () => this.allMarkets()));
  }

  get asset(): Loaders['asset'] {
    return (this.assetLoader ??= assetLoader(() => this.allAssets()));
  }

  release(): void {
    this.tickerLoader = undefined;
    this.markPriceLoader = undefined;
    this.openInterestLoader = undefined;
    this.marketLoader = undefined;
    this.assetLoader = undefined;
  }
}

export function createLoaders(exchange: CachedExchange): Loaders {
  return new RequestLoaders(exchange);
}
