// Per-operation admission (HTTP and graphql-ws alike): GATEWAY_PUBLIC_REQUIRES_TOKEN, the operation cost limit and the
// per-caller budgets, counted in requests and in estimated cost.
import type { Plugin } from '@envelop/core';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { operationCost } from './cost.ts';
import { CostLimitError, RateLimitedError, UnauthenticatedError } from './errors.ts';
import { clientAddress, identifyContext, type Identify } from './identity.ts';
import { principalLabel, type Principal } from './principal.ts';
import { TokenBuckets } from './rateLimit.ts';

interface AdmissionHook {
  readonly args: ExecutionArgs;
  setResultAndStopExecution(result: ExecutionResult): void;
}

export interface AdmissionSettings {
  readonly identify: Identify;
  /** Operations per minute per token (and for the local-mode caller). */
  readonly perMinute: number;
  /** Operations per minute per client IP for anonymous callers. */
  readonly anonymousPerMinute: number;
  /** Anonymous callers are refused even public market data. */
  readonly publicRequiresToken: boolean;
  /** Largest estimated cost of one operation (src/security/cost.ts); above it the operation is refused unrun. */
  readonly maxCost: number;
  /** Estimated cost per minute per token (and for the local-mode caller); at least `maxCost`. */
  readonly costPerMinute: number;
  /** Estimated cost per minute per client IP for anonymous callers; at least `maxCost`. */
  readonly anonymousCostPerMinute: number;
  readonly now?: () => number;
}

/**
 * The plugin plus its check, for transports that answer without executing (the response cache charges a memoized
 * answer to the same budget): `refusal(context, cost)` takes one operation and its cost from the caller's budgets, or
 * says why not.
 */
export function createAdmission(settings: AdmissionSettings): {
  plugin: Plugin;
  refusal: (context: object, cost?: number) => ExecutionResult | null;
} {
  const authenticated = { requests: new TokenBuckets(settings.perMinute, settings.now) };
  const anonymous = { requests: new TokenBuckets(settings.anonymousPerMinute, settings.now) };
  const costs = {
    authenticated: new TokenBuckets(settings.costPerMinute, settings.now),
    anonymous: new TokenBuckets(settings.anonymousCostPerMinute, settings.now),
  };

  const refusal = (context: object, cost = 0): ExecutionResult | null => {
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
    if (cost > settings.maxCost) return { errors: [new CostLimitError(cost, settings.maxCost)] };
    const anonymousCaller = principal.kind === 'anonymous';
    const key = anonymousCaller ? `ip:${clientAddress(context)}` : principalLabel(principal);
    const requests = (anonymousCaller ? anonymous : authenticated).requests;
    const spent = anonymousCaller ? costs.anonymous : costs.authenticated;
    // Both budgets are checked before either is charged, so a refusal costs the caller nothing.
    const requestWait = requests.wait(key);
    if (requestWait > 0) return { errors: [new RateLimitedError(requestWait)] };
    const costWait = spent.wait(key, cost);
    if (costWait > 0) return { errors: [new RateLimitedError(costWait, 'cost')] };
    requests.take(key);
    spent.take(key, cost);
    return null;
  };

  const admit = ({ args, setResultAndStopExecution }: AdmissionHook): void => {
    const result = refusal(args.contextValue as object, operationCost(args));
    if (result) setResultAndStopExecution(result);
  };
  const plugin: Plugin = { onExecute: admit, onSubscribe: admit };
  return { plugin, refusal };
}
