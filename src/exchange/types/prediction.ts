// Wire shapes of prediction markets (/prediction, /prediction/tags).
import type { Decimal, MarketSymbol, NaiveDateTime, PageParams } from './common.ts';
import type { ResolutionConditionType, SeriesRecurrence } from './enums/markets.ts';

/** Wire name `Tag`. */
export interface PredictionTag {
  slug: string;
  title: string;
}

/** Wire name `Series`. */
export interface PredictionSeries {
  slug: string;
  title: string;
  recurrence?: SeriesRecurrence | null;
}

export interface ResolutionCondition {
  type: ResolutionConditionType;
  greaterThanOrEqual: Decimal;
  lessThan: Decimal;
}

export interface PredictionMarket {
  marketSymbol: MarketSymbol;
  question: string;
  groupLabel?: string | null;
  yesOutcomeLabel: string;
  noOutcomeLabel: string;
  rules: string;
  resolvedAt?: NaiveDateTime | null;
  resolutionPrice?: Decimal | null;
  activePrice: Decimal;
  quoteVolume: Decimal;
  quoteVolumeLifetime?: Decimal | null;
  imgUrl?: string | null;
  resolutionCondition?: ResolutionCondition | null;
  proposedResolution?: boolean | null;
  proposedResolutionAt?: NaiveDateTime | null;
}

/** Only in the 2026 docs (D26); field types beyond `resolved` and `resolutionSource` are undocumented. */
export interface PredictionResolution {
  resolved: boolean;
  startDate?: string | null;
  endDate?: string | null;
  strikePrice?: Decimal | null;
  closePrice?: Decimal | null;
  resolutionSourceEventIdentifier?: string | null;
  resolutionSource: string;
  outcome?: string | null;
}

/** Wire name `Event` (renamed to avoid the global DOM/Node `Event`). */
export interface PredictionEvent {
  slug: string;
  title: string;
  predictionMarkets: PredictionMarket[];
  tags: PredictionTag[];
  series: PredictionSeries[];
  description: string;
  imgUrl?: string | null;
  /** 24 h. */
  quoteVolume: Decimal;
  estimatedEndDate?: NaiveDateTime | null;
  resolved: boolean;
  resolution?: PredictionResolution | null;
}

export interface GetPredictionEventsParams extends PageParams {
  symbol?: MarketSymbol;
  tagSlug?: string;
  eventSlug?: string;
  seriesSlug?: string;
  resolved?: boolean;
}

export type GetPredictionTagsParams = PageParams;
