// Live order books: `orderBook` (consistent top-N snapshots of the gateway's shared local book, conflated) and
// `depthUpdates` (the exchange's raw deltas, lossless, for clients that maintain their own book).
import { builder } from '../builder.ts';
import { depthArg, levelsPerSide, OrderBookRef, PriceLevelRef } from '../depth.ts';
import { marketLink } from './links.ts';
import { gapField } from './streamGap.ts';
import { toDepthUpdate, toOrderBook } from './marketPayloads.ts';
import type { DepthUpdate } from './marketPayloads.ts';
import { hubFor, marketSymbol, unwrap } from './shared.ts';

const DepthUpdateRef = builder.objectRef<DepthUpdate>('DepthUpdate').implement({
  description:
    "A change to one market's book covering update ids `firstUpdateId`..`lastUpdateId`. Apply in order on top of " +
    'the `orderBook` query snapshot; the next update must start at `lastUpdateId + 1`, otherwise resynchronise.',
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
      description: 'Engine time of the last change included.',
    }),
    firstUpdateId: t.exposeString('firstUpdateId', {
      description: 'First book update id in this message; empty on a gap notice.',
    }),
    lastUpdateId: t.exposeString('lastUpdateId', {
      description: 'Last book update id in this message; empty on a gap notice.',
    }),
    bids: t.field({
      type: [PriceLevelRef],
      description: 'Changed buy levels (in no particular order).',
      resolve: (update) => update.bids,
    }),
    asks: t.field({
      type: [PriceLevelRef],
      description: 'Changed sell levels (in no particular order).',
      resolve: (update) => update.asks,
    }),
    gap: gapField(t),
  }),
});

const DepthWindowEnum = builder.enumType('DepthWindow', {
  description: 'Aggregation window of `depthUpdates`: one message per window instead of one per book change.',
  values: {
    MS_200: { value: '200ms', description: 'Every 200 ms. Wire `200ms`.' },
    MS_600: { value: '600ms', description: 'Every 600 ms. Wire `600ms`.' },
    MS_1000: { value: '1000ms', description: 'Every 1000 ms. Wire `1000ms`.' },
  } as const,
});

builder.subscriptionFields((t) => ({
  orderBook: t.field({
    type: OrderBookRef,
    description:
      "Live top-of-book snapshots from the gateway's local book (REST snapshot + deltas, resynchronised on gaps and " +
      'reconnects), the same `OrderBook` type and `depth` argument as the `orderBook` query. Guarantee: conflated ' +
      'book, always consistent. At most one per GATEWAY_ORDERBOOK_CONFLATE_MS; the current book first when it is ' +
      'already live. A slow client receives only the latest snapshot.',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }),
      depth: depthArg(t.arg),
    },
    subscribe: async (_, { symbol, depth }, ctx) => {
      const levels = levelsPerSide({ depth });
      return hubFor(ctx).subscribeOrderBook(await marketSymbol(ctx, symbol), levels, toOrderBook);
    },
    resolve: (payload) => unwrap(payload),
  }),
  depthUpdates: t.field({
    type: DepthUpdateRef,
    description:
      "The exchange's book deltas for one market, in order. Guarantee: lossless with gap notices. Deltas sent while " +
      'the exchange connection was down are not recovered: each interruption is delivered as an event with `gap` ' +
      'set (resynchronise from `orderBook`, or use the `orderBook` subscription, which does it for you). A client ' +
      'that falls more than the buffer behind gets a SUBSCRIPTION_OVERFLOW error instead of a silent gap.',
    args: {
      symbol: t.arg.string({ required: true, description: 'Market symbol, e.g. `SOL_USDC`.' }),
      window: t.arg({
        type: DepthWindowEnum,
        description: 'Aggregation window; omitted = every change as it happens.',
      }),
    },
    subscribe: async (_, { symbol, window }, ctx) => {
      const market = await marketSymbol(ctx, symbol);
      const stream = window ? `depth.${window}.${market}` : `depth.${market}`;
      return hubFor(ctx).subscribePublic({
        stream,
        map: toDepthUpdate,
        policy: { kind: 'lossless' },
        gaps: {
          event: (gap) =>
            Object.freeze({
              symbol: market,
              eventTime: new Date(gap.to).toISOString(),
              engineTime: null,
              firstUpdateId: '',
              lastUpdateId: '',
              bids: [],
              asks: [],
              gap,
            }),
        },
      });
    },
    resolve: (payload) => unwrap(payload),
  }),
}));
