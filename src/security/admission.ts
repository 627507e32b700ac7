// Per-operation admission (HTTP and graphql-ws alike): GATEWAY_PUBLIC_REQUIRES_TOKEN and the per-caller request budget.
import type { Plugin } from '@envelop/core';
import type { ExecutionResult } from 'graphql';
import { RateLimitedError, UnauthenticatedError } from './errors.ts';
import { clientAddress, identifyContext, type Identify } from './identity.ts';
import { principalLabel, type Principal } from './principal.ts';
import { TokenBuckets } from './rateLimit.ts';

export interface AdmissionSettings {
  readonly identify: Identify;
  /** Operations per minute per token (and for the local-mode caller). */
  readonly perMinute: number;
  /** Operations per minute per client IP for anonymous callers. */
  readonly anonymousPerMinute: number;
  /** Anonymous callers are refused even public market data. */
  readonly publicRequiresToken: boolean;
  readonly now?: () => number;
}

/**
 * The admission plugin runs before every execute/subscribe, so each operation of a batch and each subscription counts
 * once (parsing and validation happen before it and are bounded by the query limits instead). The plugin plus its check, for transports that answer without executing (the response cache charges a memoized
 * answer to the same budget): `refusal(context)` takes one operation from the caller's budget, or says why not.
 */
export function createAdmission(settings: AdmissionSettings): {
  plugin: Plugin;
  refusal: (context: object) => ExecutionResult | null;
} {
  const authenticated = new TokenBuckets(settings.perMinute, settings.now);
  const anonymous = new TokenBuckets(settings.anonymousPerMinute, settings.now);

  const refusal = (context: object): ExecutionResult | null => {
    let principal: Principal;
    try {
      principal = identifyContext(settings.identify, context);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return { errors: [error] };
      throw error;
    }
    if (principal.kind === 'anonymous' && settings.publicRequiresToken) {
      return { errors: [new UnauthenticatedError(undefined, true)] };
    }
    const take =
      principal.kind === 'anonymous'
        ? anonymous.take(`ip:${clientAddress(context)}`)
        : authenticated.take(principalLabel(principal));
    return take.ok ? null : { errors: [new RateLimitedError(take.retryAfterMs)] };
  };

  const plugin: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const result = refusal(args.contextValue as object);
      if (result) setResultAndStopExecution(result);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const result = refusal(args.contextValue as object);
      if (result) setResultAndStopExecution(result);
    },
  };
  return { plugin, refusal };
}
