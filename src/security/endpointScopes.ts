// Defence in depth below the schema: the scope each exchange endpoint needs, checked on every ctx.exchange call.
import type { EndpointDef } from '../exchange/endpoint.ts';
import { requireScope } from './authorize.ts';
import type { Principal, Scope } from './principal.ts';

// Moving money off the exchange or weakening its guard: withdrawals, the withdrawal delay, 2FA tokens.
const WITHDRAW_PATHS = [/^\/wapi\/v1\/capital\/withdrawals(\/|$)/, /^\/wapi\/v1\/user\/2fa$/];

/**
 * null for public endpoints; otherwise GETs need `read`, writes on withdrawal/2FA paths need `withdraw`, and every
 * other write (orders, RFQ, strategies, borrow-lend, vaults, settings, dust) needs `trade`. Derived from the table,
 * so a new endpoint is classified the moment it is added.
 */
export function endpointScope(def: Pick<EndpointDef, 'auth' | 'method' | 'path'>): Scope | null {
  if (def.auth.kind === 'public') return null;
  if (def.method === 'GET') return 'read';
  return WITHDRAW_PATHS.some((pattern) => pattern.test(def.path)) ? 'withdraw' : 'trade';
}

/**
 * The caller's check on the endpoint row being called (CachedExchange runs it before anything else): a resolver that
 * forgets `authScopes` still cannot trade with a read token, nor read account data anonymously.
 */
export function endpointScopeCheck(principal: Principal): (def: Pick<EndpointDef, 'auth' | 'method' | 'path'>) => void {
  return (def) => {
    const scope = endpointScope(def);
    if (scope !== null) requireScope(principal, scope);
  };
}
