// Query and request limits with stated defaults (env-configurable): graphql-armor rules, operation cost and its
// per-minute budgets, response size, execution time, introspection, batching, body size.
import type { Plugin } from '@envelop/core';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { ConfigError, isProduction, readSettings, type Env } from '../config/settings.ts';
import { useNoSuggestions } from './suggestions.ts';

export interface Limits {
  /** GATEWAY_MAX_DEPTH — deepest field nesting (fragments flattened). Default 12. */
  readonly maxDepth: number;
  /** GATEWAY_MAX_ALIASES — aliases per operation (aliased `__typename` included). Default 30. */
  readonly maxAliases: number;
  /**
   * GATEWAY_MAX_COST — estimated cost of one operation: 1 per selected field, times each list's estimated rows
   * (src/security/cost.ts). Default 20000 (a dashboard of every market with tickers costs about 14 per market).
   */
  readonly maxCost: number;
  /** GATEWAY_COST_PER_MIN — estimated cost per minute per token (or the local caller). Default 200000. */
  readonly costPerMinute: number;
  /** GATEWAY_ANONYMOUS_COST_PER_MIN — estimated cost per minute per IP without a token. Default 100000. */
  readonly anonymousCostPerMinute: number;
  /** GATEWAY_MAX_RESPONSE_BYTES — largest serialized result of one operation (or subscription event). Default 5000000. */
  readonly maxResponseBytes: number;
  /** GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION — operations one graphql-ws connection may run at once. Default 100. */
  readonly maxSubscriptionsPerConnection: number;
  /** GATEWAY_MAX_EXECUTION_MS — longest one query or mutation may execute before it is aborted. Default 10000. */
  readonly maxExecutionMs: number;
  /** GATEWAY_MAX_TOKENS — lexer tokens per document. Default 2000. */
  readonly maxTokens: number;
  /** GATEWAY_MAX_DIRECTIVES — directives per operation. Default 20. */
  readonly maxDirectives: number;
  /** GATEWAY_MAX_BATCH — operations per batched HTTP request; 0 disables batching. Default 10. */
  readonly maxBatch: number;
  /** GATEWAY_MAX_BODY_BYTES — HTTP request body (and graphql-ws message) size; larger is 413. Default 100000. */
  readonly maxBodyBytes: number;
  /** GATEWAY_RATE_LIMIT_PER_MIN — operations per minute per token (or the local caller). Default 600. */
  readonly perMinute: number;
  /** GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MIN — operations per minute per IP without a token. Default 300. */
  readonly anonymousPerMinute: number;
  /** GATEWAY_INTROSPECTION — allow __schema/__type. Default on, off when NODE_ENV=production. */
  readonly introspection: boolean;
  /** GATEWAY_GRAPHIQL — serve GraphiQL at GET /graphql. Default on, off when NODE_ENV=production; needs introspection. */
  readonly graphiql: boolean;
  /** GATEWAY_PUBLIC_REQUIRES_TOKEN — refuse public market data to anonymous callers. Default false. */
  readonly publicRequiresToken: boolean;
}

export function loadLimits(env: Env): Limits {
  const settings = readSettings(env);
  const production = isProduction(env);
  const introspection = settings.GATEWAY_INTROSPECTION ?? !production;
  return {
    maxDepth: settings.GATEWAY_MAX_DEPTH,
    maxAliases: settings.GATEWAY_MAX_ALIASES,
    maxCost: settings.GATEWAY_MAX_COST,
    costPerMinute: costBudget(env, 'GATEWAY_COST_PER_MIN', settings.GATEWAY_COST_PER_MIN, settings.GATEWAY_MAX_COST),
    anonymousCostPerMinute: costBudget(
      env,
      'GATEWAY_ANONYMOUS_COST_PER_MIN',
      settings.GATEWAY_ANONYMOUS_COST_PER_MIN,
      settings.GATEWAY_MAX_COST,
    ),
    maxResponseBytes: settings.GATEWAY_MAX_RESPONSE_BYTES,
    maxSubscriptionsPerConnection: settings.GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION,
    maxExecutionMs: settings.GATEWAY_MAX_EXECUTION_MS,
    maxTokens: settings.GATEWAY_MAX_TOKENS,
    maxDirectives: settings.GATEWAY_MAX_DIRECTIVES,
    maxBatch: settings.GATEWAY_MAX_BATCH,
    maxBodyBytes: settings.GATEWAY_MAX_BODY_BYTES,
    perMinute: settings.GATEWAY_RATE_LIMIT_PER_MIN,
    anonymousPerMinute: settings.GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MIN,
    introspection,
    // GraphiQL without introspection is an empty editor, so it follows introspection unless set explicitly.
    graphiql: settings.GATEWAY_GRAPHIQL ?? (introspection && !production),
    publicRequiresToken: settings.GATEWAY_PUBLIC_REQUIRES_TOKEN,
  };
}

/** A per-minute cost budget: at least one operation of the largest allowed cost must fit in it. */
/**
 * A per-minute cost budget: at least one operation of the largest allowed cost must fit in it, so an unset budget
 * rises with GATEWAY_MAX_COST and a set one below it is a configuration error.
 */
function costBudget(
  env: Env,
  name: 'GATEWAY_COST_PER_MIN' | 'GATEWAY_ANONYMOUS_COST_PER_MIN',
  value: number,
  maxCost: number,
): number {
  if (!env[name]?.trim()) return Math.max(value, maxCost);
  if (value < maxCost) throw new ConfigError(`${name} (${value}) must be at least GATEWAY_MAX_COST (${maxCost})`);
  return value;
}

/** Rejects `__schema` / `__type` at validation (`__typename` stays allowed). */
export function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** The document limits as envelop plugins (they apply to HTTP and, through getEnveloped, to graphql-ws). */
export function limitPlugins(limits: Limits): Plugin[] {
  const plugins: Plugin[] = [
    maxTokensPlugin({ n: limits.maxTokens }),
    // Introspection is judged by the introspection switch, not by depth/cost: GraphiQL's own query is 13 deep.
    maxDepthPlugin({ n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true }),
    // graphql-armor exempts aliased `__typename` by default; no client needs 30 of those, so count them too.
    maxAliasesPlugin({ n: limits.maxAliases, allowList: [] }),
    maxDirectivesPlugin({ n: limits.maxDirectives }),
  ];
  if (!limits.introspection) plugins.push(useNoIntrospection(), useNoSuggestions());
  return plugins;
}

/**
 * The createYoga options that carry limits: batching, and yoga's own body-size cap turned off (useChunkedBodyLimit
 * enforces the same limit without re-streaming bodies whose Content-Length already bounds them).
 */
export function yogaLimitOptions(limits: Limits): { batching: false | { limit: number }; maxRequestBodySize: false } {
  return {
    batching: limits.maxBatch > 0 ? { limit: limits.maxBatch } : false,
    maxRequestBodySize: false,
  };
}
