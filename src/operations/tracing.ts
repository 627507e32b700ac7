// OpenTelemetry tracing (off by default): a span per operation and per resolver (@envelop/opentelemetry), under which
// the REST client's upstream-call spans nest (src/exchange/upstreamSpan.ts), sampled per the OTEL_* settings.
import { AsyncLocalStorage } from 'node:async_hooks';
import { useOpenTelemetry } from '@envelop/opentelemetry';
import { context, ROOT_CONTEXT, SpanKind, trace, type Context, type ContextManager } from '@opentelemetry/api';
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BasicTracerProvider,
  ConsoleSpanExporter,
  ParentBasedSampler,
  SimpleSpanProcessor,
  BatchSpanProcessor,
  TraceIdRatioBasedSampler,
  type Sampler,
  type Span,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { Plugin } from 'graphql-yoga';
import type { TracingConfig } from '../config.ts';

const RESOLVER_ARGS = 'graphql.resolver.args';

/** The active span follows the async flow of each operation (what @opentelemetry/context-async-hooks does). */
class AsyncLocalContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    active: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.storage.run(active, () => fn.call(thisArg, ...args));
  }
  bind<T>(active: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const run = (...args: unknown[]): unknown =>
      this.with(active, () => (target as (...a: unknown[]) => unknown)(...args));
    return run as T;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.storage.disable();
    return this;
  }
}

/** Resolver spans name their arguments, never their values (addresses, quantities, client ids stay out of traces). */
class ArgumentNamesOnly implements SpanProcessor {
  onStart(span: Span): void {
    const args = span.attributes[RESOLVER_ARGS];
    if (typeof args !== 'string') return;
    try {
      span.setAttribute(RESOLVER_ARGS, Object.keys(JSON.parse(args) as object).join(','));
    } catch {
      span.setAttribute(RESOLVER_ARGS, '');
    }
  }
  onEnd(): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function samplerOf(config: TracingConfig): Sampler {
  const ratio = new TraceIdRatioBasedSampler(config.samplerRatio);
  switch (config.sampler) {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return ratio;
    case 'parentbased_always_off':
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case 'parentbased_traceidratio':
      return new ParentBasedSampler({ root: ratio });
    case 'parentbased_always_on':
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  }
}

export interface Tracing {
  /** The envelop plugin: operation and resolver spans. */
  readonly plugin: Plugin;
  /** Flushes what is left and unregisters the global tracer and context manager. */
  shutdown(): Promise<void>;
}

/**
 * Starts tracing when an exporter is configured (or given: tests pass an in-memory one); undefined otherwise, and then
 * the REST client's spans are no-ops of @opentelemetry/api.
 */
export function startTracing(config: TracingConfig, exporter?: SpanExporter): Tracing | undefined {
  if (exporter === undefined && config.exporter === 'none') return undefined;
  const processor =
    exporter !== undefined ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(new ConsoleSpanExporter());
  const provider = new BasicTracerProvider({
    sampler: samplerOf(config),
    spanProcessors: [new ArgumentNamesOnly(), processor],
  });
  context.setGlobalContextManager(new AsyncLocalContextManager());
  trace.setGlobalTracerProvider(provider);
  const plugin = useOpenTelemetry(
    // No variables, results or resolver argument values in spans; the document only when it has no inline arguments.
    { resolvers: true, defaultResolvers: false, variables: false, result: false },
    provider,
    SpanKind.SERVER,
    {},
    config.serviceName,
  ) as unknown as Plugin;
  return {
    plugin,
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
    },
  };
}
