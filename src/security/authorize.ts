// Authorization: scope checks with typed errors, the account a principal may act as, and the Pothos scope-auth wiring.
import type { Account, Accounts } from './accounts.ts';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';
import { hasScope, isScope, type Principal, type Scope } from './principal.ts';

export type AuthenticatedPrincipal = Exclude<Principal, { kind: 'anonymous' }>;

/** Throws UnauthenticatedError (no token) or ForbiddenError (token without `scope`); returns the principal otherwise. */
export function requireScope(principal: Principal, scope: Scope): AuthenticatedPrincipal {
  if (principal.kind === 'anonymous') {
    throw new UnauthenticatedError(
      `This needs a gateway token with the "${scope}" scope: send \`Authorization: Bearer <token>\`.`,
    );
  }
  if (!hasScope(principal, scope)) throw new ForbiddenError(scope);
  return principal;
}

/**
 * The one account this principal may act as (its token's account; the local account in local mode), or null for
 * anonymous callers. There is no way to name another account: a token for A never reaches B.
 */
export function accountFor(principal: Principal, accounts: Accounts): Account | null {
  if (principal.kind === 'anonymous') return null;
  const account = accounts.get(principal.account);
  // Tokens are validated against the accounts at startup, so this only fails on a wiring bug: fail closed.
  if (account === undefined)
    throw new UnauthenticatedError('The gateway token names an account that is not configured.');
  return account;
}

/** Pothos scope-auth scopes: `public` is always granted (the admission plugin enforces GATEWAY_PUBLIC_REQUIRES_TOKEN). */
export interface GatewayAuthScopes {
  public: boolean;
  read: boolean;
  trade: boolean;
  withdraw: boolean;
}

/**
 * The scope map for one request. Paste into src/schema/builder.ts:
 *
 *   import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
 *   import { authScopes, scopeAuthError, type GatewayAuthScopes } from '../security/authorize.ts';
 *   export interface GatewaySchemaTypes { Context: GatewayContext; AuthScopes: GatewayAuthScopes; Scalars: … }
 *   new SchemaBuilder<GatewaySchemaTypes>({
 *     plugins: [ScopeAuthPlugin, ErrorsPlugin, SimpleObjectsPlugin],      // scope-auth first: it runs before resolvers
 *     scopeAuth: {
 *       authorizeOnSubscribe: true,                                       // check subscriptions once, at subscribe time
 *       authScopes: (ctx) => authScopes(ctx.principal),
 *       unauthorizedError: (_parent, ctx, _info, result) => scopeAuthError(ctx.principal, result),
 *     }, …
 *   });
 * Fields then say `authScopes: { read: true }` (account queries/subscriptions), `{ trade: true }` or `{ withdraw: true }`.
 */
export function authScopes(principal: Principal): GatewayAuthScopes {
  return {
    public: true,
    read: hasScope(principal, 'read'),
    trade: hasScope(principal, 'trade'),
    withdraw: hasScope(principal, 'withdraw'),
  };
}

/** The shape of scope-auth's ForbiddenResult that we read (kept structural so this module needs no Pothos types). */
interface ScopeFailure {
  readonly kind: string;
  readonly scope?: string;
  readonly failures?: readonly ScopeFailure[];
}

function missingScope(failure: ScopeFailure): Scope | null {
  if (isScope(failure.scope)) return failure.scope;
  for (const inner of failure.failures ?? []) {
    const scope = missingScope(inner);
    if (scope) return scope;
  }
  return null;
}

/** scope-auth's `unauthorizedError`: UNAUTHENTICATED for anonymous callers, FORBIDDEN naming the missing scope otherwise. */
export function scopeAuthError(principal: Principal, result: { readonly failure: ScopeFailure }): Error {
  const scope = missingScope(result.failure);
  if (principal.kind === 'anonymous') {
    return new UnauthenticatedError(
      scope
        ? `This needs a gateway token with the "${scope}" scope: send \`Authorization: Bearer <token>\`.`
        : undefined,
    );
  }
  return new ForbiddenError(scope);
}
