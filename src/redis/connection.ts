// ReplicaLink: this gateway's connection to the Redis its replicas share (exchange budgets, public cache, stream
// leases). Commands fail fast while Redis is away (no offline queue) so callers fall back at once instead of waiting.
import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { ReplicaConfig } from '../config.ts';

/** How long startup waits for Redis before refusing to start in replica mode. */
const CONNECT_TIMEOUT_MS = 3_000;
/**
 * A command on the command connection that takes longer fails: a slow Redis then degrades budgets to the local share
 * (and cache reads to the exchange) instead of stalling requests. Not set on pub/sub connections.
 */
const COMMAND_TIMEOUT_MS = 500;
/** Reconnect backoff while Redis is away: quick at first, then once a second (forever; the gateway keeps serving). */
const RECONNECT_MAX_DELAY_MS = 1_000;

export interface ReplicaLink {
  /** Random per process: who holds a lease, who published a frame. */
  readonly replicaId: string;
  /** Prepended to every key and channel (`GATEWAY_REDIS_PREFIX`). */
  readonly prefix: string;
  /** `GATEWAY_REPLICAS`: the share of a budget one replica may spend alone while Redis is away is 1 ÷ this. */
  readonly replicas: number;
  /** The command connection (scripts, cache, leases). Rejects at once while Redis is unreachable. */
  readonly redis: Redis;
  /** A new connection for pub/sub (a subscribed connection runs no other commands); closed with the link. */
  subscriber(): Redis;
  /** Whether the command connection is up right now. */
  readonly healthy: boolean;
  /** Called on every change of `healthy`; returns the unsubscribe. */
  onHealth(listener: (healthy: boolean) => void): () => void;
  /** Why Redis is not usable now (`/ready` reports it), or undefined while it is. */
  problem(): string | undefined;
  close(): Promise<void>;
}

/** Replica mode could not start: Redis did not answer. */
export class ReplicaStartError extends Error {
  override readonly name = 'ReplicaStartError';
}

/** The URL without credentials, for messages and logs. */
export function redactedRedisUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

function connectionOptions(lazyConnect: boolean): RedisOptions {
  return {
    lazyConnect,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt: number) => Math.min(50 * 2 ** attempt, RECONNECT_MAX_DELAY_MS),
    // A replica must not take another's keys for its own because of a stale connection name.
    connectionName: 'backpack-graphql',
  };
}

/** Connects and pings; throws ReplicaStartError naming the (redacted) URL when Redis does not answer. */
export async function connectReplicaLink(config: ReplicaConfig, logger: Logger): Promise<ReplicaLink> {
  const where = redactedRedisUrl(config.redisUrl);
  const redis = new Redis(config.redisUrl, { ...connectionOptions(true), commandTimeout: COMMAND_TIMEOUT_MS });
  // ioredis emits 'error' on every failed reconnect; the health transitions below are what gets logged.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReplicaStartError(
      `GATEWAY_REDIS_URL: Redis at ${where} does not answer (${reason}). Replica mode does not start without it: ` +
        'start redis-server (any Redis ≥ 6) or unset GATEWAY_REDIS_URL to run a single gateway.',
    );
  }
  const subscribers = new Set<Redis>();
  const listeners = new Set<(healthy: boolean) => void>();
  let healthy = true;
  let lastError: string | undefined;
  const setHealthy = (next: boolean): void => {
    if (next === healthy) return;
    healthy = next;
    if (next) logger.info({ redis: where }, 'Redis is back: shared budgets, cache and stream leases resume');
    else logger.warn({ redis: where, reason: lastError }, 'Redis lost: falling back to local budgets and sockets');
    for (const listener of listeners) listener(next);
  };
  redis.on('ready', () => setHealthy(true));
  redis.on('error', (error: Error) => {
    lastError = error.message;
  });
  redis.on('close', () => setHealthy(false));
  redis.on('end', () => setHealthy(false));
  return {
    replicaId: randomUUID(),
    prefix: config.prefix,
    replicas: config.count,
    redis,
    subscriber: () => {
      const connection = new Redis(config.redisUrl, { ...connectionOptions(false), enableOfflineQueue: true });
      connection.on('error', () => undefined);
      subscribers.add(connection);
      return connection;
    },
    get healthy() {
      return healthy;
    },
    onHealth: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    problem: () => (healthy ? undefined : `Redis at ${where} is unreachable (${lastError ?? 'connection closed'})`),
    close: async () => {
      listeners.clear();
      for (const connection of subscribers) connection.disconnect();
      subscribers.clear();
      redis.removeAllListeners('close');
      redis.removeAllListeners('end');
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
