// The per-request GraphQL context: the exchange client, this request's DataLoaders, the configured account, a request id.
//
// How to use (resolvers):
//   ctx.exchange.call('getDepth', { symbol, limit: '20' })     // typed by the endpoint table; public GETs cached
//   ctx.exchange.callWithMeta('getFillHistory', {...})          // + pagination meta (see ./pagination.ts)
//   ctx.loaders.ticker.load({ symbol })                         // batched per request (src/loaders.ts)
//   const account = requireAccount(ctx)                         // private fields: UNAUTHENTICATED without keys
import { randomUUID } from 'node:crypto';
import type { CachedExchange } from '../exchange/cache.ts';
import { createLoaders, type Loaders } from '../loaders.ts';
import { Unauthenticated } from './errors.ts';

/** The account whose keys the gateway signs with. Only the public key is here; the secret stays in the adapter. */
export interface ConfiguredAccount {
  readonly apiKey: string;
}

export interface GatewayContext {
  /** Every exchange call: public GETs are cached and coalesced across requests, others go straight through. */
  readonly exchange: CachedExchange;
  /** DataLoaders created for this request only. */
  readonly loaders: Loaders;
  /** null when no API keys are configured: private fields then fail with UNAUTHENTICATED. */
  readonly account: ConfiguredAccount | null;
  /** Correlates logs of one GraphQL request (x-request-id when the client sent a sane one). */
  readonly requestId: string;
}

export interface ContextDeps {
  readonly exchange: CachedExchange;
  readonly account: ConfiguredAccount | null;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds a fresh context (and fresh loaders) for one request. */
export function createContext(deps: ContextDeps, requestId?: string | null): GatewayContext {
  return {
    exchange: deps.exchange,
    loaders: createLoaders(deps.exchange),
    account: deps.account,
    requestId: requestId && REQUEST_ID.test(requestId) ? requestId : randomUUID(),
  };
}

/** The configured account, or an Unauthenticated error (UNAUTHENTICATED on queries, a union member on mutations). */
export function requireAccount(ctx: GatewayContext): ConfiguredAccount {
  if (!ctx.account) {
    throw new Unauthenticated(
      'This field needs the gateway to be configured with Backpack API keys (BACKPACK_API_SECRET); none are set.',
    );
  }
  return ctx.account;
}
