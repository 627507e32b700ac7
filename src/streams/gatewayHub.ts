// createGatewayHub(): the gateway's StreamHub, built from its configuration: which keys may sign private streams, fresh
// order-book snapshots from the uncached REST client, and the exchange clock for signed SUBSCRIBE frames.
import type { Config } from '../config.ts';
import { ClockSync } from '../exchange/clock.ts';
import type { BackpackRest } from '../exchange/rest.ts';
import type { SigningKey } from '../exchange/sign.ts';
import type { BackpackStreamOptions, StreamLogger } from '../exchange/stream.ts';
import { loadSubscriptionConfig } from './config.ts';
import { StreamHub } from './hub.ts';

export interface GatewayHubDeps {
  readonly config: Config;
  /** Uncached REST client: order-book snapshots must be fresh (and `/time` for the signing clock). */
  readonly rest: BackpackRest;
  /** Keys of the accounts whose private streams clients may read (default: `config.key`). */
  readonly accountKeys?: readonly SigningKey[];
  readonly logger?: StreamLogger;
  /** GATEWAY_SUBSCRIPTION_BUFFER, GATEWAY_ORDERBOOK_CONFLATE_MS (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Exchange-socket options: reconnect timings and an injected WebSocket constructor in tests. */
  readonly streamOptions?: Partial<BackpackStreamOptions>;
}

/**
 * Server time minus local time for private SUBSCRIBE signatures, which expire with their signing window: measured at
 * startup when there are keys and re-measured in the background when due. Signing itself never waits for it.
 */
function signingClock(config: Config, rest: BackpackRest, hasKeys: boolean): () => number {
  if (!config.clockSync || !hasKeys) return () => 0;
  const clock = new ClockSync({ fetchServerTime: () => rest.serverTime() });
  void clock.sync();
  return () => {
    void clock.timestamp(); // resyncs only when due
    return clock.offset;
  };
}

export function createGatewayHub(deps: GatewayHubDeps): StreamHub {
  const { config, rest, logger } = deps;
  const settings = loadSubscriptionConfig(deps.env ?? process.env);
  const keys = deps.accountKeys ?? (config.key ? [config.key] : []);
  return new StreamHub({
    wsUrl: config.wsUrl,
    keys,
    // 1000 levels is the documented maximum depth; never the cached client, whose copy may be behind the deltas.
    fetchDepth: (symbol) => rest.call('getDepth', { symbol, limit: '1000' }),
    bufferCapacity: settings.bufferCapacity,
    orderBookConflateMs: settings.orderBookConflateMs,
    windowMs: config.windowMs,
    clockOffsetMs: signingClock(config, rest, keys.length > 0),
    ...(logger !== undefined ? { logger } : {}),
    ...(deps.streamOptions !== undefined ? { streamOptions: deps.streamOptions } : {}),
  });
}
