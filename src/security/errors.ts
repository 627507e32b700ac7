// The security layer's GraphQL errors: stable `extensions.code`s and HTTP statuses, passed through error masking as-is.
import { GraphQLError } from 'graphql';
import type { Scope } from './principal.ts';

/** Why account data is refused in local mode without keys (no token could help: there is no account to act as). */
export const NO_KEYS_MESSAGE =
  'This field needs the gateway to be configured with Backpack API keys (BACKPACK_API_SECRET); none are set.';

/**
 * No token, or a token the gateway does not recognise. `wholeRequest` errors (bad token, public data needs a token)
 * answer HTTP 401; a field-level one keeps the partial result's 200 so the other fields still arrive.
 */
export class UnauthenticatedError extends GraphQLError {
  constructor(
    message = 'A valid gateway token is required: send `Authorization: Bearer <token>`.',
    wholeRequest = false,
  ) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', ...(wholeRequest ? { http: { status: 401 } } : {}) } });
    this.name = 'UnauthenticatedError';
  }
}

/** A valid token that lacks the scope the field needs. */
export class ForbiddenError extends GraphQLError {
  readonly scope: Scope | null;
  constructor(scope: Scope | null, message?: string) {
    super(
      message ?? (scope ? `This gateway token lacks the "${scope}" scope.` : 'This gateway token may not do this.'),
      {
        extensions: { code: 'FORBIDDEN', ...(scope ? { requiredScope: scope } : {}) },
      },
    );
    this.name = 'ForbiddenError';
    this.scope = scope;
  }
}

/**
 * The caller's gateway budget is spent: its requests per minute, or (`budget: 'cost'`) the estimated cost per minute;
 * `retryAfterMs` says when the next one fits. HTTP 429.
 */
export class RateLimitedError extends GraphQLError {
  readonly retryAfterMs: number;
  constructor(retryAfterMs: number, budget: 'requests' | 'cost' = 'requests') {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(
      budget === 'cost'
        ? `This caller's query cost budget at the gateway is spent; retry in ${seconds}s.`
        : `Too many requests to the gateway; retry in ${seconds}s.`,
      {
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterMs,
          ...(budget === 'cost' ? { budget } : {}),
          http: { status: 429, headers: { 'Retry-After': String(seconds) } },
        },
      },
    );
    this.name = 'RateLimitedError';
    this.retryAfterMs = retryAfterMs;
  }
}

/** The operation's estimated cost is above GATEWAY_MAX_COST: refused before anything ran. */
export class CostLimitError extends GraphQLError {
  constructor(cost: number, maxCost: number) {
    super(
      `This operation's estimated cost ${cost} is above the gateway's limit of ${maxCost}: select fewer fields or ` +
        'fewer rows (smaller `limit`s, fewer nested lists).',
      { extensions: { code: 'COST_LIMIT', cost, maxCost } },
    );
    this.name = 'CostLimitError';
  }
}
