// What `StreamHub.status()` reports (and `streamStatus` serves): exchange sockets, their streams, books, client queues.
import type { ExchangeStream, StreamState } from '../exchange/stream.ts';
import type { OrderBookFeed, OrderBookFeedStatus } from '../exchange/orderBookStream.ts';
import type { ExchangeReader } from './reconcile/types.ts';
import type { Topic } from './topic.ts';

export type ConnectionKind = 'public' | 'account';

export interface UpstreamStreamStatus {
  readonly stream: string;
  /** Listeners on the exchange socket (one per topic or order-book feed). */
  readonly listeners: number;
  /** Client subscriptions fed by it. */
  readonly subscribers: number;
  readonly lastMessageAt?: number;
}

export interface ConnectionStatus {
  readonly kind: ConnectionKind;
  readonly state: StreamState;
  readonly reconnects: number;
  readonly connectedSince?: number;
  readonly lastMessageAt?: number;
  readonly streams: readonly UpstreamStreamStatus[];
}

export interface ClientSocketStatus {
  readonly connections: number;
  /** Largest `bufferedAmount` of any client socket right now, in bytes. */
  readonly maxBufferedBytes: number;
}

export interface SubscriptionStats {
  readonly active: number;
  readonly capacity: number;
  /** Longest backlog of any open subscription right now, and the longest any ever had (never above `capacity`). */
  readonly maxQueueLength: number;
  readonly peakQueueLength: number;
  readonly delivered: number;
  readonly conflated: number;
  readonly overflows: number;
}

export interface HubStatus {
  readonly connections: readonly ConnectionStatus[];
  readonly orderBooks: readonly OrderBookFeedStatus[];
  readonly subscriptions: SubscriptionStats;
  readonly clients?: ClientSocketStatus;
}

/** One exchange socket of the hub and the topics riding on it. */
export interface Upstream {
  readonly kind: ConnectionKind;
  readonly stream: ExchangeStream;
  /** REST reads that fill gaps in this socket's lossless streams (signed with the account's key for `account`). */
  readonly reader?: ExchangeReader;
  readonly topics: Map<string, Topic<unknown>>;
}

export function connectionStatus(upstream: Upstream, feeds: ReadonlyMap<string, OrderBookFeed>): ConnectionStatus {
  const status = upstream.stream.status();
  return {
    kind: upstream.kind,
    state: status.state,
    reconnects: status.reconnects,
    ...(status.connectedSince !== undefined ? { connectedSince: status.connectedSince } : {}),
    ...(status.lastMessageAt !== undefined ? { lastMessageAt: status.lastMessageAt } : {}),
    streams: status.streams.map((usage) => {
      const topic = upstream.topics.get(usage.stream);
      // `depth.<symbol>` also feeds the local book; its subscribers count there too.
      const feed =
        upstream.kind === 'public' && usage.stream.startsWith('depth.') ? feeds.get(usage.stream.slice(6)) : undefined;
      return {
        stream: usage.stream,
        listeners: usage.listeners,
        subscribers: (topic?.subscribers ?? 0) + (feed?.status().subscribers ?? 0),
        ...(usage.lastMessageAt !== undefined ? { lastMessageAt: usage.lastMessageAt } : {}),
      };
    }),
  };
}
