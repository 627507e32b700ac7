// Readiness: whether this gateway should get traffic now — catalog loaded, exchange answering a cheap probe recently,
// every exchange socket that has subscribers connected, keys accepted, Redis reachable in replica mode, not shutting
// down. Served at /ready.
import type { Plugin } from 'graphql-yoga';
import { withNativeHooks } from '../http/native/hooks.ts';
import type { HubStatus } from '../streams/hub.ts';

const READY_PATH = '/ready';

export interface ReadinessDeps {
  /** A cheap upstream call (GET /api/v1/time) that must be over by `deadline` (epoch ms). */
  readonly probe: (deadline: number) => Promise<unknown>;
  /** Loads the market catalog (served from the shared cache once loaded). */
  readonly loadCatalog: (deadline: number) => Promise<unknown>;
  /** The stream hub's state, when live subscriptions are on. */
  readonly streams?: () => HubStatus | undefined;
  /** Replica mode: why the shared Redis is not usable now (undefined while it is). */
  readonly redis?: () => string | undefined;
  /** Time between probes; a probe older than two intervals no longer counts. */
  readonly intervalMs: number;
  readonly now?: () => number;
}

export interface FailingCheck {
  readonly check: 'catalog' | 'exchange' | 'streams' | 'apiKeys' | 'redis' | 'shutdown';
  readonly detail: string;
}

export class Readiness {
  private readonly now: () => number;
  private catalogLoaded = false;
  private lastProbeOk: number | undefined;
  private lastProbeError: string | undefined;
  private keyProblem: string | undefined;
  private shuttingDown = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly deps: ReadinessDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Probes now and then every interval until `stop()`; never keeps the process alive by itself. */
  start(): void {
    void this.probeOnce().finally(() => this.schedule());
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** From the moment shutdown begins: load balancers stop sending new work. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  /** The startup key check's verdict (null: the keys work). */
  reportKeys(problem: string | null): void {
    this.keyProblem = problem ?? undefined;
  }

  async probeOnce(): Promise<void> {
    const deadline = this.now() + this.deps.intervalMs;
    try {
      await this.deps.probe(deadline);
      this.lastProbeOk = this.now();
      this.lastProbeError = undefined;
    } catch (error) {
      this.lastProbeError = error instanceof Error ? error.message : 'probe failed';
    }
    if (!this.catalogLoaded) {
      try {
        await this.deps.loadCatalog(deadline);
        this.catalogLoaded = true;
      } catch {
        // Reported as the failing `catalog` check until a later probe loads it.
      }
    }
  }

  failing(): FailingCheck[] {
    const failing: FailingCheck[] = [];
    if (this.shuttingDown) failing.push({ check: 'shutdown', detail: 'the gateway is shutting down' });
    if (!this.catalogLoaded) failing.push({ check: 'catalog', detail: 'the market catalog is not loaded yet' });
    const fresh = this.lastProbeOk !== undefined && this.now() - this.lastProbeOk <= 2 * this.deps.intervalMs;
    if (this.lastProbeError !== undefined || !fresh) {
      const since =
        this.lastProbeOk === undefined ? 'never answered' : `last answered ${this.now() - this.lastProbeOk} ms ago`;
      failing.push({ check: 'exchange', detail: `${this.lastProbeError ?? 'no recent probe'} (${since})` });
    }
    for (const connection of this.deps.streams?.()?.connections ?? []) {
      const subscribed = connection.streams.some((stream) => stream.subscribers > 0);
      if (subscribed && connection.state !== 'open') {
        failing.push({ check: 'streams', detail: `the ${connection.kind} exchange socket is ${connection.state}` });
      }
    }
    if (this.keyProblem !== undefined) failing.push({ check: 'apiKeys', detail: this.keyProblem });
    // Not ready without Redis: this replica still serves (local cache, local budget share), but a load balancer should
    // prefer replicas that share the cluster's budgets and streams.
    const redisProblem = this.deps.redis?.();
    if (redisProblem !== undefined) failing.push({ check: 'redis', detail: redisProblem });
    return failing;
  }

  /** `/ready`: 200 `{ ready: true }`, or 503 with the failing checks. */
  /**
   * GET /ready. yoga's useReadinessCheck does the same but also tests a URLPattern against every other request's URL
   * (about 1 % of an uncached query's CPU, bench B1U profile); the parsed pathname is enough.
   */
  plugin(): Plugin {
    return withNativeHooks<Plugin>(
      {
        onRequest: ({ url, endResponse }) => {
          if (url.pathname !== READY_PATH) return;
          const failing = this.failing();
          endResponse(
            Response.json({ ready: failing.length === 0, failing }, { status: failing.length === 0 ? 200 : 503 }),
          );
        },
      },
      { accepts: (request) => request.pathname !== READY_PATH },
    );
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.probeOnce().finally(() => this.schedule()), this.deps.intervalMs);
    this.timer.unref();
  }
}
