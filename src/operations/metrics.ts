// Prometheus metrics at /metrics: the GraphQL operation metrics (graphqlMetrics.ts) plus the gateway's own upstream, limiter, cache,
// socket, subscription and order-book numbers. Labels carry endpoint and account names, never keys or tokens.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { OnSubscribeHookResult } from '@envelop/core';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { CacheLookup, EndpointName } from '../exchange/cache.ts';
import type { RateClass } from '../exchange/endpoint.ts';
import type { BackpackRest, RequestInfo } from '../exchange/rest.ts';
import { SlottedCounter, type CounterSlot } from './counterSlots.ts';
import { withNativeHooks } from '../http/native/hooks.ts';
import type { HubStatus } from '../streams/hub.ts';
import { useDeprecatedFieldCounter } from './deprecatedFields.ts';
import { useGraphQLMetrics } from './graphqlMetrics.ts';
import type { OperationNameLabels } from './operationNames.ts';

export const METRICS_PATH = '/metrics';

export interface MetricsAccess {
  /** Whether this caller may read metrics even off loopback (a token with the `metrics` scope). */
  readonly allowed: (request: Request) => boolean;
}

/** Loopback peers (IPv4, IPv6 and IPv4-mapped IPv6). */
export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (/^127\./.test(address) || address === '::1' || /^::ffff:127\./.test(address));
}

/** A bad token is simply not allowed (no 401 dance for a scraper). */
function allowedSafely(access: MetricsAccess, request: Request): boolean {
  try {
    return access.allowed(request);
  } catch {
    return false;
  }
}

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly upstreamRequests = new Counter({
    name: 'backpack_upstream_requests_total',
    help: 'REST calls to the exchange by endpoint and HTTP status (or timeout/network when there was no answer).',
    labelNames: ['endpoint', 'status'] as const,
    registers: [this.registry],
  });
  private readonly upstreamDuration = new Histogram({
    name: 'backpack_upstream_request_duration_seconds',
    help: 'Duration of one REST attempt to the exchange.',
    labelNames: ['endpoint'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly cacheRequests = new SlottedCounter({
    name: 'backpack_cache_requests_total',
    help: 'Public GETs by how the shared cache answered them: hit, stale, coalesced or miss.',
    labelNames: ['endpoint', 'result'] as const,
    registers: [this.registry],
  });
  /** Every exchange call is counted: its slots by endpoint and result, bound once. */
  private readonly cacheSlots = new Map<
    EndpointName,
    Partial<Record<CacheLookup, CounterSlot<'endpoint' | 'result'>>>
  >();
  private readonly subscriptionsActive = new Gauge({
    name: 'backpack_subscriptions_active',
    help: 'Open GraphQL subscriptions by root field.',
    labelNames: ['field'] as const,
    registers: [this.registry],
  });
  private readonly limiters = new Map<string, BackpackRest>();
  private streams: (() => HubStatus | undefined) | undefined;
  private readonly seenReconnects = new Map<string, number>();
  private readonly seenResyncs = new Map<string, number>();

  /** @param operationNames the bounded `operationName` label of the GraphQL metrics */
  constructor(private readonly operationNames: OperationNameLabels) {
    const limiters = this.limiters;
    new Gauge({
      name: 'backpack_rate_limiter_queue_depth',
      help: 'Requests waiting for the client-side rate budget, by account and rate class.',
      labelNames: ['account', 'class'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [account, rest] of limiters) {
          for (const rateClass of ['standard', 'historical'] as const satisfies readonly RateClass[]) {
            this.set({ account, class: rateClass }, rest.queueDepth(rateClass));
          }
        }
      },
    });
    new Gauge({
      name: 'backpack_ws_connected',
      help: '1 while the exchange WebSocket is open, 0 otherwise (public socket and one per account).',
      labelNames: ['socket'] as const,
      registers: [this.registry],
      // Socket and book numbers live in the hub: scraping this gauge (registered before the two counters) reads them.
      collect() {
        readStreams(this);
      },
    });
    const reconnects = new Counter({
      name: 'backpack_ws_reconnects_total',
      help: 'Reconnects of each exchange WebSocket.',
      labelNames: ['socket'] as const,
      registers: [this.registry],
    });
    const resyncs = new Counter({
      name: 'backpack_orderbook_resyncs_total',
      help: 'Local order-book resyncs (fresh snapshot) by symbol and the reason of the latest one.',
      labelNames: ['symbol', 'reason'] as const,
      registers: [this.registry],
    });
    const readStreams = (connected: Gauge<'socket'>): void => {
      const status = this.streams?.();
      if (status === undefined) return;
      let accounts = 0;
      for (const connection of status.connections) {
        const socket = connection.kind === 'public' ? 'public' : `account${accounts++ === 0 ? '' : accounts}`;
        connected.set({ socket }, connection.state === 'open' ? 1 : 0);
        this.countUp(this.seenReconnects, socket, connection.reconnects, (delta) => reconnects.inc({ socket }, delta));
        reconnects.inc({ socket }, 0);
      }
      for (const book of status.orderBooks) {
        const reason = book.lastResyncReason ?? 'unknown';
        this.countUp(this.seenResyncs, book.symbol, book.counters.resyncs, (delta) =>
          resyncs.inc({ symbol: book.symbol, reason }, delta),
        );
      }
    };
  }

  /** The REST client's `onRequest` hook. */
  readonly onUpstreamRequest = (info: RequestInfo): void => {
    const endpoint = `${info.method} ${info.path}`;
    this.upstreamRequests.inc({
      endpoint,
      status: info.status !== undefined ? String(info.status) : (info.error ?? 'error'),
    });
    this.upstreamDuration.observe({ endpoint }, info.durationMs / 1000);
  };

  /** The shared cache's `onLookup` hook. */
  readonly onCacheLookup = (name: EndpointName, result: CacheLookup): void => {
    let slots = this.cacheSlots.get(name);
    if (slots === undefined) {
      slots = {};
      this.cacheSlots.set(name, slots);
    }
    (slots[result] ??= this.cacheRequests.slot({ endpoint: name, result })).inc();
  };

  /** Reports this client's limiter queue under the account's name. */
  watchLimiter(account: string, rest: BackpackRest): void {
    this.limiters.set(account, rest);
  }

  watchStreams(status: () => HubStatus | undefined): void {
    this.streams = status;
  }

  /** GraphQL metrics (operations, durations, errors by operation name) and open subscriptions. */
  plugins(): Plugin[] {
    const active = this.subscriptionsActive;
    // One set of hooks per subscription field, shared by its subscriptions: a subscription keeps its hooks for its
    // whole life, so hooks made per subscription would cost each idle subscriber memory.
    const hooksByField = new Map<string, OnSubscribeHookResult<unknown>>();
    const hooksFor = (field: string): OnSubscribeHookResult<unknown> => {
      let hooks = hooksByField.get(field);
      if (hooks === undefined) {
        const end = {
          onEnd() {
            active.dec({ field });
          },
        };
        hooks = {
          onSubscribeResult({ result }) {
            if (typeof result !== 'object' || !(Symbol.asyncIterator in result)) return undefined;
            active.inc({ field });
            return end;
          },
        };
        hooksByField.set(field, hooks);
      }
      return hooks;
    };
    const subscriptions: Plugin = {
      onSubscribe({ args }) {
        const operation = getOperationAST(args.document, args.operationName);
        const first = operation?.selectionSet.selections[0];
        // Field names come from validated documents, so the map is bounded by the schema's subscription fields.
        return hooksFor(first?.kind === 'Field' ? first.name.value : 'unknown');
      },
    };
    return [
      useGraphQLMetrics(this.registry, this.operationNames),
      useDeprecatedFieldCounter(this.registry, this.operationNames),
      subscriptions,
    ];
  }

  /** Serves METRICS_PATH to loopback peers and to callers `access` admits; everyone else gets 403. */
  endpointPlugin(access: MetricsAccess): Plugin<{ req?: IncomingMessage }> {
    return withNativeHooks<Plugin<{ req?: IncomingMessage }>>(
      {
        onRequest: async ({ url, request, serverContext, endResponse }) => {
          if (url.pathname !== METRICS_PATH) return;
          const peer = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket.remoteAddress;
          if (!isLoopback(peer) && !allowedSafely(access, request)) {
            endResponse(
              Response.json(
                { error: 'metrics are served to loopback or a token with the metrics scope' },
                { status: 403 },
              ),
            );
            return;
          }
          endResponse(await this.response());
        },
      },
      { accepts: (request) => request.pathname !== METRICS_PATH },
    );
  }

  /** A separate listener for METRICS_PATH only (GATEWAY_METRICS_PORT). */
  async listen(port: number, host: string): Promise<Server> {
    const server = createServer((req, res) => {
      if ((req.url ?? '').split('?')[0] !== METRICS_PATH) {
        res.writeHead(404).end();
        return;
      }
      void this.registry
        .metrics()
        .then((text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return server;
  }

  private async response(): Promise<Response> {
    return new Response(await this.registry.metrics(), { headers: { 'content-type': this.registry.contentType } });
  }

  private countUp(seen: Map<string, number>, key: string, total: number, inc: (delta: number) => void): void {
    const delta = total - (seen.get(key) ?? 0);
    if (delta > 0) inc(delta);
    seen.set(key, total);
  }
}
