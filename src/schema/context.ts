// The per-request GraphQL context: one plain object per operation holding the caller (principal, account, a caller key),
// the exchange client composed for that caller, the stream hub, this request's DataLoaders and a request id.
//
// How to use (resolvers):
//   ctx.exchange.call('getDepth', { symbol, limit: '20' })     // typed by the endpoint table; public GETs cached
//   ctx.exchange.callWithMeta('getFillHistory', {...})          // + pagination meta (see ./pagination.ts)
//   ctx.loaders.ticker.load({ symbol })                         // batched per request (src/loaders.ts)
//   const account = requireAccount(ctx)                         // private fields: UNAUTHENTICATED without keys
//   hubFor(ctx).subscribePublic(...)                            // live streams (./subscriptions/shared.ts)
// Scopes are enforced before resolvers run (`authScopes` on fields, ./builder.ts) and again on every exchange call
// (the endpoint check composed into `exchange` by src/requestContext.ts); resolvers never pick an account:
// `ctx.account` is the caller's.
import { randomUUID } from 'node:crypto';
import type { CachedExchange } from '../exchange/cache.ts';
import { createLoaders, type Loaders } from '../loaders.ts';
import { DEFAULT_ACCOUNT } from '../security/accounts.ts';
import { NO_KEYS_MESSAGE } from '../security/errors.ts';
import { ANONYMOUS, principalLabel, SCOPES, type Principal } from '../security/principal.ts';
import type { StreamHub } from '../streams/hub.ts';
import { Unauthenticated } from './errors.ts';
import type { WireWarnings } from './wire/decodePlugin.ts';

/** The account whose keys the gateway signs with for this caller. Only the public key is here; the secret stays in the adapter. */
export interface ConfiguredAccount {
  readonly apiKey: string;
}

export interface GatewayContext {
  /** Who is calling: anonymous, a gateway token (account + scopes) or the local-mode caller. */
  readonly principal: Principal;
  /** `tokens` when callers authenticate with gateway tokens (GATEWAY_TOKENS_FILE); shapes error messages. */
  readonly authMode: 'local' | 'tokens';
  /** Every exchange call: public GETs are cached and coalesced across requests, others go straight through. */
  readonly exchange: CachedExchange;
  /** DataLoaders created for this request only. */
  readonly loaders: Loaders;
  /** The caller's account; null for anonymous callers (or no keys): private fields then fail with UNAUTHENTICATED. */
  readonly account: ConfiguredAccount | null;
  /**
   * Who the operation runs as, as a key: principal and account. Operations with the same key see the same data
   * (subscription results are shared between subscribers with the same key, src/execution/sharedSubscriptions.ts).
   */
  readonly caller: string;
  /** The exchange-stream hub behind the Subscription fields; null where live subscriptions are not served. */
  readonly streams: StreamHub | null;
  /** Correlates logs of one GraphQL request (x-request-id when the client sent a sane one). */
  readonly requestId: string;
  /** Where a wire value the decoder cannot read is reported (the gateway's logger). */
  readonly wireWarnings?: WireWarnings;
}

export interface ContextDeps {
  /** Already signing as `account` and checking `principal`'s scopes (src/requestContext.ts composes it). */
  readonly exchange: CachedExchange;
  readonly account: ConfiguredAccount | null;
  /** Default: the local-mode caller with every scope when `account` is set, anonymous otherwise (tests, benches). */
  readonly principal?: Principal;
  readonly authMode?: 'local' | 'tokens';
  /** Default: none (subscription fields then answer SUBSCRIPTIONS_UNAVAILABLE). */
  readonly streams?: StreamHub | null;
  readonly wireWarnings?: WireWarnings;
}

const LOCAL: Principal = Object.freeze({ kind: 'local', account: DEFAULT_ACCOUNT, scopes: SCOPES });

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds a fresh context (and fresh loaders) for one request. */
export function createContext(deps: ContextDeps, requestId?: string | null): GatewayContext {
  const principal = deps.principal ?? (deps.account ? LOCAL : ANONYMOUS);
  return {
    principal,
    authMode: deps.authMode ?? 'local',
    exchange: deps.exchange,
    loaders: createLoaders(deps.exchange),
    account: deps.account,
    caller: `${principalLabel(principal)}@${deps.account?.apiKey ?? ''}`,
    streams: deps.streams ?? null,
    requestId: requestId && REQUEST_ID.test(requestId) ? requestId : randomUUID(),
    ...(deps.wireWarnings ? { wireWarnings: deps.wireWarnings } : {}),
  };
}

/** The configured account, or an Unauthenticated error (UNAUTHENTICATED on queries, a union member on mutations). */
export function requireAccount(ctx: GatewayContext): ConfiguredAccount {
  if (!ctx.account) {
    throw new Unauthenticated(
      ctx.authMode === 'tokens'
        ? 'This field needs a gateway token for an account: send `Authorization: Bearer <token>`.'
        : NO_KEYS_MESSAGE,
    );
  }
  return ctx.account;
}
