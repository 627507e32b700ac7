// Prediction events and tags built over the catalog's PREDICTION markets (prices from the live book).
import type {
  PredictionEvent,
  PredictionMarket,
  PredictionSeries,
  PredictionTag,
} from '../../exchange/types/prediction.ts';
import * as D from '../engine/decimal.ts';
import type { MarketSpec } from '../engine/markets.ts';
import type { ProductContext } from './context.ts';

interface EventMeta {
  readonly slug: string;
  readonly title: string;
  readonly question: string;
  readonly description: string;
  readonly rules: string;
  readonly estimatedEndDate: string;
  readonly tags: readonly PredictionTag[];
  readonly series: readonly PredictionSeries[];
  /** Resolves Yes when the reference price lands in [greaterThanOrEqual, lessThan). */
  readonly range: { readonly greaterThanOrEqual: string; readonly lessThan: string } | null;
}

const CRYPTO: PredictionTag = { slug: 'crypto', title: 'Crypto' };
const SOLANA: PredictionTag = { slug: 'solana', title: 'Solana' };

/** Hand-written metadata for the catalog's known outcome tokens (`SOLWP123126A200`: SOL ≥ 200 on 2026-12-31). */
const META: Readonly<Record<string, EventMeta>> = {
  SOLWP123126A200: {
    slug: 'sol-above-200-on-december-31-2026',
    title: 'SOL above $200 on December 31, 2026?',
    question: 'Will SOL close above $200 on December 31, 2026?',
    description: 'Resolves on the SOL/USDT Binance 1-minute candle closing at 23:59 UTC on December 31, 2026.',
    rules:
      'This market resolves to "Yes" if the close price of the Binance SOL/USDT 1-minute candle for 23:59 UTC on ' +
      'December 31, 2026 is greater than or equal to 200. Otherwise it resolves to "No".',
    estimatedEndDate: '2026-12-31T23:59:00',
    tags: [CRYPTO, SOLANA],
    series: [{ slug: 'sol-year-end-price', title: 'SOL year-end price', recurrence: 'annual' }],
    range: { greaterThanOrEqual: '200', lessThan: '1000000' },
  },
};

function metaFor(market: MarketSpec, displayName: string): EventMeta {
  const known = META[market.base];
  if (known !== undefined) return known;
  const slug = market.base.toLowerCase();
  return {
    slug,
    title: `${displayName}?`,
    question: `Will "${displayName}" happen?`,
    description: displayName,
    rules: `This market resolves to "Yes" if "${displayName}" happens before its end date. Otherwise it resolves to "No".`,
    estimatedEndDate: '2026-12-31T23:59:00',
    tags: [CRYPTO],
    series: [],
    range: null,
  };
}

export interface EventFilter {
  readonly symbol?: string;
  readonly tagSlug?: string;
  readonly eventSlug?: string;
  readonly seriesSlug?: string;
  readonly resolved?: boolean;
}

export class Prediction {
  constructor(private readonly ctx: ProductContext) {}

  events(filter: EventFilter = {}): PredictionEvent[] {
    return this.ctx.catalog
      .list(['PREDICTION'])
      .map((market) => this.event(market))
      .filter(
        (event) =>
          (filter.symbol === undefined || event.predictionMarkets.some((m) => m.marketSymbol === filter.symbol)) &&
          (filter.tagSlug === undefined || event.tags.some((t) => t.slug === filter.tagSlug)) &&
          (filter.eventSlug === undefined || event.slug === filter.eventSlug) &&
          (filter.seriesSlug === undefined || event.series.some((s) => s.slug === filter.seriesSlug)) &&
          (filter.resolved === undefined || event.resolved === filter.resolved),
      );
  }

  /** Every tag used by an event, once, in first-seen order. */
  tags(): PredictionTag[] {
    const seen = new Map<string, PredictionTag>();
    for (const event of this.events()) for (const tag of event.tags) if (!seen.has(tag.slug)) seen.set(tag.slug, tag);
    return [...seen.values()];
  }

  private event(market: MarketSpec): PredictionEvent {
    const displayName = this.ctx.catalog.asset(market.base)?.displayName ?? market.base;
    const meta = metaFor(market, displayName);
    const volume = this.ctx.prices.quoteVolume24h(market.symbol);
    const price = this.ctx.prices.marketMid(market.symbol) ?? market.initialPrice;
    const predictionMarket: PredictionMarket = {
      marketSymbol: market.symbol,
      question: meta.question,
      groupLabel: null,
      yesOutcomeLabel: 'Yes',
      noOutcomeLabel: 'No',
      rules: meta.rules,
      resolvedAt: null,
      resolutionPrice: null,
      activePrice: D.toString(D.toStep(price, market.tickSize, 'halfEven')),
      quoteVolume: D.toString(volume),
      quoteVolumeLifetime: D.toString(volume),
      imgUrl: null,
      resolutionCondition: meta.range === null ? null : { type: 'QuantityRange', ...meta.range },
      proposedResolution: false,
      proposedResolutionAt: null,
    };
    return {
      slug: meta.slug,
      title: meta.title,
      predictionMarkets: [predictionMarket],
      tags: [...meta.tags],
      series: [...meta.series],
      description: meta.description,
      imgUrl: null,
      quoteVolume: D.toString(volume),
      estimatedEndDate: meta.estimatedEndDate,
      resolved: false,
      resolution: null,
    };
  }
}
