// The per-request GraphQL context: the caller (principal), the exchange client signing as the caller's account, this
// request's DataLoaders, that account, a request id.
//
// How to use (resolvers):
//   ctx.exchange.call('getDepth', { symbol, limit: '20' })     // typed by the endpoint table; public GETs cached
//   ctx.exchange.callWithMeta('getFillHistory', {...})          // + pagination meta (see ./pagination.ts)
//   ctx.loaders.ticker.load({ symbol })                         // batched per request (src/loaders.ts)
//   const account = requireAccount(ctx)                         // private fields: UNAUTHENTICATED without keys
// Scopes are enforced before resolvers run (`authScopes` on fields, ./builder.ts) and again on every signed exchange
// call (`withScopeGuard`, wired in src/server.ts); resolvers never pick an account: `ctx.account` is the caller's.
import { randomUUID } from 'node:crypto';
import type { CachedExchange } from '../exchange/cache.ts';
import { createLoaders, type Loaders } from '../loaders.ts';
import { DEFAULT_ACCOUNT } from '../security/accounts.ts';
import { NO_KEYS_MESSAGE } from '../security/errors.ts';
import { ANONYMOUS, SCOPES, type Principal } from '../security/principal.ts';
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
  /** Correlates logs of one GraphQL request (x-request-id when the client sent a sane one). */
  readonly requestId: string;
  /** Where a wire value the decoder cannot read is reported (the gateway's logger). */
  readonly wireWarnings?: WireWarnings;
}

export interface ContextDeps {
  /** Already signing as `account` and scope-guarded for `principal` (src/server.ts). */
  readonly exchange: CachedExchange;
  readonly account: ConfiguredAccount | null;
  /** Default: the local-mode caller with every scope when `account` is set, anonymous otherwise (tests, benches). */
  readonly principal?: Principal;
  readonly authMode?: 'local' | 'tokens';
  readonly wireWarnings?: WireWarnings;
}

const LOCAL: Principal = Object.freeze({ kind: 'local', account: DEFAULT_ACCOUNT, scopes: SCOPES });

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds a fresh context (and fresh loaders) for one request. */
export function createContext(deps: ContextDeps, requestId?: string | null): GatewayContext {
  return {
    principal: deps.principal ?? (deps.account ? LOCAL : ANONYMOUS),
    authMode: deps.authMode ?? 'local',
    exchange: deps.exchange,
    loaders: createLoaders(deps.exchange),
    account: deps.account,
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
