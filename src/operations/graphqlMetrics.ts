// The GraphQL metrics @envelop/prometheus and @graphql-yoga/plugin-prometheus served (same names, labels, help, buckets),
// written against prom-client directly: configured down to these series those packages still cost ~6 % of an uncached
// query's CPU (bench B1U profile: @envelop/prometheus 1.9–2.7 %, the yoga plugin 1.7 %, prom-client 1.5 %) in work no
// option turns off (label objects rebuilt through Object.entries/fromEntries and hook lists filtered on every request,
// the server context copied per response). Measured in one process on yoga.fetch, alternating: +53–65 µs per request
// with them, +13–22 µs with this file. Here a document's labels are computed once, and operationName is bounded.
// Its two histograms keep one series slot per label set, bound once per document (histogramSlots.ts).
import { isAsyncIterable } from '@envelop/core';
import { getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, type Registry } from 'prom-client';
import { SlottedHistogram, type HistogramSlot } from './histogramSlots.ts';
import { withNativeHooks } from '../http/native/hooks.ts';
import { BoundedLabel, errorPathLabel, type OperationNameLabels } from './operationNames.ts';

/** The label values of one operation of one document, computed when the document is first seen under that name. */
interface OperationLabels {
  /** graphql_envelop_*: the name the client asked for, else the operation's own. */
  readonly graphql: { readonly operationType: string; readonly operationName: string };
  /** graphql_yoga_http_duration: the name of the operation that runs. */
  readonly http: { readonly operationType: string; readonly operationName: string };
  /** graphql_envelop_request_duration's series for these labels. */
  readonly requestDuration: HistogramSlot<RequestDurationLabel>;
  /** graphql_yoga_http_duration's series for these labels, by method and status (bound when first seen). */
  readonly httpDuration: Map<string, Map<number, HistogramSlot<HttpDurationLabel>>>;
}

type RequestDurationLabel = 'operationType' | 'operationName';
type HttpDurationLabel = 'operationName' | 'operationType' | 'method' | 'statusCode';

type ErrorPhase = 'parse' | 'validate' | 'context' | 'execute' | 'subscribe';

function requestedName(context: unknown): string | undefined {
  const params = (context as { params?: { operationName?: unknown } } | undefined)?.params;
  return typeof params?.operationName === 'string' && params.operationName !== '' ? params.operationName : undefined;
}

export function useGraphQLMetrics(registry: Registry, names: OperationNameLabels): Plugin {
  const requestDuration = new SlottedHistogram<RequestDurationLabel>({
    name: 'graphql_envelop_request_duration',
    help: 'Time spent on running the GraphQL operation from parse to execute',
    labelNames: ['operationType', 'operationName'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_envelop_error_result',
    help: 'Counts the amount of errors reported from all phases',
    labelNames: ['operationType', 'operationName', 'path', 'phase'] as const,
    registers: [registry],
  });
  const schemaChanges = new Counter({
    name: 'graphql_envelop_schema_change',
    help: 'Counts the amount of schema changes',
    registers: [registry],
  });
  // No `url` label: it is the whole request URL, so every distinct GET query string would start a new series.
  const httpDuration = new SlottedHistogram<HttpDurationLabel>({
    name: 'graphql_yoga_http_duration',
    help: 'Time spent on HTTP connection',
    labelNames: ['operationName', 'operationType', 'method', 'statusCode'],
    registers: [registry],
  });

  const byDocument = new WeakMap<DocumentNode, Map<string, OperationLabels>>();
  const labelsFor = (document: DocumentNode, requested: string | undefined): OperationLabels => {
    let byName = byDocument.get(document);
    if (byName === undefined) {
      byName = new Map();
      byDocument.set(document, byName);
    }
    const cached = byName.get(requested ?? '');
    if (cached !== undefined) return cached;
    const operation = getOperationAST(document, requested);
    const operationType = operation?.operation ?? 'unknown';
    const graphql = { operationType, operationName: names.label(requested ?? operation?.name?.value ?? 'Anonymous') };
    const labels: OperationLabels = {
      graphql,
      http: { operationType, operationName: names.label(operation?.name?.value ?? 'Anonymous') },
      requestDuration: requestDuration.slot(graphql),
      httpDuration: new Map(),
    };
    // Only names of the document's own operations are kept (a client may send any name).
    if (operation !== null) byName.set(requested ?? '', labels);
    return labels;
  };

  // Per request: the labels (from parse on) and, over HTTP, when the request arrived.
  const byContext = new WeakMap<object, OperationLabels>();
  // Keyed by yoga's fetch Request, or by the native path's view of the node:http request.
  const byRequest = new WeakMap<object, OperationLabels>();
  const arrivals = new WeakMap<object, number>();
  const arrived = (request: object): void => void arrivals.set(request, performance.now());
  const responded = (request: { readonly method: string }, status: number): void => {
    const since = arrivals.get(request);
    const labels = byRequest.get(request);
    if (since === undefined || labels === undefined) return;
    httpSlot(labels, request.method, status).observe((performance.now() - since) / 1000);
  };
  const httpSlot = (labels: OperationLabels, method: string, status: number): HistogramSlot<HttpDurationLabel> => {
    let byStatus = labels.httpDuration.get(method);
    if (byStatus === undefined) {
      byStatus = new Map();
      labels.httpDuration.set(method, byStatus);
    }
    let slot = byStatus.get(status);
    if (slot === undefined) {
      const { operationName, operationType } = labels.http;
      slot = httpDuration.slot({ operationName, operationType, method, statusCode: status });
      byStatus.set(status, slot);
    }
    return slot;
  };

  // Aliases make paths client-chosen too: as many distinct paths as operation names keep their own label.
  const paths = new BoundedLabel(names.limit);
  const countError = (labels: OperationLabels | undefined, phase: ErrorPhase, error?: unknown): void => {
    const path = (error as Partial<GraphQLError> | undefined)?.path;
    const counted: Partial<Record<'operationType' | 'operationName' | 'path' | 'phase', string>> = labels
      ? { operationType: labels.graphql.operationType, operationName: labels.graphql.operationName, phase }
      : { phase };
    if (path) counted.path = paths.label(errorPathLabel(path));
    errors.inc(counted);
  };
  const countResultErrors = (labels: OperationLabels | undefined, result: ExecutionResult): void => {
    if (result.errors === undefined) return;
    for (const error of result.errors) countError(labels, 'execute', error);
  };
  const observeSince = (labels: OperationLabels, start: number): void => {
    labels.requestDuration.observe((performance.now() - start) / 1000);
  };
  // Shared hooks (no closure per request) wherever the payload carries the request's context.
  const afterParse = ({ context, result }: { context: object; result: unknown }): void => {
    if (result instanceof Error || result === null || result === undefined) {
      countError(undefined, 'parse');
      return;
    }
    const labels = labelsFor(result as DocumentNode, requestedName(context));
    byContext.set(context, labels);
    const request = (context as { request?: object }).request;
    if (request !== undefined) byRequest.set(request, labels);
  };
  const afterValidate = ({ context, valid }: { context: object; valid: boolean }): void => {
    if (!valid) countError(byContext.get(context), 'validate');
  };
  const onNextResult = ({ args, result }: { args: { contextValue: unknown }; result: ExecutionResult }): void => {
    countResultErrors(byContext.get(args.contextValue as object), result);
  };
  /** One operation's result (execute or subscribe): a stream is timed to its end, a single result at once. */
  const resultDone =
    (labels: OperationLabels, start: number) =>
    ({ result }: { result: ExecutionResult | AsyncIterable<ExecutionResult> }) => {
      if (isAsyncIterable(result)) return { onNext: onNextResult, onEnd: () => observeSince(labels, start) };
      countResultErrors(labels, result);
      observeSince(labels, start);
      return undefined;
    };
  const countedSchemas = new WeakSet<object>();

  const plugin: Plugin = {
    onPluginInit({ registerContextErrorHandler }) {
      registerContextErrorHandler(({ context, error }) => countError(byContext.get(context), 'context', error));
    },
    onSchemaChange({ schema }) {
      if (countedSchemas.has(schema)) return;
      countedSchemas.add(schema);
      schemaChanges.inc();
    },
    onRequest({ request }) {
      arrived(request);
    },
    onParse: () => afterParse,
    onValidate: () => afterValidate,
    onExecute({ args }) {
      const labels = byContext.get(args.contextValue as object);
      if (labels === undefined) return undefined;
      return { onExecuteDone: resultDone(labels, performance.now()) };
    },
    onSubscribe({ args }) {
      const labels = byContext.get(args.contextValue as object);
      if (labels === undefined) return undefined;
      return {
        onSubscribeResult: resultDone(labels, performance.now()),
        onSubscribeError({ error }) {
          countError(labels, 'subscribe', error);
        },
      };
    },
    onResponse({ request, response }) {
      responded(request, response.status);
    },
  };
  return withNativeHooks(plugin, {
    onRequest: arrived,
    onResponse: (request, response) => responded(request, response.status),
  });
}
