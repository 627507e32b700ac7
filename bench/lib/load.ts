// HTTP load with autocannon's programmatic API, recording every response time at full (sub-ms) resolution.
import autocannon, { type Options } from 'autocannon';

export interface LoadResult {
  /** Completed 2xx responses per second. */
  readonly rps: number;
  readonly requests: number;
  readonly errors: number;
  readonly non2xx: number;
  /** Response-time percentiles in ms (autocannon's own histogram rounds to whole ms). */
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

export interface LoadOptions {
  readonly url: string;
  readonly body?: string;
  /** A fresh body for every request (overrides `body`): requests that must not repeat. */
  readonly nextBody?: () => string;
  readonly connections: number;
  readonly seconds: number;
  /** Fixed offered rate (requests/s over all connections); omitted = closed loop, as fast as the server answers. */
  readonly rate?: number;
  /** Discarded run before the measured one (JIT, caches, keep-alive sockets). */
  readonly warmupSeconds?: number;
}

export function percentile(sorted: Float64Array | readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

function once(options: Options, record: boolean): Promise<{ result: LoadResultRaw; times: Float64Array }> {
  return new Promise((resolve, reject) => {
    let times = new Float64Array(1 << 16);
    let count = 0;
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ result, times: times.subarray(0, count) });
    });
    if (!record) return;
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status < 200 || status >= 300) return;
      if (count === times.length) {
        const grown = new Float64Array(times.length * 2);
        grown.set(times);
        times = grown;
      }
      times[count++] = ms;
    });
  });
}

type LoadResultRaw = Parameters<Parameters<typeof autocannon>[1]>[1];

export async function load(options: LoadOptions): Promise<LoadResult> {
  const base: Options = {
    url: options.url,
    method: options.body === undefined ? 'GET' : 'POST',
    ...(options.body !== undefined ? { body: options.body, headers: { 'content-type': 'application/json' } } : {}),
    ...(options.nextBody !== undefined
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          requests: [
            { setupRequest: (request: Record<string, unknown>) => ({ ...request, body: options.nextBody?.() }) },
          ],
        }
      : {}),
    connections: options.connections,
    ...(options.rate !== undefined ? { overallRate: options.rate } : {}),
    timeout: 10,
  };
  if (options.warmupSeconds) await once({ ...base, duration: options.warmupSeconds }, false);
  const { result, times } = await once({ ...base, duration: options.seconds }, true);
  const sorted = times.slice().sort();
  return {
    rps: sorted.length / options.seconds,
    requests: sorted.length,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
  };
}
