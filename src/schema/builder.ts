// The one Pothos builder: its type parameters (context, scalars) and plugins. Domain files import `builder` from here.
//
// How to use (a domain file under src/schema/):
//   import { builder } from './builder.ts';
//   builder.queryField('markets', (t) => t.field({ type: [Market], description: '…', resolve: (_, args, ctx) => … }));
//   builder.mutationField('cancelOrder', (t) => t.field({ type: Order, errors: mutationErrors('…'), … }));
// - `ctx` is a GatewayContext (./context.ts): `ctx.exchange.call(name, params)`, `ctx.loaders.*`, `ctx.account`.
// - Scalars: 'Decimal' (exact decimal strings) and 'Timestamp' (ISO UTC out, epoch ms in): see ./scalars.ts.
// - Fields are non-null unless `nullable: true`; every type, field and argument gets a `description`.
// - Plugin slots: scope-auth, errors (typed mutation results, ./errors.ts), simple-objects, complexity (list sizes
//   for the operation cost, ./listSize.ts; a field may set its own `complexity`), wireDecode (`Timestamp`/`Decimal`/`ID`
//   fields return the wire value; ./wire/decode.ts turns it into the output form) and marketSymbol (every market
//   `symbol` argument is checked against the catalog first: ./symbols/plugin.ts).
// - Account fields say `authScopes: { read: true }`, trading mutations `{ trade: true }`, withdrawal/2FA ones
//   `{ withdraw: true }` (src/security/principal.ts). A missing scope is a top-level GraphQLError, UNAUTHENTICATED
//   (no token) or FORBIDDEN (token without the scope), raised before the resolver runs, so nothing reaches the exchange.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin from '@pothos/plugin-errors';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { authScopes, scopeAuthError, type GatewayAuthScopes } from '../security/authorize.ts';
import { NO_KEYS_MESSAGE, UnauthenticatedError } from '../security/errors.ts';
import type { GatewayContext } from './context.ts';
import { listSizeComplexity } from './listSize.ts';
import type { TimestampOutput } from './scalars.ts';
import { marketSymbolPlugin } from './symbols/plugin.ts';
import { wireDecodePlugin } from './wire/decodePlugin.ts';

export interface GatewaySchemaTypes {
  Context: GatewayContext;
  AuthScopes: GatewayAuthScopes;
  Scalars: {
    /** Exact decimal string in; out, the wire value as a string or number (decoded by ./wire/decode.ts). */
    Decimal: { Input: string; Output: string | number | bigint };
    /** Epoch milliseconds in (resolvers receive a number); out, any wire form (decoded by ./wire/decode.ts). */
    Timestamp: { Input: number; Output: TimestampOutput };
    /** Ids are opaque strings; the exchange's numeric ids are converted losslessly before they get here. */
    ID: { Input: string; Output: string | number | bigint };
  };
}

export const builder = new SchemaBuilder<GatewaySchemaTypes>({
  // Scope-auth first: a refused field never reaches the errors plugin or its resolver (no exchange call).
  plugins: [ScopeAuthPlugin, ErrorsPlugin, SimpleObjectsPlugin, ComplexityPlugin, wireDecodePlugin, marketSymbolPlugin],
  // Field costs and list sizes only: the whole operation is priced and refused before execution by the security
  // layer (src/security/cost.ts), not by the plugin's own check inside the first root resolver.
  complexity: { fieldComplexity: listSizeComplexity, disabled: true },
  scopeAuth: {
    // Subscriptions are checked once, when they start (not per event).
    authorizeOnSubscribe: true,
    authScopes: (ctx) => authScopes(ctx.principal),
    // Anonymous in local mode means no keys are configured: say that rather than ask for a token nobody can mint.
    unauthorizedError: (_parent, ctx, _info, result) =>
      ctx.principal.kind === 'anonymous' && ctx.authMode === 'local'
        ? new UnauthenticatedError(NO_KEYS_MESSAGE)
        : scopeAuthError(ctx.principal, result),
  },
  errors: {
    // Each mutation lists its error classes explicitly (MUTATION_ERRORS in ./errors.ts); nothing is implicit.
    defaultTypes: [],
    defaultUnionOptions: { description: 'Outcome of a mutation: its Success type or one of the MutationError types.' },
    defaultResultOptions: { description: 'The mutation succeeded; its payload is in `data`.' },
  },
});

// Root types live here so that several domain files (and several engineers) can add fields to them.
builder.queryType({ description: 'Read Backpack Exchange data: public market data and, with keys, the account.' });
builder.mutationType({ description: 'Act on the configured Backpack account (requires API keys).' });
builder.subscriptionType({ description: 'Live market and account data pushed over graphql-ws.' });
// Until a root type has fields it is dropped from the served schema (./index.ts), so partial work stays valid.

/** The builder's resolved type parameters, for helpers that build refs generically (enums, pages). */
export type BuilderTypes = PothosSchemaTypes.ExtendDefaultTypes<GatewaySchemaTypes>;
