// Snapshot-like market streams: `ticker`, `bookTicker`, `markPrice`, `openInterest`. Each value supersedes the
// previous one, so a slow client gets the latest (conflated) and a new subscriber gets the current value at once.
import { builder } from '../builder.ts';
import type { TopicSpec } from '../../streams/topic.ts';
import { marketLink } from './links.ts';
import { toBookTicker, toMarkPrice, toOpenInterest, toTicker } from './marketPayloads.ts';
import type { BookTickerUpdate, MarkPriceUpdate, OpenInterestUpdate, TickerUpdate } from './marketPayloads.ts';
import { hubFor, marketSymbol, unwrap } from './shared.ts';
import type { StreamPayload } from '../../exchange/stream.ts';

const ONE_KEY = (): number => 0;
const CONFLATE = { kind: 'conflate' } as const;

/** Latest value wins, in the client queue and for late joiners. */
function snapshotSpec<T>(stream: string, map: (data: StreamPayload) => T): TopicSpec<T> {
  return { stream, map, policy: CONFLATE, retain: { key: ONE_KEY } };
}

const TickerUpdateRef = builder.objectRef<TickerUpdate>('TickerUpdate').implement({
  description: 'Rolling 24 h summary of one market, pushed by the exchange every second.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    firstPrice: t.expose('firstPrice', {
      type: 'Decimal',
      nullable: true,
      description: 'First trade price of the window.',
    }),
    lastPrice: t.expose('lastPrice', { type: 'Decimal', nullable: true, description: 'Last trade price.' }),
    high: t.expose('high', { type: 'Decimal', nullable: true, description: 'Highest trade price of the window.' }),
    low: t.expose('low', { type: 'Decimal', nullable: true, description: 'Lowest trade price of the window.' }),
    volume: t.expose('volume', { type: 'Decimal', nullable: true, description: 'Traded base quantity.' }),
    quoteVolume: t.expose('quoteVolume', { type: 'Decimal', nullable: true, description: 'Traded quote quantity.' }),
    trades: t.exposeInt('trades', { nullable: true, description: 'Number of trades in the window.' }),
  }),
});

const BookTickerUpdateRef = builder.objectRef<BookTickerUpdate>('BookTickerUpdate').implement({
  description: 'Best bid and ask of one market, pushed whenever the top of the book changes.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    engineTime: t.expose('engineTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the matching engine changed the top.',
    }),
    bestBidPrice: t.expose('bestBidPrice', {
      type: 'Decimal',
      nullable: true,
      description: 'Highest bid; null when there are no bids.',
    }),
    bestBidQuantity: t.expose('bestBidQuantity', {
      type: 'Decimal',
      nullable: true,
      description: 'Quantity at the best bid.',
    }),
    bestAskPrice: t.expose('bestAskPrice', {
      type: 'Decimal',
      nullable: true,
      description: 'Lowest ask; null when there are no asks.',
    }),
    bestAskQuantity: t.expose('bestAskQuantity', {
      type: 'Decimal',
      nullable: true,
      description: 'Quantity at the best ask.',
    }),
    updateId: t.exposeString('updateId', {
      nullable: true,
      description: 'Book update id of this change (the same sequence as `depthUpdates` ids).',
    }),
  }),
});

const MarkPriceUpdateRef = builder.objectRef<MarkPriceUpdate>('MarkPriceUpdate').implement({
  description: 'Mark price, index price and funding estimate of a derivative market, pushed every second.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    engineTime: t.expose('engineTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'Engine time of the computation.',
    }),
    markPrice: t.expose('markPrice', { type: 'Decimal', nullable: true, description: 'Mark price.' }),
    indexPrice: t.expose('indexPrice', {
      type: 'Decimal',
      nullable: true,
      description: 'Index price; null for prediction markets.',
    }),
    fundingRate: t.expose('fundingRate', {
      type: 'Decimal',
      nullable: true,
      description: 'Estimated funding rate for the current interval, as a fraction; null for prediction markets.',
    }),
    nextFundingTime: t.expose('nextFundingTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When funding is next paid.',
    }),
  }),
});

const OpenInterestUpdateRef = builder.objectRef<OpenInterestUpdate>('OpenInterestUpdate').implement({
  description: 'Open interest of a derivative market, pushed every minute.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    openInterest: t.expose('openInterest', {
      type: 'Decimal',
      nullable: true,
      description: 'Open contracts, in base units.',
    }),
  }),
});

builder.subscriptionFields((t) => ({
  ticker: t.field({
    type: TickerUpdateRef,
    description:
      'Live 24 h ticker of one market (every second). Guarantee: snapshot-latest: a slow client, or one behind a ' +
      'reconnect, receives only the latest value.',
    args: { symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }) },
    subscribe: async (_, { symbol }, ctx) =>
      hubFor(ctx).subscribePublic(snapshotSpec(`ticker.${await marketSymbol(ctx, symbol)}`, toTicker)),
    resolve: (payload) => unwrap(payload),
  }),
  bookTicker: t.field({
    type: BookTickerUpdateRef,
    description:
      'Live best bid and ask of one market. Guarantee: snapshot-latest: a slow client, or one behind a reconnect, ' +
      'receives only the latest value.',
    args: { symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }) },
    subscribe: async (_, { symbol }, ctx) =>
      hubFor(ctx).subscribePublic(snapshotSpec(`bookTicker.${await marketSymbol(ctx, symbol)}`, toBookTicker)),
    resolve: (payload) => unwrap(payload),
  }),
  markPrice: t.field({
    type: MarkPriceUpdateRef,
    description:
      'Live mark price and funding estimate of a derivative market (every second). Guarantee: snapshot-latest ' +
      '(conflated for slow clients and across reconnects).',
    args: { symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC_PERP`.' }) },
    subscribe: async (_, { symbol }, ctx) =>
      hubFor(ctx).subscribePublic(snapshotSpec(`markPrice.${await marketSymbol(ctx, symbol)}`, toMarkPrice)),
    resolve: (payload) => unwrap(payload),
  }),
  openInterest: t.field({
    type: OpenInterestUpdateRef,
    description:
      'Live open interest of a derivative market (every minute; the latest value at once when already known). ' +
      'Guarantee: snapshot-latest.',
    args: { symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC_PERP`.' }) },
    subscribe: async (_, { symbol }, ctx) =>
      hubFor(ctx).subscribePublic(snapshotSpec(`openInterest.${await marketSymbol(ctx, symbol)}`, toOpenInterest)),
    resolve: (payload) => unwrap(payload),
  }),
}));
