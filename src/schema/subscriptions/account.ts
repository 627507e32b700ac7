// Account streams besides orders: `positionUpdates`, `rfqUpdates`, `balanceUpdates` (all lossless, requiring API keys).
import { builder } from '../builder.ts';
import { OrderStatusEnum, SideEnum, SystemOrderTypeEnum, wireEnum } from '../enums.ts';
import {
  POSITION_UPDATE_EVENTS,
  RFQ_UPDATE_EVENTS,
  toBalanceUpdate,
  toPositionUpdate,
  toRfqUpdate,
} from './accountPayloads.ts';
import type { BalanceUpdate, PositionUpdate, RfqUpdate } from './accountPayloads.ts';
import { balanceReconciler } from '../../streams/reconcile/balances.ts';
import { positionReconciler } from '../../streams/reconcile/positions.ts';
import { marketLink } from './links.ts';
import { asGapNotice, gapField } from './streamGap.ts';
import { hubFor, optionalMarketSymbol, subscriptionAccount, unwrap } from './shared.ts';

const PositionUpdateEventTypeEnum = wireEnum(
  'PositionUpdateEventType',
  POSITION_UPDATE_EVENTS,
  'What happened to a position.',
  {
    positionOpened: 'A position was opened.',
    positionAdjusted: 'Its size, entry or margin changed (including funding).',
    positionClosed: 'It was closed.',
    positionSnapshot:
      'Its current state, sent when the subscription starts (or the exchange connection was re-established).',
    streamGap: 'Not a position event: the notice that events may be missing (see `gap`).',
  },
);

const RfqUpdateEventTypeEnum = wireEnum(
  'RfqUpdateEventType',
  RFQ_UPDATE_EVENTS,
  'What happened to an RFQ or a quote.',
  {
    streamGap: 'Not an RFQ event: the notice that events may be missing (see `gap`).',
  },
);

const PositionUpdateRef = builder.objectRef<PositionUpdate>('PositionUpdate').implement({
  description: 'The state of one futures position of the account after a change.',
  fields: (t) => ({
    eventType: t.field({
      type: PositionUpdateEventTypeEnum,
      description: 'What happened.',
      resolve: (p) => p.eventType,
    }),
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    engineTime: t.expose('engineTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the engine made the change.',
    }),
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    positionId: t.exposeID('positionId', { nullable: true, description: 'Position id (opaque).' }),
    netQuantity: t.expose('netQuantity', {
      type: 'Decimal',
      nullable: true,
      description: 'Net size: positive long, negative short.',
    }),
    netExposureQuantity: t.expose('netExposureQuantity', {
      type: 'Decimal',
      nullable: true,
      description: 'Size including open orders.',
    }),
    netExposureNotional: t.expose('netExposureNotional', {
      type: 'Decimal',
      nullable: true,
      description: 'Notional including open orders.',
    }),
    entryPrice: t.expose('entryPrice', { type: 'Decimal', nullable: true, description: 'Average entry price.' }),
    breakEvenPrice: t.expose('breakEvenPrice', {
      type: 'Decimal',
      nullable: true,
      description: 'Price at which the position breaks even.',
    }),
    markPrice: t.expose('markPrice', {
      type: 'Decimal',
      nullable: true,
      description: 'Mark price used for this update.',
    }),
    initialMarginFraction: t.expose('initialMarginFraction', {
      type: 'Decimal',
      nullable: true,
      description: 'Initial margin fraction.',
    }),
    maintenanceMarginFraction: t.expose('maintenanceMarginFraction', {
      type: 'Decimal',
      nullable: true,
      description: 'Maintenance margin fraction.',
    }),
    realizedPnl: t.expose('realizedPnl', { type: 'Decimal', nullable: true, description: 'Realised profit and loss.' }),
    unrealizedPnl: t.expose('unrealizedPnl', {
      type: 'Decimal',
      nullable: true,
      description: 'Unrealised profit and loss.',
    }),
    gap: gapField(t),
  }),
});

const RfqUpdateRef = builder.objectRef<RfqUpdate>('RfqUpdate').implement({
  description: 'A change to an RFQ the account requested, or to a quote it submitted.',
  fields: (t) => ({
    eventType: t.field({ type: RfqUpdateEventTypeEnum, description: 'What happened.', resolve: (r) => r.eventType }),
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    engineTime: t.expose('engineTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the engine made the change.',
    }),
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    market: marketLink(t),
    rfqId: t.exposeID('rfqId', { nullable: true, description: 'RFQ id (a large integer, as a string).' }),
    quoteId: t.exposeID('quoteId', { nullable: true, description: 'Quote id, for quote events and fills.' }),
    clientId: t.exposeID('clientId', { nullable: true, description: 'Your client RFQ id or client quote id.' }),
    side: t.field({ type: SideEnum, nullable: true, description: 'Side of the RFQ.', resolve: (r) => r.side }),
    quantity: t.expose('quantity', {
      type: 'Decimal',
      nullable: true,
      description: 'Base quantity, when the RFQ is sized in base.',
    }),
    quoteQuantity: t.expose('quoteQuantity', {
      type: 'Decimal',
      nullable: true,
      description: 'Quote quantity, when sized in quote.',
    }),
    price: t.expose('price', {
      type: 'Decimal',
      nullable: true,
      description: 'Price: for the requester the taker price (quote + fee), for the quoter the quote price.',
    }),
    submissionDeadline: t.expose('submissionDeadline', {
      type: 'Timestamp',
      nullable: true,
      description: 'Last moment to submit quotes.',
    }),
    expiryTime: t.expose('expiryTime', { type: 'Timestamp', nullable: true, description: 'When the RFQ expires.' }),
    status: t.field({
      type: OrderStatusEnum,
      nullable: true,
      description: 'Status after this change.',
      resolve: (r) => r.status,
    }),
    systemOrderType: t.field({
      type: SystemOrderTypeEnum,
      nullable: true,
      description: 'Why the system created the RFQ, for system-initiated ones.',
      resolve: (r) => r.systemOrderType,
    }),
    gap: gapField(t),
  }),
});

const BalanceUpdateRef = builder.objectRef<BalanceUpdate>('BalanceUpdate').implement({
  description: 'New absolute balances of one asset of the account.',
  fields: (t) => ({
    eventTime: t.expose('eventTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the exchange emitted it.',
    }),
    engineTime: t.expose('engineTime', {
      type: 'Timestamp',
      nullable: true,
      description: 'When the engine made the change.',
    }),
    asset: t.exposeString('asset', { description: 'Asset symbol, e.g. `USDC`; empty on a gap notice.' }),
    available: t.expose('available', { type: 'Decimal', nullable: true, description: 'Available quantity.' }),
    locked: t.expose('locked', { type: 'Decimal', nullable: true, description: 'Quantity locked in open orders.' }),
    staked: t.expose('staked', { type: 'Decimal', nullable: true, description: 'Staked quantity.' }),
    gap: gapField(t),
  }),
});

const symbolFilter = 'Only this market; omitted = all markets.';
const streamFor = (base: string, market: string | null): string => (market === null ? base : `${base}.${market}`);

builder.subscriptionFields((t) => ({
  positionUpdates: t.field({
    authScopes: { read: true },
    type: PositionUpdateRef,
    description:
      "Changes to the account's futures positions, starting with the open ones (`POSITION_SNAPSHOT`); requires API " +
      'keys. Guarantee: state reconciled. When the exchange connection drops, the gateway reads the positions over ' +
      'REST and delivers the current state of each (`POSITION_SNAPSHOT`, or `POSITION_CLOSED` for one closed ' +
      'meanwhile); adjustments in between are superseded, not replayed. If REST fails, an event with ' +
      '`eventType: STREAM_GAP` and `gap` set is delivered instead. Lossless otherwise (SUBSCRIPTION_OVERFLOW for a ' +
      'client that falls behind).',
    args: { symbol: t.arg.string({ description: symbolFilter }) },
    subscribe: async (_, { symbol }, ctx) => {
      const apiKey = subscriptionAccount(ctx);
      const market = await optionalMarketSymbol(ctx, symbol);
      const stream = streamFor('account.positionUpdate', market);
      return hubFor(ctx).subscribeAccount(apiKey, {
        stream,
        map: toPositionUpdate,
        policy: { kind: 'lossless' },
        gaps: {
          event: (gap) => asGapNotice(toPositionUpdate({ e: 'streamGap', E: gap.to * 1000, s: market ?? '' }), gap),
          reconciler: positionReconciler(market),
        },
        // The exchange sends open positions only after the first SUBSCRIBE; later subscribers get them from here.
        retain: {
          key: (position: PositionUpdate) => position.symbol,
          keep: (position: PositionUpdate) =>
            position.eventType !== 'positionClosed' && position.eventType !== 'streamGap',
          asSnapshot: (position: PositionUpdate) =>
            position.eventType === 'positionSnapshot'
              ? position
              : Object.freeze({ ...position, eventType: 'positionSnapshot' }),
        },
      });
    },
    resolve: (payload) => unwrap(payload),
  }),
  rfqUpdates: t.field({
    authScopes: { read: true },
    type: RfqUpdateRef,
    description:
      'Changes to RFQs the account requested and quotes it submitted; requires API keys. Guarantee: lossless with ' +
      'gap notices. Events missed while the exchange connection was down are not recovered: each interruption is ' +
      'delivered as an event with `eventType: STREAM_GAP` and `gap` set (query `rfqs` / RFQ history to catch up). ' +
      'A client that falls more than the buffer behind gets a SUBSCRIPTION_OVERFLOW error.',
    args: { symbol: t.arg.string({ description: symbolFilter }) },
    subscribe: async (_, { symbol }, ctx) => {
      const apiKey = subscriptionAccount(ctx);
      const market = await optionalMarketSymbol(ctx, symbol);
      return hubFor(ctx).subscribeAccount(apiKey, {
        stream: streamFor('account.rfqUpdate', market),
        map: toRfqUpdate,
        policy: { kind: 'lossless' },
        gaps: {
          event: (gap) => asGapNotice(toRfqUpdate({ e: 'streamGap', E: gap.to * 1000, s: market ?? '' }), gap),
        },
      });
    },
    resolve: (payload) => unwrap(payload),
  }),
  balanceUpdates: t.field({
    authScopes: { read: true },
    type: BalanceUpdateRef,
    description:
      "Changes to the account's balances (any asset), as absolute values; requires API keys. Guarantee: state " +
      'reconciled. When the exchange connection drops, the gateway reads the balances over REST and delivers the ' +
      'current balance of every asset that differs from the last one delivered; changes in between are superseded, ' +
      'not replayed. If REST fails, an event with `gap` set (and an empty `asset`) is delivered instead. Lossless ' +
      'otherwise (SUBSCRIPTION_OVERFLOW for a client that falls behind).',
    subscribe: (_, _args, ctx) =>
      hubFor(ctx).subscribeAccount(subscriptionAccount(ctx), {
        stream: 'account.balanceUpdate',
        map: toBalanceUpdate,
        policy: { kind: 'lossless' },
        gaps: {
          event: (gap) => asGapNotice(toBalanceUpdate({ E: gap.to * 1000, a: '' }), gap),
          reconciler: balanceReconciler,
        },
      }),
    resolve: (payload) => unwrap(payload),
  }),
}));
