// Prediction markets: events with their yes/no markets, tags and series.
import type {
  PredictionEvent,
  PredictionMarket,
  PredictionResolution,
  PredictionSeries,
  PredictionTag,
  ResolutionCondition,
} from '../exchange/types/prediction.ts';
import { builder } from './builder.ts';
import { ResolutionConditionTypeEnum, SeriesRecurrenceEnum } from './enums.ts';
import { MarketRef } from './market.ts';
import { exchangePage, pageArgs, pageOf, pageWindow } from './pagination.ts';

const naive = (value: string | null | undefined): string | null => (value ? value : null);

const PredictionTagRef = builder.objectRef<PredictionTag>('PredictionTag').implement({
  description: 'A topic grouping prediction events.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'URL-safe id.' }),
    title: t.exposeString('title', { description: 'Display title.' }),
  }),
});

const PredictionSeriesRef = builder.objectRef<PredictionSeries>('PredictionSeries').implement({
  description: 'A recurring family of prediction events.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'URL-safe id.' }),
    title: t.exposeString('title', { description: 'Display title.' }),
    recurrence: t.field({
      type: SeriesRecurrenceEnum,
      nullable: true,
      description: 'How often it recurs.',
      resolve: (s) => s.recurrence ?? null,
    }),
  }),
});

const ResolutionConditionRef = builder.objectRef<ResolutionCondition>('ResolutionCondition').implement({
  description: 'The range the outcome must fall in for YES.',
  fields: (t) => ({
    type: t.field({ type: ResolutionConditionTypeEnum, description: 'Kind of condition.', resolve: (c) => c.type }),
    greaterThanOrEqual: t.field({
      type: 'Decimal',
      description: 'Inclusive lower bound.',
      resolve: (c) => c.greaterThanOrEqual,
    }),
    lessThan: t.field({ type: 'Decimal', description: 'Exclusive upper bound.', resolve: (c) => c.lessThan }),
  }),
});

const PredictionMarketRef = builder.objectRef<PredictionMarket>('PredictionMarket').implement({
  description: 'A yes/no market of a prediction event.',
  fields: (t) => ({
    marketSymbol: t.exposeString('marketSymbol', { description: 'Symbol of the tradable market.' }),
    market: t.field({
      type: MarketRef,
      nullable: true,
      description: 'The tradable market.',
      resolve: (p, _, ctx) => ctx.loaders.market.load(p.marketSymbol),
    }),
    question: t.exposeString('question', { description: 'The question being predicted.' }),
    groupLabel: t.string({
      nullable: true,
      description: 'Label within a multi-market event.',
      resolve: (p) => p.groupLabel ?? null,
    }),
    yesOutcomeLabel: t.exposeString('yesOutcomeLabel', { description: 'Label of the YES outcome.' }),
    noOutcomeLabel: t.exposeString('noOutcomeLabel', { description: 'Label of the NO outcome.' }),
    rules: t.exposeString('rules', { description: 'Resolution rules.' }),
    activePrice: t.field({
      type: 'Decimal',
      description: 'Current YES price (implied probability).',
      resolve: (p) => p.activePrice,
    }),
    quoteVolume: t.field({ type: 'Decimal', description: 'Quote volume, last 24 h.', resolve: (p) => p.quoteVolume }),
    quoteVolumeLifetime: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Quote volume since listing.',
      resolve: (p) => p.quoteVolumeLifetime ?? null,
    }),
    resolvedAt: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When it resolved.',
      resolve: (p) => naive(p.resolvedAt),
    }),
    resolutionPrice: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Final price (1 = YES, 0 = NO).',
      resolve: (p) => p.resolutionPrice ?? null,
    }),
    resolutionCondition: t.field({
      type: ResolutionConditionRef,
      nullable: true,
      description: 'Condition for YES, when range-based.',
      resolve: (p) => p.resolutionCondition ?? null,
    }),
    proposedResolution: t.boolean({
      nullable: true,
      description: 'Whether a resolution has been proposed.',
      resolve: (p) => p.proposedResolution ?? null,
    }),
    proposedResolutionAt: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When a resolution was proposed.',
      resolve: (p) => naive(p.proposedResolutionAt),
    }),
    imgUrl: t.string({ nullable: true, description: 'Image URL.', resolve: (p) => p.imgUrl ?? null }),
  }),
});

const PredictionResolutionRef = builder.objectRef<PredictionResolution>('PredictionResolution').implement({
  description: 'How an event resolved (fields as published by the exchange).',
  fields: (t) => ({
    resolved: t.exposeBoolean('resolved', { description: 'Whether it has resolved.' }),
    resolutionSource: t.exposeString('resolutionSource', { description: 'Source of the outcome, e.g. `binance`.' }),
    resolutionSourceEventIdentifier: t.string({
      nullable: true,
      description: 'Id of the event at the source.',
      resolve: (r) => r.resolutionSourceEventIdentifier ?? null,
    }),
    startDate: t.string({
      nullable: true,
      description: 'Observation start, as published.',
      resolve: (r) => r.startDate ?? null,
    }),
    endDate: t.string({
      nullable: true,
      description: 'Observation end, as published.',
      resolve: (r) => r.endDate ?? null,
    }),
    strikePrice: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Strike price.',
      resolve: (r) => r.strikePrice ?? null,
    }),
    closePrice: t.field({
      type: 'Decimal',
      nullable: true,
      description: 'Observed close price.',
      resolve: (r) => r.closePrice ?? null,
    }),
    outcome: t.string({ nullable: true, description: 'The outcome.', resolve: (r) => r.outcome ?? null }),
  }),
});

const PredictionEventRef = builder.objectRef<PredictionEvent>('PredictionEvent').implement({
  description: 'A prediction event with one or more yes/no markets.',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'URL-safe id.' }),
    title: t.exposeString('title', { description: 'Display title.' }),
    description: t.exposeString('description', { description: 'Long description.' }),
    imgUrl: t.string({ nullable: true, description: 'Image URL.', resolve: (e) => e.imgUrl ?? null }),
    quoteVolume: t.field({ type: 'Decimal', description: 'Quote volume, last 24 h.', resolve: (e) => e.quoteVolume }),
    estimatedEndDate: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'Expected end.',
      resolve: (e) => naive(e.estimatedEndDate),
    }),
    resolved: t.exposeBoolean('resolved', { description: 'Whether the event has resolved.' }),
    resolution: t.field({
      type: PredictionResolutionRef,
      nullable: true,
      description: 'Resolution details.',
      resolve: (e) => e.resolution ?? null,
    }),
    markets: t.field({
      type: [PredictionMarketRef],
      description: 'The yes/no markets.',
      resolve: (e) => [...e.predictionMarkets],
    }),
    tags: t.field({ type: [PredictionTagRef], description: 'Topics.', resolve: (e) => [...e.tags] }),
    series: t.field({
      type: [PredictionSeriesRef],
      description: 'Series it belongs to.',
      resolve: (e) => [...e.series],
    }),
  }),
});

const PredictionEventPageRef = pageOf('PredictionEventPage', PredictionEventRef, 'A page of prediction events.');
const PredictionTagPageRef = pageOf('PredictionTagPage', PredictionTagRef, 'A page of prediction tags.');

builder.queryFields((t) => ({
  predictionEvents: t.field({
    type: PredictionEventPageRef,
    description: 'Prediction events, filtered by market, tag, event or series.',
    args: {
      symbol: t.arg.string({ description: 'Only the event of this market symbol.' }),
      tagSlug: t.arg.string({ description: 'Only events with this tag.' }),
      eventSlug: t.arg.string({ description: 'Only this event.' }),
      seriesSlug: t.arg.string({ description: 'Only events of this series.' }),
      resolved: t.arg.boolean({ description: 'Only resolved (true) or open (false) events.' }),
      ...pageArgs(t.arg),
    },
    resolve: (_, { limit, offset, ...filters }, ctx) =>
      exchangePage(
        ctx,
        'getPredictionEvents',
        Object.fromEntries(Object.entries(filters).filter(([, value]) => value != null)),
        pageWindow({ limit, offset }),
      ),
  }),
  predictionTags: t.field({
    type: PredictionTagPageRef,
    description: 'Tags used to group prediction events.',
    args: pageArgs(t.arg),
    resolve: (_, args, ctx) => exchangePage(ctx, 'getPredictionTags', {}, pageWindow(args)),
  }),
}));
