// Where a bench process's latency tail comes from, over a measured window: event-loop delay, GC pauses, and how long
// its HTTP server held each request and its undici client waited for each upstream answer (diagnostics channels).
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import {
  monitorEventLoopDelay,
  performance,
  PerformanceObserver,
  type EventLoopUtilization,
  type IntervalHistogram,
} from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

export interface Spread {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly max: number;
}

export interface StallReport {
  /** Event-loop delay in ms, sampled every 1 ms. */
  readonly loopDelayMs: Spread;
  /** GC pauses in ms by kind (scavenge, mark-compact, incremental, weak callbacks). */
  readonly gcMs: Record<string, Spread & { readonly totalMs: number }>;
  /** Arrival of a request's headers to the end of its response, in ms (node:http servers only). */
  readonly serverMs: Spread;
  /** undici request created to its response's headers, in ms (the gateway's upstream calls). */
  readonly upstreamMs: Spread;
  /** Upstream connections undici opened during the window (a warm keep-alive pool opens none). */
  readonly upstreamConnects: number;
  /** The slowest server requests: when they started (ms into the window), how long they took, and GC pauses in that span. */
  readonly slowest: readonly { readonly atMs: number; readonly ms: number; readonly gcMs: number }[];
  /** Share of the server requests slower than 10 ms that overlapped a GC pause. */
  readonly slowWithGc: number;
  readonly cpuMs: { readonly user: number; readonly system: number };
  /** Share of the window the event loop was busy (0..1). */
  readonly utilization: number;
  /** Young generation's size at the end of the window (V8 grows it with the allocation rate). */
  readonly newSpaceBytes: number;
  readonly windowMs: number;
}

function spread(values: number[]): Spread {
  const sorted = values.slice().sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0);
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), p999: at(0.999), max: sorted.at(-1) ?? Number.NaN };
}

const GC_KINDS: Record<number, string> = {
  1: 'scavenge',
  2: 'minor-mark-sweep',
  4: 'mark-compact',
  8: 'incremental',
  16: 'weak',
};

interface Probe {
  readonly started: number;
  readonly cpu: NodeJS.CpuUsage;
  readonly elu: EventLoopUtilization;
  readonly loop: IntervalHistogram;
  readonly gc: PerformanceObserver;
  readonly gcPauses: Map<string, number[]>;
  /** Every pause: start and end in ms into the window. */
  readonly gcSpans: { start: number; end: number }[];
  readonly server: { atMs: number; ms: number }[];
  readonly upstream: number[];
  readonly onRequestStart: (message: unknown) => void;
  readonly onResponseFinish: (message: unknown) => void;
  readonly onUpstreamCreate: (message: unknown) => void;
  readonly onUpstreamHeaders: (message: unknown) => void;
  readonly onUpstreamConnect: () => void;
  connects: number;
}

let probe: Probe | undefined;

/** GC pause time inside [from, to]. */
function gcWithin(spans: readonly { start: number; end: number }[], from: number, to: number): number {
  let ms = 0;
  for (const span of spans) ms += Math.max(0, Math.min(to, span.end) - Math.max(from, span.start));
  return ms;
}

/** `perRequest: false` leaves out the per-request timings (their diagnostics-channel hooks cost a little per request). */
export function stallStart(options: { readonly perRequest?: boolean } = {}): void {
  if (probe !== undefined) throw new Error('stall probe already running');
  // BENCH_TRACE_GC=1: V8 prints every collection (sizes, durations) to stdout during the window.
  if (process.env['BENCH_TRACE_GC']) setFlagsFromString('--trace-gc');
  // BENCH_V8_FLAGS: V8 flags to try from the window on (e.g. `--no-parallel-scavenge`), for A/B runs.
  for (const flag of (process.env['BENCH_V8_FLAGS'] ?? '').split(' ').filter(Boolean)) setFlagsFromString(flag);
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const gcPauses = new Map<string, number[]>();
  const gcSpans: { start: number; end: number }[] = [];
  const started = performance.now();
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind =
        GC_KINDS[((entry as { detail?: unknown }).detail as { kind?: number } | undefined)?.kind ?? 0] ?? 'other';
      const pauses = gcPauses.get(kind) ?? [];
      pauses.push(entry.duration);
      gcSpans.push({ start: entry.startTime - started, end: entry.startTime - started + entry.duration });
      gcPauses.set(kind, pauses);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const requestStarts = new WeakMap<object, number>();
  const upstreamStarts = new WeakMap<object, number>();
  const server: { atMs: number; ms: number }[] = [];
  const upstream: number[] = [];
  probe = {
    started,
    cpu: process.cpuUsage(),
    elu: performance.eventLoopUtilization(),
    loop,
    gc,
    gcPauses,
    gcSpans,
    server,
    upstream,
    onRequestStart: (message) => requestStarts.set((message as { response: object }).response, performance.now()),
    onResponseFinish: (message) => {
      const start = requestStarts.get((message as { response: object }).response);
      if (start !== undefined) server.push({ atMs: start - started, ms: performance.now() - start });
    },
    onUpstreamCreate: (message) => upstreamStarts.set((message as { request: object }).request, performance.now()),
    onUpstreamHeaders: (message) => {
      const start = upstreamStarts.get((message as { request: object }).request);
      if (start !== undefined) upstream.push(performance.now() - start);
    },
    onUpstreamConnect: () => {
      if (probe !== undefined) probe.connects += 1;
    },
    connects: 0,
  };
  subscribe('undici:client:connected', probe.onUpstreamConnect);
  if (options.perRequest === false) return;
  subscribe('http.server.request.start', probe.onRequestStart);
  subscribe('http.server.response.finish', probe.onResponseFinish);
  subscribe('undici:request:create', probe.onUpstreamCreate);
  subscribe('undici:request:headers', probe.onUpstreamHeaders);
}

export function stallStop(): StallReport {
  const current = probe;
  if (current === undefined) throw new Error('stallStart was not called');
  probe = undefined;
  if (process.env['BENCH_TRACE_GC']) setFlagsFromString('--no-trace-gc');
  current.loop.disable();
  current.gc.disconnect();
  unsubscribe('http.server.request.start', current.onRequestStart);
  unsubscribe('http.server.response.finish', current.onResponseFinish);
  unsubscribe('undici:request:create', current.onUpstreamCreate);
  unsubscribe('undici:request:headers', current.onUpstreamHeaders);
  unsubscribe('undici:client:connected', current.onUpstreamConnect);
  const ns = (value: number): number => value / 1e6;
  const cpu = process.cpuUsage(current.cpu);
  const gcMs: Record<string, Spread & { totalMs: number }> = {};
  for (const [kind, pauses] of current.gcPauses)
    gcMs[kind] = { ...spread(pauses), totalMs: pauses.reduce((sum, ms) => sum + ms, 0) };
  return {
    loopDelayMs: {
      count: current.loop.count,
      p50: ns(current.loop.percentile(50)),
      p99: ns(current.loop.percentile(99)),
      p999: ns(current.loop.percentile(99.9)),
      max: ns(current.loop.max),
    },
    gcMs,
    serverMs: spread(current.server.map((row) => row.ms)),
    upstreamMs: spread(current.upstream),
    upstreamConnects: current.connects,
    slowest: current.server
      .slice()
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10)
      .map((row) => ({ ...row, gcMs: gcWithin(current.gcSpans, row.atMs, row.atMs + row.ms) })),
    slowWithGc:
      current.server.filter((row) => row.ms > 10 && gcWithin(current.gcSpans, row.atMs, row.atMs + row.ms) > 0).length /
      Math.max(1, current.server.filter((row) => row.ms > 10).length),
    cpuMs: { user: cpu.user / 1000, system: cpu.system / 1000 },
    utilization: performance.eventLoopUtilization(current.elu).utilization,
    newSpaceBytes: getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0,
    windowMs: performance.now() - current.started,
  };
}
