// Queries whose document comes back run as compiled JavaScript (graphql-jit) instead of yoga's generic executor.
import type { Plugin } from '@envelop/core';
import {
  BREAK,
  getOperationAST,
  GraphQLError,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

export interface CompiledQueriesOptions {
  /** A document is compiled at this execution of it, 1 or more (compiling takes about a millisecond). */
  readonly compileAt?: number;
  /** Documents whose plans (counts, compiled queries) are kept, least recently used out first. */
  readonly maxCompiled?: number;
  /** Told when graphql-jit cannot compile a document: it keeps running on the standard executor. */
  readonly onCompileError?: (message: string) => void;
}

/** Counts for tests and operators: how much runs compiled. */
export interface CompiledQueryStats {
  /** Operations compiled so far (each a document and operation name). */
  compiled: number;
  /** Executions that ran compiled. */
  executions: number;
}

/** What one (document, operation name) runs on: counted until compiled, then compiled, or `false` for good. */
interface Plan {
  seen: number;
  compiled: Compiled | false | undefined;
}

interface Compiled {
  readonly query: CompiledQuery['query'];
  /** The compiled query's result with the standard executor's errors. */
  readonly standard: (result: ExecutionResult) => ExecutionResult;
}

/**
 * Written here rather than taken from @envelop/graphql-jit, which compiles every document on first sight (each
 * one-off document an attacker sends would cost a compilation, about a millisecond) and answers a document jit cannot
 * compile with the compile error instead of running it on the standard executor.
 *
 * Queries only: mutations keep the standard executor, whose serial execution and error paths the order-outcome
 * handling is tested against, and subscriptions run on the gateway's own graphql-ws loop. Documents using @defer or
 * @stream stay on the standard executor, which delivers them incrementally. The execution time limit answers a
 * compiled query at its limit like any other (it does not depend on the executor stopping). graphql-jit generates
 * code only from documents that passed validation (names are GraphQL names, literals are JSON-quoted).
 *
 * Compiled queries answer the same data and errors: the schema, resolvers, scalars and error masking are the
 * gateway's, only the walk over the selection is generated code (the test harness compiles at first sight;
 * `GATEWAY_COMPILE_QUERIES_AT=0` runs every operation on the standard executor). Measured on bench B1U's order-book
 * query: 14 µs per execution compiled against 55 µs.
 *
 * Register it before every plugin that wraps the executor (tracing's context, the time limit): it replaces the
 * executor it is given, so only wrappers set after it apply to compiled queries. It counts and compiles when the
 * executor is called, so an operation a later plugin refuses (cost, scopes) is never compiled.
 */
export function useCompiledQueries(
  options: CompiledQueriesOptions = {},
  stats: CompiledQueryStats = { compiled: 0, executions: 0 },
): Plugin {
  const compileAt = Math.max(1, options.compileAt ?? 2);
  // Keyed by the parsed document the parse cache keeps. Bounded on its own: a compiled query holds about 34 KiB
  // (generated code and its closures), so 256 of them about 9 MiB; an evicted document compiles again if it returns.
  const plans = new LRUCache<DocumentNode, Map<string, Plan>>({ max: options.maxCompiled ?? 256 });

  function planOf(args: ExecutionArgs): Plan {
    let byName = plans.get(args.document);
    if (byName === undefined) plans.set(args.document, (byName = new Map()));
    const name = args.operationName ?? '';
    let plan = byName.get(name);
    if (plan === undefined) {
      const eligible = getOperationAST(args.document, args.operationName)?.operation === 'query';
      plan = { seen: 0, compiled: eligible && !usesIncrementalDelivery(args.document) ? undefined : false };
      byName.set(name, plan);
    }
    return plan;
  }

  /** The plan's compiled query once it is due, compiling it then; undefined while the standard executor runs it. */
  function compiledOf(plan: Plan, args: ExecutionArgs): Compiled | undefined {
    if (plan.compiled === undefined) {
      plan.seen += 1;
      if (plan.seen < compileAt) return undefined;
      plan.compiled = compile(args);
    }
    return plan.compiled === false ? undefined : plan.compiled;
  }

  function compile(args: ExecutionArgs): Compiled | false {
    const result = compileQuery(args.schema, args.document, args.operationName ?? undefined, {
      // Resolver errors keep their own stack; the wrapping GraphQLError's stack is never sent or logged.
      disablingCapturingStackErrors: true,
    });
    if (!isCompiledQuery(result)) {
      options.onCompileError?.(result.errors?.map((error) => error.message).join('; ') ?? 'unknown error');
      return false;
    }
    stats.compiled += 1;
    const document = args.document;
    return {
      query: result.query,
      // Errors first, as the standard executor orders them (the bytes of the answer are the same).
      standard: (answer) =>
        answer.errors === undefined
          ? answer
          : { errors: answer.errors.map((error) => standardError(error, document)), data: answer.data },
    };
  }

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const plan = planOf(args);
      if (plan.compiled === false) return;
      setExecuteFn((run: ExecutionArgs) => {
        const compiled = compiledOf(plan, run);
        if (compiled === undefined) return executeFn(run);
        stats.executions += 1;
        const result = compiled.query(run.rootValue, run.contextValue, run.variableValues);
        if (isPromise(result)) return result.then(compiled.standard);
        // Errors and no data: the variables did not coerce and nothing ran. The standard executor answers those, its
        // errors carrying the HTTP status (400) that yoga answers them with.
        if (!('data' in result)) return executeFn(run);
        return compiled.standard(result);
      });
    },
  };
}

/** @defer / @stream anywhere in the document: only the standard executor delivers those incrementally. */
function usesIncrementalDelivery(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === 'defer' || node.name.value === 'stream') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * graphql-jit's errors only look like graphql-js's: no `nodes`, `source` or `positions` (so a plugin rebuilding one
 * loses its locations) and no `extensions` object unless the original error had one. The gateway's plugins and error
 * mask get the same GraphQLError the standard executor makes: same message, path, original error, and locations
 * (as positions in the document's source).
 */
function standardError(error: GraphQLError, document: DocumentNode): GraphQLError {
  const source = document.loc?.source;
  const positions =
    source === undefined ? undefined : (error.locations ?? []).map((at) => positionOf(source.body, at.line, at.column));
  return new GraphQLError(error.message, {
    ...(source === undefined ? {} : { source, positions }),
    path: error.path ?? null,
    originalError: error.originalError ?? null,
  });
}

/** Offset of a 1-based line and column in `body`, lines ending as graphql-js counts them (\r\n, \n or \r). */
function positionOf(body: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = body.slice(offset).search(/\r\n|[\n\r]/);
    if (next < 0) break;
    offset += next + (body.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return offset + column - 1;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
