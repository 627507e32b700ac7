// Plumbing shared by the subscription fields: finding the hub, the account of private streams, symbol checks,
// and turning the end of a client queue (overflow, upstream rejection) into a GraphQL error with a stable code.
//
// How to use (a subscription field):
//   subscribe: async (_, { symbol }, ctx) => hubFor(ctx).subscribePublic(spec(await marketSymbol(ctx, symbol))),
//   resolve: (payload) => unwrap(payload),
import { GraphQLError } from 'graphql';
import { QueueFailure, SubscriptionOverflowError } from '../../streams/queue.ts';
import type { StreamHub } from '../../streams/hub.ts';
import { UpstreamStreamError } from '../../streams/topic.ts';
import type { GatewayContext } from '../context.ts';
import { requireAccount } from '../context.ts';
import { badUserInput, Unauthenticated } from '../errors.ts';

/** What graphql-ws adds to the context: the client's `connection_init` payload (the security layer reads its token). */
export interface SubscriptionContext extends GatewayContext {
  readonly connectionParams?: Readonly<Record<string, unknown>>;
}

export function hubFor(ctx: GatewayContext): StreamHub {
  const hub = ctx.streams;
  if (hub === null) {
    throw new GraphQLError('Live subscriptions are not enabled on this gateway.', {
      extensions: { code: 'SUBSCRIPTIONS_UNAVAILABLE' },
    });
  }
  return hub;
}

/**
 * The API key whose private streams this subscription may read: the caller's account, as the context factory resolved
 * it from the token in `connectionParams` (or the configured account in local mode). Clients never name an account.
 */
export function subscriptionAccount(ctx: SubscriptionContext): string {
  const { apiKey } = requireAccount(ctx);
  if (!hubFor(ctx).hasAccount(apiKey)) {
    throw new Unauthenticated(
      "Private subscriptions need the gateway to hold this account's signing key; it does not.",
    );
  }
  return apiKey;
}

const SYMBOL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * A listed market's symbol, or BAD_USER_INPUT. The exchange answers an unknown symbol with silence (no error, no
 * data), so a typo would otherwise be a subscription that never delivers anything.
 */
export async function marketSymbol(ctx: GatewayContext, symbol: string, field = 'symbol'): Promise<string> {
  if (!SYMBOL.test(symbol) || (await ctx.loaders.market.load(symbol)) === null) {
    throw badUserInput(`Unknown market ${JSON.stringify(symbol.slice(0, 64))}`, field);
  }
  return symbol;
}

export async function optionalMarketSymbol(
  ctx: GatewayContext,
  symbol: string | null | undefined,
): Promise<string | null> {
  return symbol === null || symbol === undefined ? null : marketSymbol(ctx, symbol);
}

/** The error a client sees when its subscription ends for a reason other than its own `complete`. */
export function endError(error: Error): GraphQLError {
  if (error instanceof SubscriptionOverflowError) {
    return new GraphQLError(error.message, { extensions: { code: error.code, bufferCapacity: error.capacity } });
  }
  if (error instanceof UpstreamStreamError) {
    return new GraphQLError(error.message, {
      extensions: { code: 'EXCHANGE_ERROR', exchangeCode: error.upstream.code, stream: error.stream },
    });
  }
  return new GraphQLError('The subscription ended unexpectedly.', { extensions: { code: 'SUBSCRIPTION_ENDED' } });
}

/** A queued value, or — for the queue's last item after a failure — the error that ends the subscription. */
export function unwrap<T>(payload: T | QueueFailure): T {
  if (payload instanceof QueueFailure) throw endError(payload.error);
  return payload;
}
