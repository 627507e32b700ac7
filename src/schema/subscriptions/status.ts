// `streamStatus`: the gateway's live-data plumbing at a glance — exchange sockets, streams, local books, client queues.
import type { OrderBookFeedStatus } from '../../exchange/orderBookStream.ts';
import type {
  ClientSocketStatus,
  ConnectionStatus,
  HubStatus,
  SubscriptionStats,
  UpstreamStreamStatus,
} from '../../streams/hub.ts';
import { builder } from '../builder.ts';
import { hubFor } from './shared.ts';

const msOrNull = (ms: number | undefined): number | null => ms ?? null;

const ConnectionKindEnum = builder.enumType('UpstreamConnectionKind', {
  description: "Which exchange socket: the shared public one, or an account's private one.",
  values: {
    PUBLIC: { value: 'public', description: 'Public market data, one socket per gateway.' },
    ACCOUNT: { value: 'account', description: 'Signed account streams, one socket per account.' },
  } as const,
});

const ConnectionStateEnum = builder.enumType('UpstreamConnectionState', {
  description: 'State of an exchange socket.',
  values: {
    CONNECTING: { value: 'connecting', description: 'Opening for the first time.' },
    OPEN: { value: 'open', description: 'Connected; streams are subscribed.' },
    RECONNECTING: {
      value: 'reconnecting',
      description: 'Lost; reconnecting with backoff (streams resubscribe on open).',
    },
    CLOSED: { value: 'closed', description: 'Closed for good (gateway shutting down).' },
  } as const,
});

const BookPhaseEnum = builder.enumType('OrderBookPhase', {
  description: 'Where a local order book is in its snapshot + deltas cycle.',
  values: {
    AWAITING_SNAPSHOT: { value: 'awaitingSnapshot', description: 'Buffering deltas until a REST snapshot arrives.' },
    BRIDGING: {
      value: 'bridging',
      description: 'Snapshot loaded; waiting for the delta that continues it (a quiet market: shown after a second).',
    },
    LIVE: { value: 'live', description: 'Consistent and updating.' },
  } as const,
});

const UpstreamStreamRef = builder.objectRef<UpstreamStreamStatus>('UpstreamStream').implement({
  description: 'One exchange stream the gateway is subscribed to.',
  fields: (t) => ({
    stream: t.exposeString('stream', { description: 'Exchange stream name, e.g. `ticker.SOL_USDC`.' }),
    listeners: t.exposeInt('listeners', {
      description: "Gateway-side consumers of the socket's messages (shared topics and local books).",
    }),
    subscribers: t.exposeInt('subscribers', { description: 'Client subscriptions it feeds.' }),
    lastMessageAt: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'Last message received.',
      resolve: (s) => msOrNull(s.lastMessageAt),
    }),
  }),
});

const UpstreamConnectionRef = builder.objectRef<ConnectionStatus>('UpstreamConnection').implement({
  description: 'One WebSocket from the gateway to the exchange.',
  fields: (t) => ({
    kind: t.field({ type: ConnectionKindEnum, description: 'Public or account socket.', resolve: (c) => c.kind }),
    state: t.field({ type: ConnectionStateEnum, description: 'Connection state.', resolve: (c) => c.state }),
    reconnects: t.exposeInt('reconnects', { description: 'Successful re-opens after the first connection.' }),
    connectedSince: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'When the current connection opened.',
      resolve: (c) => msOrNull(c.connectedSince),
    }),
    lastMessageAt: t.field({
      type: 'Timestamp',
      nullable: true,
      description: 'Last frame received.',
      resolve: (c) => msOrNull(c.lastMessageAt),
    }),
    streams: t.field({
      type: [UpstreamStreamRef],
      description: 'Streams subscribed on it.',
      resolve: (c) => c.streams,
    }),
  }),
});

const OrderBookStatusRef = builder.objectRef<OrderBookFeedStatus>('LocalOrderBookStatus').implement({
  description: 'A local order book the gateway maintains for `orderBook` subscribers.',
  fields: (t) => ({
    symbol: t.exposeString('symbol', { description: 'Market symbol.' }),
    phase: t.field({ type: BookPhaseEnum, description: 'Snapshot/delta phase.', resolve: (b) => b.phase }),
    subscribers: t.exposeInt('subscribers', { description: 'Client subscriptions reading it.' }),
    lastUpdateId: t.exposeString('lastUpdateId', {
      nullable: true,
      description: 'Last applied update id (while live).',
    }),
    resyncs: t.int({
      description: 'Times the book was discarded and rebuilt (gaps, reconnects, stale snapshots).',
      resolve: (b) => b.counters.resyncs,
    }),
    gaps: t.int({ description: 'Sequence gaps detected in the delta stream.', resolve: (b) => b.counters.gaps }),
    snapshots: t.int({ description: 'REST snapshots loaded.', resolve: (b) => b.counters.snapshots }),
    lastResyncReason: t.exposeString('lastResyncReason', {
      nullable: true,
      description: 'Why it last resynchronised: gap, staleSnapshot, crossed, malformed or reconnect.',
    }),
  }),
});

const SubscriptionStatsRef = builder.objectRef<SubscriptionStats>('SubscriptionStats').implement({
  description: 'Client subscriptions and their bounded queues.',
  fields: (t) => ({
    active: t.exposeInt('active', { description: 'Open client subscriptions.' }),
    bufferCapacity: t.exposeInt('capacity', {
      description: 'Messages one subscription may have waiting (GATEWAY_SUBSCRIPTION_BUFFER).',
    }),
    maxQueueLength: t.exposeInt('maxQueueLength', {
      description: 'Longest backlog of any open subscription right now.',
    }),
    peakQueueLength: t.exposeInt('peakQueueLength', {
      description: 'Longest backlog any subscription ever had (never above the capacity).',
    }),
    delivered: t.exposeFloat('delivered', {
      description: 'Messages handed to client queues since start (an integer; may exceed 32 bits).',
    }),
    conflated: t.exposeFloat('conflated', {
      description: 'Snapshot-like messages replaced by a newer one before a slow client read them.',
    }),
    overflows: t.exposeInt('overflows', { description: 'Lossless subscriptions ended with SUBSCRIPTION_OVERFLOW.' }),
  }),
});

const ClientSocketsRef = builder.objectRef<ClientSocketStatus>('ClientSockets').implement({
  description: 'graphql-ws client connections.',
  fields: (t) => ({
    connections: t.exposeInt('connections', { description: 'Open client WebSockets.' }),
    maxBufferedBytes: t.exposeInt('maxBufferedBytes', {
      description: 'Largest unsent backlog of any client socket, in bytes.',
    }),
  }),
});

const StreamStatusRef = builder.objectRef<HubStatus>('StreamStatus').implement({
  description: "State of the gateway's live data: exchange sockets, local order books and client subscriptions.",
  fields: (t) => ({
    connections: t.field({
      type: [UpstreamConnectionRef],
      description:
        'Exchange sockets (opened on first use). Account sockets list their streams only to the local owner.',
      // Account stream names reveal which markets an account trades; the status query is public, so only the
      // single-account local caller (who owns that account) sees them.
      resolve: (s, _args, ctx) =>
        ctx.principal.kind === 'local'
          ? s.connections
          : s.connections.map((c) => (c.kind === 'account' ? { ...c, streams: [] } : c)),
    }),
    orderBooks: t.field({
      type: [OrderBookStatusRef],
      description: 'Local order books with subscribers.',
      resolve: (s) => s.orderBooks,
    }),
    subscriptions: t.field({
      type: SubscriptionStatsRef,
      description: 'Client subscription queues.',
      resolve: (s) => s.subscriptions,
    }),
    clients: t.field({
      type: ClientSocketsRef,
      nullable: true,
      description: 'graphql-ws client sockets.',
      resolve: (s) => s.clients ?? null,
    }),
  }),
});

builder.queryField('streamStatus', (t) =>
  t.field({
    type: StreamStatusRef,
    description: "Connection state of the gateway's exchange streams, its local order books and client subscriptions.",
    resolve: (_, _args, ctx) => hubFor(ctx).status(),
  }),
);
