// createGatewayHub(): the gateway's StreamHub, built from its configuration: which keys may sign private streams, fresh
// order-book snapshots from the uncached REST client, and the gateway's shared clock for signed SUBSCRIBE frames.
import type { Config } from '../config.ts';
import type { ClockSync } from '../exchange/clock.ts';
import { BackpackRest } from '../exchange/rest.ts';
import type { SigningKey } from '../exchange/sign.ts';
import type { BackpackStreamOptions, StreamLogger } from '../exchange/stream.ts';
import type { ReplicaLink } from '../redis/connection.ts';
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
  /** The fetch of the gap-filling REST readers (tests inject it; default globalThis.fetch). */
  readonly fetch?: typeof fetch;
  /**
   * The account's own REST client for a key, so gap-filling history reads spend that account's budget (its limiter);
   * default: a new client for the key.
   */
  readonly accountClient?: (key: SigningKey) => BackpackRest | undefined;
  /** The gateway's shared signing clock (none when clock sync is off or there are no keys). */
  readonly clock?: ClockSync;
  /** Exchange-socket options: reconnect timings and an injected WebSocket constructor in tests. */
  readonly streamOptions?: Partial<BackpackStreamOptions>;
  /** Replica mode: streams are shared with the other replicas through this Redis link. */
  readonly replica?: ReplicaLink;
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
    // Gap filling needs current state: uncached clients, one per account key (signed reads of its own history).
    readerFor: (key) =>
      key === undefined
        ? rest
        : (deps.accountClient?.(key) ??
          BackpackRest.fromConfig(config, {
            key,
            ...(deps.fetch !== undefined ? { fetch: deps.fetch } : {}),
            ...(deps.clock !== undefined ? { clock: deps.clock } : {}),
          })),
    bufferCapacity: settings.bufferCapacity,
    orderBookConflateMs: settings.orderBookConflateMs,
    windowMs: config.windowMs,
    ...(logger !== undefined ? { logger } : {}),
    // Private SUBSCRIBE frames sign with the gateway's one clock, the same the REST clients use.
    streamOptions: { ...deps.streamOptions, ...(deps.clock !== undefined ? { clock: deps.clock } : {}) },
    ...(deps.replica !== undefined ? { replica: deps.replica } : {}),
  });
}
