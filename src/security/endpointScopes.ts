// Defence in depth below the schema: the scope each exchange endpoint needs, enforced on every ctx.exchange call.
import type { EndpointDef } from '../exchange/endpoint.ts';
import { endpoints, isEndpointName } from '../exchange/endpoints.ts';
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
 * Wraps the request's exchange client so any method called with an endpoint name (`call`, `callWithMeta` …) first
 * checks the principal's scope: a resolver that forgets `authScopes` still cannot trade with a read token.
 */
export function withScopeGuard<E extends object>(exchange: E, principal: Principal): E {
  return new Proxy(exchange, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]): unknown => {
        const [name] = args;
        if (typeof name === 'string' && isEndpointName(name)) {
          const scope = endpointScope(endpoints[name]);
          if (scope !== null) requireScope(principal, scope);
        }
        // Called on the real object: classes with #private fields reject a Proxy as `this`.
        return (value as (...callArgs: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
