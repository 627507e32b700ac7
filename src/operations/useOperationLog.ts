// One structured log line per query/mutation (name, type, duration, outcome, error codes, upstream calls, principal,
// request id), and the request id on every HTTP response (x-request-id) and in every error's extensions.
import { randomUUID } from 'node:crypto';
import { getOperationAST, GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { withNativeHooks } from '../http/native/hooks.ts';
import type { GatewayContext } from '../schema/context.ts';
import { toGraphQLError } from '../schema/errors.ts';
import { principalLabel } from '../security/principal.ts';

export const REQUEST_ID_HEADER = 'x-request-id';
/** What a client-sent id may look like (anything else is replaced, so logs cannot be forged or bloated). */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Failures of the exchange, not of the caller or the gateway. */
const UPSTREAM_CODES = new Set(['EXCHANGE_UNAVAILABLE', 'EXCHANGE_TIMEOUT']);

export interface OperationLogOptions {
  readonly logger: Logger;
  /** Upstream calls the operation made (from the deadline plugin's view). */
  readonly upstreamCallsOf?: (context: object) => number;
  readonly now?: () => number;
}

export interface OperationLog {
  readonly plugin: Plugin<GatewayContext>;
  /** The id of an HTTP request (yoga's, or the native path's view): the client's sane x-request-id, else a fresh one. */
  requestIdOf(request: IdentifiedRequest | undefined): string | undefined;
}

/** The code a client sees for this error (masked errors count as INTERNAL_SERVER_ERROR). */
function codeOf(error: GraphQLError): string {
  const code = error.extensions['code'];
  if (typeof code === 'string') return code;
  const mapped = toGraphQLError(error.originalError ?? error)?.extensions['code'];
  if (typeof mapped === 'string') return mapped;
  return error.originalError === undefined ? 'GRAPHQL_VALIDATION_FAILED' : 'INTERNAL_SERVER_ERROR';
}

/** What the request id is read from: a fetch Request, or the native path's view of a node:http request. */
interface IdentifiedRequest {
  readonly headers: { get(name: string): string | null };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function withRequestId(result: ExecutionResult, requestId: string): ExecutionResult {
  if (result.errors === undefined || result.errors.length === 0) return result;
  const errors = result.errors.map(
    (error) =>
      new GraphQLError(error.message, {
        nodes: error.nodes ?? null,
        source: error.source ?? null,
        positions: error.positions ?? null,
        path: error.path ?? null,
        originalError: error.originalError ?? null,
        extensions: { ...error.extensions, requestId },
      }),
  );
  return { ...result, errors };
}

export function useOperationLog(options: OperationLogOptions): OperationLog {
  const now = options.now ?? Date.now;
  const ids = new WeakMap<IdentifiedRequest, string>();
  const requestIdOf = (request: IdentifiedRequest | undefined): string | undefined => {
    if (request === undefined) return undefined;
    let id = ids.get(request);
    if (id === undefined) {
      const sent = request.headers.get(REQUEST_ID_HEADER);
      id = sent !== null && REQUEST_ID.test(sent) ? sent : randomUUID();
      ids.set(request, id);
    }
    return id;
  };

  const plugin: Plugin<GatewayContext> = {
    onExecute({ args }) {
      const started = now();
      const ctx = args.contextValue;
      const operation = getOperationAST(args.document, args.operationName);
      const finish = (errors: readonly GraphQLError[]): void => {
        // A clean operation is logged at info: nothing to build when that level is off.
        if (errors.length === 0 && !options.logger.isLevelEnabled('info')) return;
        const codes = [...new Set(errors.map(codeOf))];
        const fault = codes.includes('INTERNAL_SERVER_ERROR');
        const upstream = codes.some((code) => UPSTREAM_CODES.has(code));
        const line = {
          requestId: ctx.requestId,
          operationName: operation?.name?.value ?? null,
          operationType: operation?.operation ?? null,
          durationMs: now() - started,
          outcome: errors.length === 0 ? 'ok' : 'error',
          errorCodes: codes,
          upstreamCalls: options.upstreamCallsOf?.(ctx) ?? null,
          principal: principalLabel(ctx.principal),
        };
        // The caller's mistakes are routine (info); the exchange failing is worth a look (warn); our bugs are errors.
        if (fault) options.logger.error(line, 'graphql operation');
        else if (upstream) options.logger.warn(line, 'graphql operation');
        else options.logger.info(line, 'graphql operation');
      };
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result)) {
            finish(result.errors ?? []);
            return undefined;
          }
          const errors: GraphQLError[] = [];
          return {
            onNext: ({ result: part }) => void errors.push(...(part.errors ?? [])),
            onEnd: () => finish(errors),
          };
        },
      };
    },
    onResultProcess({ request, result, setResult }) {
      const id = requestIdOf(request);
      if (id === undefined || isAsyncIterable(result)) return;
      if (Array.isArray(result)) setResult(result.map((item: ExecutionResult) => withRequestId(item, id)));
      else setResult(withRequestId(result as ExecutionResult, id));
    },
    onResponse({ request, response }) {
      const id = requestIdOf(request);
      if (id !== undefined) response.headers.set(REQUEST_ID_HEADER, id);
    },
  };
  // The native path: the same request id in the errors and the header.
  withNativeHooks(plugin, {
    onResult: (request, result) => {
      const id = requestIdOf(request);
      return id === undefined ? result : withRequestId(result, id);
    },
    onResponse: (request, response) => {
      const id = requestIdOf(request);
      if (id !== undefined) response.headers.set(REQUEST_ID_HEADER, id);
    },
  });
  return { plugin, requestIdOf };
}
