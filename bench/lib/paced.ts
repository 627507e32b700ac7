// Open-loop load at a fixed, evenly spaced rate: request i is due at start + i/rate and goes out on connection
// i mod N, so every connection sends every N/rate seconds, staggered. autocannon's `overallRate` cannot do this: it
// gives each connection a per-second quota refilled by a 1 s interval, so all connections fire back-to-back at the top
// of every second — a closed loop at full concurrency for part of each second, i.e. queueing, not added latency.
// Response times run from when the request was handed to its connection: the load generator's own timer lateness is
// left out, but a request held up behind a slow answer on its connection counts (no coordinated omission).
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile, type LoadResult } from './load.ts';

export interface PacedOptions {
  readonly url: string;
  readonly body?: string;
  readonly connections: number;
  readonly rate: number;
  readonly seconds: number;
}

export interface PacedRun {
  /** Response times (ms, sub-ms resolution) of the 2xx answers, unsorted. */
  readonly times: Float64Array;
  /** When each of those requests was sent, in ms from the run's start (same order as `times`). */
  readonly sentAt: Float64Array;
  readonly errors: number;
  readonly non2xx: number;
  /** Requests that were due but could not be sent on time because their connection was still busy. */
  readonly queued: number;
}

export function paced(options: PacedOptions): Promise<PacedRun> {
  const url = new URL(options.url);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string | number> =
    body === undefined ? {} : { 'content-type': 'application/json', 'content-length': body.length };
  // One single-socket keep-alive agent per connection: a connection carries one request at a time, like autocannon's.
  const agents = Array.from({ length: options.connections }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
  const busy = new Array<number>(options.connections).fill(0);
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  let times = new Float64Array(total);
  let sentAt = new Float64Array(total);
  let count = 0;
  let errors = 0;
  let non2xx = 0;
  let queued = 0;
  let done = 0;
  let issued = 0;
  const start = performance.now();
  return new Promise((resolve) => {
    const finish = (): void => {
      if (++done < total) return;
      for (const agent of agents) agent.destroy();
      times = times.subarray(0, count);
      sentAt = sentAt.subarray(0, count);
      resolve({ times, sentAt, errors, non2xx, queued });
    };
    const send = (i: number): void => {
      const sent = performance.now();
      const slot = i % options.connections;
      if (busy[slot]! > 0) queued++;
      busy[slot]!++;
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: body === undefined ? 'GET' : 'POST',
          headers,
          agent: agents[slot],
        },
        (res) => {
          res.resume();
          res.once('end', () => {
            busy[slot]!--;
            if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) {
              sentAt[count] = sent - start;
              times[count++] = performance.now() - sent;
            } else non2xx++;
            finish();
          });
        },
      );
      req.once('error', () => {
        busy[slot]!--;
        errors++;
        finish();
      });
      req.end(body);
    };
    const tick = (): void => {
      const now = performance.now();
      // Everything due by now goes out (a late timer sends the few that fell due meanwhile).
      while (issued < total && start + issued * interval <= now) {
        send(issued);
        issued++;
      }
      if (issued < total) setTimeout(tick, Math.max(0, start + issued * interval - performance.now()));
    };
    tick();
  });
}

/** `paced` after a discarded warm-up run, summarised like `load` (percentiles in ms). */
export async function loadPaced(
  options: PacedOptions & { readonly warmupSeconds?: number },
): Promise<LoadResult & { readonly queued: number }> {
  if (options.warmupSeconds) await paced({ ...options, seconds: options.warmupSeconds });
  const run = await paced(options);
  const sorted = run.times.slice().sort();
  return {
    rps: sorted.length / options.seconds,
    requests: sorted.length,
    errors: run.errors,
    non2xx: run.non2xx,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    queued: run.queued,
  };
}
