// Per-operation admission (HTTP and graphql-ws alike): GATEWAY_PUBLIC_REQUIRES_TOKEN, the operation cost limit and the
// per-caller budgets, counted in requests and in estimated cost.
import type { Plugin } from '@envelop/core';
import type { ExecutionArgs, ExecutionResult } from 'graphql';
import { operationCost } from './cost.ts';
import { CostLimitError, RateLimitedError, UnauthenticatedError } from './errors.ts';
import { clientAddress, identifyContext, type Identify } from './identity.ts';
import { principalLabel, type Principal } from './principal.ts';
import { localCallerBudget, type CallerBudget, type CallerBudgetLimits, type Charge } from './rateLimit.ts';

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
  /** The budgets of one kind of caller; default this process's own (replica mode: shared through Redis). */
  readonly budget?: (
    caller: 'authenticated' | 'anonymous',
    limits: CallerBudgetLimits,
    maxCost: number,
  ) => CallerBudget;
}

/** A refusal, or null; a promise when the budgets live in Redis. */
export type Refusal = ExecutionResult | null;

function refusalOf(charge: Charge): Refusal {
  return charge.ok ? null : { errors: [new RateLimitedError(charge.retryAfterMs, charge.budget)] };
}

/**
 * The plugin plus its check, for transports that answer without executing (the response cache charges a memoized
 * answer to the same budget): `refusal(context, cost)` takes one operation and its cost from the caller's budgets, or
 * says why not.
 */
export function createAdmission(settings: AdmissionSettings): {
  plugin: Plugin;
  refusal: (context: object, cost?: number) => Refusal | Promise<Refusal>;
} {
  const budgetOf = settings.budget ?? ((_, limits) => localCallerBudget(limits, settings.now));
  const authenticated = budgetOf(
    'authenticated',
    { perMinute: settings.perMinute, costPerMinute: settings.costPerMinute },
    settings.maxCost,
  );
  const anonymous = budgetOf(
    'anonymous',
    { perMinute: settings.anonymousPerMinute, costPerMinute: settings.anonymousCostPerMinute },
    settings.maxCost,
  );

  const refusal = (context: object, cost = 0): Refusal | Promise<Refusal> => {
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
    const charge = (anonymousCaller ? anonymous : authenticated).charge(key, cost);
    return charge instanceof Promise ? charge.then(refusalOf) : refusalOf(charge);
  };

  const admit = ({ args, setResultAndStopExecution }: AdmissionHook): void | Promise<void> => {
    const result = refusal(args.contextValue as object, operationCost(args));
    if (!(result instanceof Promise)) {
      if (result) setResultAndStopExecution(result);
      return;
    }
    return result.then((refused) => {
      if (refused) setResultAndStopExecution(refused);
    });
  };
  const plugin: Plugin = { onExecute: admit, onSubscribe: admit };
  return { plugin, refusal };
}
