// Who is calling: the scopes a gateway token can hold and the Principal every request is resolved to.

/**
 * - `read`: account data (balances, orders, fills, positions, history, addresses, settings) and account streams.
 * - `trade`: orders, RFQ, strategies, borrow-lend, vaults and account settings mutations.
 * - `withdraw`: withdrawals, the withdrawal delay and 2FA.
 * - `metrics`: the Prometheus text at /metrics from off loopback (operators' scrapers).
 * Scopes are independent: `trade` and `withdraw` do not imply `read` (mint `read trade` for a bot that also reads).
 */
export const SCOPES = ['read', 'trade', 'withdraw', 'metrics'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

export type Principal =
  /** No token (or local mode without keys): public market data only. */
  | { readonly kind: 'anonymous' }
  /** A caller that presented a valid gateway token. */
  | { readonly kind: 'token'; readonly name: string; readonly account: string; readonly scopes: readonly Scope[] }
  /** Local mode (keys, no tokens, loopback-only bind): the single configured account with every scope. */
  | { readonly kind: 'local'; readonly account: string; readonly scopes: readonly Scope[] };

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.kind !== 'anonymous' && principal.scopes.includes(scope);
}

/** A short, secret-free label for logs and rate-limit keys. */
export function principalLabel(principal: Principal): string {
  if (principal.kind === 'token') return `token:${principal.name}`;
  if (principal.kind === 'local') return `local:${principal.account}`;
  return 'anonymous';
}
