// SharedRateLimiter: one exchange budget per account for all replicas (sliding windows in Redis), falling back to this
// replica's share of the budget while Redis is away or slow.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateClass } from '../exchange/endpoint.ts';
import { ExchangeError } from '../exchange/errors.ts';
import { RateLimiter, type RequestLimiter } from '../exchange/limiter.ts';
import type { ReplicaLink } from './connection.ts';

/** After a failed or timed-out Redis call, the local share answers for this long before Redis is tried again. */
const DEGRADED_MS = 1_000;

// Hand-written rather than rate-limiter-flexible: that library checks one limit per call and queues per process; the
// exchange's budgets are nested (a historical call spends both), so both windows must be checked and charged atomically.
// Redis's own clock (TIME) is the one every replica shares. Answers {1, 0, n, h} (granted) or {0, ms until a slot may
// free, n, h}, n and h being the grants in the standard and historical windows (what a replica remembers for an outage).
const ACQUIRE_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local paused = redis.call('PTTL', KEYS[3])
if paused > 0 then return {0, paused, -1, -1} end
local wait = 0
local function check(key, limit)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local oldest = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + window - now)
  end
end
local historical = tonumber(ARGV[3])
check(KEYS[1], tonumber(ARGV[2]))
if historical > 0 then check(KEYS[2], historical) end
local function spent()
  return redis.call('ZCARD', KEYS[1]), redis.call('ZCOUNT', KEYS[2], '(' .. (now - window), '+inf')
end
if wait > 0 then return {0, wait, spent()} end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
if historical > 0 then
  redis.call('ZADD', KEYS[2], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[2], window)
end
return {1, 0, spent()}
`;
const ACQUIRE_COMMAND = 'bpgwExchangeAcquire';
// Grants in the standard and historical windows now, on Redis's clock (read only): how an idle replica keeps its
// knowledge fresh.
const SPENT_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local since = '(' .. (now - tonumber(ARGV[1]))
return {redis.call('ZCOUNT', KEYS[1], since, '+inf'), redis.call('ZCOUNT', KEYS[2], since, '+inf')}
`;
const SPENT_COMMAND = 'bpgwExchangeSpent';
/**
 * How old this replica's knowledge of the shared window may grow before it reads the window again, calls or not: on
 * losing Redis it splits what was left as of then, even for an account it had not called for a while.
 */
const KNOWLEDGE_MAX_AGE_MS = 1_000;

type SpentCommand = (standardKey: string, historicalKey: string, windowMs: number) => Promise<[number, number]>;

/** The shared windows' grants (all replicas) as this replica last knew them, and when. */
export interface KnownWindow {
  readonly spent: number;
  readonly historical: number;
  readonly at: number;
}

type AcquireCommand = (
  standardKey: string,
  historicalKey: string,
  pauseKey: string,
  windowMs: number,
  perMinute: number,
  historicalPerMinute: number,
  member: string,
) => Promise<[number, number, number, number]>;

export interface SharedBudgetOptions {
  readonly perMinute: number;
  readonly historicalPerMinute: number;
  readonly maxWaitMs: number;
  /** Length of the sliding window; one minute unless a test or bench shortens it. */
  readonly windowMs?: number;
}

interface Waiter {
  readonly endpoint: string;
  readonly deadline: number;
  readonly signal: AbortSignal | undefined;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
  readonly detach: () => void;
}

/** Redis keys of one account's budget: a hash of the API key (public, but still not spelled out), never the secret. */
function budgetKey(prefix: string, apiKey: string | undefined): string {
  const owner = apiKey === undefined ? 'public' : createHash('sha256').update(apiKey).digest('hex').slice(0, 32);
  return `${prefix}budget:${owner}`;
}

function scriptCommand<T extends (...args: never[]) => unknown>(
  redis: Redis,
  name: string,
  keys: number,
  lua: string,
): T {
  if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: keys, lua });
  const command = (redis as unknown as Record<string, T>)[name];
  if (command === undefined) throw new Error(`ioredis did not define ${name}`);
  return command.bind(redis) as T;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class SharedRateLimiter implements RequestLimiter {
  private readonly link: ReplicaLink;
  private readonly options: Required<SharedBudgetOptions>;
  private readonly keys: { readonly standard: string; readonly historical: string; readonly paused: string };
  private readonly acquireScript: AcquireCommand;
  private readonly spentScript: SpentCommand;
  private readonly refresher: NodeJS.Timeout;
  private readonly knowledgeMaxAgeMs: number;
  private refreshing = false;
  /** This replica's share (budget ÷ GATEWAY_REPLICAS); it also counts the shared grants this replica received. */
  private readonly localShare: RateLimiter;
  // Arrival order is kept per class locally (as in RateLimiter); across replicas each head asks Redis in turn.
  private readonly queues: Record<RateClass, Waiter[]> = { standard: [], historical: [] };
  private readonly draining: Record<RateClass, boolean> = { standard: false, historical: false };
  private degradedUntil = 0;
  private seq = 0;
  /** Grants of the local share not yet in Redis: written there when Redis is back, so the window stays whole. */
  private unsynced: { readonly rateClass: RateClass; readonly at: number }[] = [];
  /** The shared windows at this replica's last answer from Redis; cleared once used. */
  private lastSeen: KnownWindow | undefined;

  constructor(link: ReplicaLink, apiKey: string | undefined, options: SharedBudgetOptions) {
    this.link = link;
    this.options = { windowMs: 60_000, ...options };
    const key = budgetKey(link.prefix, apiKey);
    this.keys = { standard: `${key}:standard`, historical: `${key}:historical`, paused: `${key}:paused` };
    this.acquireScript = scriptCommand<AcquireCommand>(link.redis, ACQUIRE_COMMAND, 3, ACQUIRE_SCRIPT);
    this.spentScript = scriptCommand<SpentCommand>(link.redis, SPENT_COMMAND, 2, SPENT_SCRIPT);
    const share = (budget: number): number => Math.max(1, Math.floor(budget / link.replicas));
    this.localShare = new RateLimiter({
      perMinute: share(options.perMinute),
      historicalPerMinute: share(options.historicalPerMinute),
      maxWaitMs: options.maxWaitMs,
      windowMs: this.options.windowMs,
    });
    this.knowledgeMaxAgeMs = Math.min(KNOWLEDGE_MAX_AGE_MS, this.options.windowMs / 4);
    this.refresher = setInterval(() => this.refreshKnowledge(), this.knowledgeMaxAgeMs);
    this.refresher.unref();
    // Written back as soon as Redis returns, so that every replica's outage grants are counted before anyone spends.
    link.onHealth((healthy) => {
      if (healthy && this.unsynced.length > 0) this.replay().catch(() => this.degrade());
    });
  }

  /** Whether calls are counted in Redis right now (false: this replica's local share). */
  get shared(): boolean {
    return this.link.healthy && Date.now() >= this.degradedUntil;
  }

  /** The shared windows as this replica last knew them; undefined once used (Redis lost) or before any answer. */
  get knownWindow(): KnownWindow | undefined {
    return this.lastSeen;
  }

  pendingIn(rateClass: RateClass): number {
    return this.queues[rateClass].length + this.localShare.pendingIn(rateClass);
  }

  acquire(rateClass: RateClass, endpoint: string, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.shared) return this.acquireLocally(rateClass, endpoint, signal);
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const queue = this.queues[rateClass];
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        endpoint,
        deadline: Date.now() + this.options.maxWaitMs,
        signal,
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queues[rateClass].push(waiter);
      void this.drain(rateClass);
    });
  }

  pauseFor(ms: number): void {
    if (!this.shared) return;
    // The latest Retry-After is the exchange's freshest word, so it replaces an earlier pause.
    this.link.redis.set(this.keys.paused, '1', 'PX', Math.max(1, Math.round(ms))).catch(() => this.degrade());
  }

  /** Grants the head of one class's queue while Redis says there is room; one drain per class at a time. */
  private async drain(rateClass: RateClass): Promise<void> {
    if (this.draining[rateClass]) return;
    this.draining[rateClass] = true;
    const queue = this.queues[rateClass];
    try {
      for (let head = queue[0]; head !== undefined; head = queue[0]) {
        let verdict: [number, number, number, number];
        try {
          if (this.unsynced.length > 0) await this.replay();
          verdict = await this.ask(rateClass);
        } catch {
          this.degrade();
          for (const waiter of queue.splice(0)) this.handOver(rateClass, waiter);
          return;
        }
        const [granted, waitMs, spent, historical] = verdict;
        if (spent >= 0) this.lastSeen = { spent, historical, at: Date.now() };
        if (granted === 1) {
          this.localShare.record(rateClass);
          this.settle(queue, head, () => head.resolve());
          continue;
        }
        const now = Date.now();
        // No slot before the head's deadline: fail it now, as the local limiter does, and ask again for the next.
        if (now + waitMs > head.deadline) {
          this.settle(queue, head, () => head.reject(this.exhausted(rateClass, head, waitMs)));
          continue;
        }
        await sleep(waitMs);
      }
    } finally {
      this.draining[rateClass] = false;
    }
  }

  private ask(rateClass: RateClass): Promise<[number, number, number, number]> {
    const { windowMs, perMinute, historicalPerMinute } = this.options;
    return this.acquireScript(
      this.keys.standard,
      this.keys.historical,
      this.keys.paused,
      windowMs,
      perMinute,
      rateClass === 'historical' ? historicalPerMinute : 0,
      `${this.link.replicaId}:${this.seq++}`,
    );
  }

  /** Removes the waiter (if an abort has not already) and runs its outcome. */
  private settle(queue: Waiter[], waiter: Waiter, outcome: () => void): void {
    const index = queue.indexOf(waiter);
    if (index < 0) return;
    queue.splice(index, 1);
    waiter.detach();
    outcome();
  }

  /** Redis failed mid-wait: the waiter continues in the local share's queue. */
  private handOver(rateClass: RateClass, waiter: Waiter): void {
    waiter.detach();
    this.acquireLocally(rateClass, waiter.endpoint, waiter.signal).then(waiter.resolve, waiter.reject);
  }

  private async acquireLocally(rateClass: RateClass, endpoint: string, signal?: AbortSignal): Promise<void> {
    if (this.lastSeen !== undefined) this.reserveOthersSpending(this.lastSeen);
    await this.localShare.acquire(rateClass, endpoint, signal);
    const now = Date.now();
    // Only the last window matters; trimmed now and then so a long outage does not grow the list.
    if (this.unsynced.length >= this.options.perMinute) {
      this.unsynced = this.unsynced.filter((grant) => grant.at > now - this.options.windowMs);
    }
    this.unsynced.push({ rateClass, at: now });
  }

  /**
   * Entering the local share: what is left of each shared window when Redis was last seen is split between the
   * replicas, so a replica cannot spend its whole share on top of a window others had nearly used up. The rest of each
   * share is marked as spent until a window after that moment (a historical grant counts in the standard window too).
   */
  private reserveOthersSpending(lastSeen: KnownWindow): void {
    this.lastSeen = undefined;
    const { replicas } = this.link;
    const unavailable = (budget: number, spent: number): number =>
      Math.max(1, Math.floor(budget / replicas)) - Math.floor(Math.max(0, budget - spent) / replicas);
    const historical = unavailable(this.options.historicalPerMinute, lastSeen.historical);
    const standard = unavailable(this.options.perMinute, lastSeen.spent) - historical;
    for (let reserved = 0; reserved < historical; reserved += 1) this.localShare.record('historical', lastSeen.at);
    for (let reserved = 0; reserved < standard; reserved += 1) this.localShare.record('standard', lastSeen.at);
  }

  /** Reads the shared window when this replica's knowledge of it is getting old (it has not called Redis lately). */
  private refreshKnowledge(): void {
    // The link was closed with its gateway: this limiter is done.
    if (this.link.redis.status === 'end') {
      clearInterval(this.refresher);
      return;
    }
    if (this.refreshing || !this.shared) return;
    if (this.lastSeen !== undefined && Date.now() - this.lastSeen.at < this.knowledgeMaxAgeMs) return;
    this.refreshing = true;
    const asked = Date.now();
    this.spentScript(this.keys.standard, this.keys.historical, this.options.windowMs)
      .then(
        ([spent, historical]) => {
          // A grant answered meanwhile is as fresh; entering the local share meanwhile used (cleared) the knowledge.
          if (this.shared && (this.lastSeen === undefined || this.lastSeen.at < asked)) {
            this.lastSeen = { spent, historical, at: asked };
          }
        },
        () => undefined,
      )
      .finally(() => {
        this.refreshing = false;
      });
  }

  /** Adds what the local share granted while Redis was away to the shared windows (Redis may have lost them all). */
  private async replay(): Promise<void> {
    const since = Date.now() - this.options.windowMs;
    const grants = this.unsynced.filter((grant) => grant.at > since);
    const batch = this.link.redis.multi();
    for (const grant of grants) {
      const member = `${this.link.replicaId}:local:${this.seq++}`;
      batch.zadd(this.keys.standard, grant.at, member);
      if (grant.rateClass === 'historical') batch.zadd(this.keys.historical, grant.at, member);
    }
    batch.pexpire(this.keys.standard, this.options.windowMs).pexpire(this.keys.historical, this.options.windowMs);
    await batch.exec();
    this.unsynced = [];
  }

  private degrade(): void {
    this.degradedUntil = Date.now() + DEGRADED_MS;
  }

  private exhausted(rateClass: RateClass, waiter: Waiter, retryAfterMs: number): ExchangeError {
    const limit = rateClass === 'historical' ? this.options.historicalPerMinute : this.options.perMinute;
    return new ExchangeError({
      kind: 'rateLimited',
      endpoint: waiter.endpoint,
      retryable: true,
      retryAfterMs,
      message:
        `client-side rate limit: the ${rateClass} budget of ${limit} requests per ${this.options.windowMs / 1000} s ` +
        `(shared by every replica) is used up and no slot frees within ${this.options.maxWaitMs} ms`,
    });
  }
}
