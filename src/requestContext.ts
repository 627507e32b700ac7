// The gateway's context factory: one plain GatewayContext per GraphQL operation (HTTP request or graphql-ws
// operation), and the one place where a caller's exchange client is composed (signer, scope check, recording).
import type { IncomingMessage } from 'node:http';
import type { CachedExchange, ReadRecorder, Upstream } from './exchange/cache.ts';
import { createContext, type GatewayContext } from './schema/context.ts';
import type { WireWarnings } from './schema/wire/decodePlugin.ts';
import type { Account } from './security/accounts.ts';
import { endpointScopeCheck } from './security/endpointScopes.ts';
import type { Principal } from './security/principal.ts';
import type { StreamHub } from './streams/hub.ts';

/** What yoga (HTTP) and the graphql-ws transport hand the context factory. */
export interface InitialContext {
  readonly request?: Request;
  readonly req?: IncomingMessage;
}

export interface RequestContextDeps {
  /** The shared cache: every caller's view reads public data from it, so public reads coalesce across callers. */
  readonly exchange: CachedExchange;
  /** The client signing as `account` (kept by the caller, one per account); undefined: the shared upstream signs. */
  readonly signerFor: (account: Account) => Upstream | undefined;
  /** The principal of a request or connection; throws UNAUTHENTICATED on a bad token. */
  readonly identify: (initial: InitialContext) => Principal;
  /** The one account a principal acts as (null for anonymous callers). */
  readonly accountFor: (principal: Principal) => Account | null;
  readonly authMode: 'local' | 'tokens';
  /** The exchange-stream hub behind the Subscription fields (null: none). */
  readonly streams: StreamHub | null;
  /** The response cache's recorder when it is computing this request's response (src/execution/responseCache.ts). */
  readonly recorderFor?: (initial: InitialContext) => ReadRecorder | undefined;
  /** Where a wire value the decoder cannot read is reported (the gateway's logger). */
  readonly wireWarnings?: WireWarnings;
  /** The request id the operation log echoes (x-request-id or a fresh one); default: the client's sane header. */
  readonly requestIdOf?: (initial: InitialContext) => string | undefined;
}

/**
 * The caller's exchange client, composed once per operation into one view of the shared cache. On every call the view
 * applies, in this order:
 *  1. the scope check on the endpoint row being called, first, so a refused call reaches neither the recorder, the
 *     cache nor the exchange (a resolver that forgets `authScopes` still cannot reach a private endpoint);
 *  2. the recorder, which sees every allowed call, so a memoized response is only kept when all of its reads were
 *     fresh public reads;
 *  3. the signer, the account's own client, for private and write calls; public GETs go through the shared cache.
 */
export function callerExchange(
  shared: CachedExchange,
  caller: {
    readonly principal: Principal;
    readonly signer?: Upstream | undefined;
    readonly recorder?: ReadRecorder | undefined;
  },
): CachedExchange {
  return shared.view({
    check: endpointScopeCheck(caller.principal),
    ...(caller.signer !== undefined ? { signer: caller.signer } : {}),
    ...(caller.recorder !== undefined ? { recorder: caller.recorder } : {}),
  });
}

/** The client's x-request-id: from the fetch Request over HTTP, from the upgrade request over graphql-ws. */
function requestIdOf(initial: InitialContext): string | null {
  const fromFetch = initial.request?.headers?.get?.('x-request-id');
  if (fromFetch) return fromFetch;
  const fromNode = initial.req?.headers['x-request-id'];
  return typeof fromNode === 'string' ? fromNode : null;
}

/** yoga's `context` option: identifies the caller, then builds the operation's context around its exchange client. */
export function createRequestContext(deps: RequestContextDeps): (initial: InitialContext) => GatewayContext {
  return (initial) => {
    const principal = deps.identify(initial);
    const account = deps.accountFor(principal);
    const exchange = callerExchange(deps.exchange, {
      principal,
      signer: account === null ? undefined : deps.signerFor(account),
      recorder: deps.recorderFor?.(initial),
    });
    return createContext(
      {
        exchange,
        account: account ? { apiKey: account.apiKey } : null,
        principal,
        authMode: deps.authMode,
        streams: deps.streams,
        ...(deps.wireWarnings !== undefined ? { wireWarnings: deps.wireWarnings } : {}),
      },
      deps.requestIdOf?.(initial) ?? requestIdOf(initial),
    );
  };
}
