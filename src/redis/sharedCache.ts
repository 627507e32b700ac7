// RedisSharedCache: the public cache every replica shares in Redis, with concurrent misses coalesced across replicas
// (one replica fetches under a short lock, the others take its answer from a pub/sub notice).
import type { PageInfo, ResponseWithMeta } from '../exchange/http.ts';
import type { SharedAnswer, SharedCache, SharedLifetime } from '../exchange/cache.ts';
import type { ReplicaLink } from './connection.ts';

/** Longest a cache read waits on Redis before answering from the exchange instead (Redis slow or unreachable). */
const COMMAND_BOUND_MS = 250;
/** After a command ran past that bound, Redis is left alone this long: a slow Redis costs one bound, not one per read. */
const SLOW_PAUSE_MS = 1_000;
/** The fetch lock's lifetime, and how long the other replicas wait for its holder's answer before fetching themselves. */
const FETCH_LOCK_MS = 2_000;

/** Stores an answer, releases the fetch lock if this replica still holds it, and tells every replica (key, LF, entry). */
const FILL_SCRIPT = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
redis.call('PUBLISH', ARGV[4], ARGV[5] .. '\\n' .. ARGV[1])
return 1`;
/** The fetch failed: releases the lock if held and tells the waiters (key, LF, nothing) to fetch for themselves. */
const FAIL_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
redis.call('PUBLISH', ARGV[2], ARGV[3] .. '\\n')
return 1`;

/** The JSON stored per key: the REST answer (headers as pairs) and, for anyone reading Redis by hand, its freshness. */
interface StoredAnswer {
  readonly data: unknown;
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly page?: PageInfo;
  readonly freshUntil: number;
}

const UNAVAILABLE = Symbol('redis unavailable');
type Bounded<T> = T | typeof UNAVAILABLE;

/**
 * Exchange answers keep their exact text through JSON: the REST client already turned every number whose JS value
 * would print differently into a string, so `JSON.stringify` writes back the exchange's own tokens.
 */
function encode(value: ResponseWithMeta<unknown>, freshUntil: number): string {
  const stored: StoredAnswer = {
    data: value.data,
    status: value.status,
    headers: [...value.headers.entries()],
    ...(value.page ? { page: value.page } : {}),
    freshUntil,
  };
  return JSON.stringify(stored);
}

function decode(text: string): ResponseWithMeta<unknown> | undefined {
  try {
    const stored = JSON.parse(text) as StoredAnswer;
    return {
      data: stored.data,
      status: stored.status,
      headers: new Headers(stored.headers as [string, string][]),
      ...(stored.page ? { page: stored.page } : {}),
    };
  } catch {
    return undefined; // written by an incompatible version: treated as a miss and overwritten
  }
}

export class RedisSharedCache implements SharedCache {
  private readonly channel: string;
  /** Local waiters per key for another replica's fill notice (the entry's JSON, or null when its fetch failed). */
  private readonly waiters = new Map<string, Set<(entry: string | null) => void>>();
  private pausedUntil = 0;

  constructor(
    private readonly link: ReplicaLink,
    private readonly now: () => number = Date.now,
  ) {
    this.channel = `${link.prefix}cache-fills`;
    const subscriber = link.subscriber();
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.notified(message);
    });
    // ioredis subscribes again after every reconnect; a failure now only means waiters fall back on their timeout.
    subscriber.subscribe(this.channel).catch(() => undefined);
    // Redis gone: nobody will tell the waiters, so they fetch for themselves now. Redis back: a new connection is not
    // a slow one, so sharing resumes at once.
    link.onHealth((healthy) => {
      if (healthy) this.pausedUntil = 0;
      else for (const key of [...this.waiters.keys()]) this.wake(key, null);
    });
  }

  async load(
    key: string,
    lifetime: SharedLifetime,
    fetch: () => Promise<ResponseWithMeta<unknown>>,
    refresh = false,
  ): Promise<SharedAnswer> {
    if (!this.usable()) return this.fetchAlone(lifetime, fetch);
    // Listening before the first read: a fill published between that read and the lock attempt is not missed.
    const notice = this.listen(key);
    try {
      const found = refresh ? undefined : await this.bounded(this.read(key, lifetime));
      if (found === UNAVAILABLE) return await this.fetchAlone(lifetime, fetch);
      if (found !== undefined && found.freshForMs > 0) return found;
      const locked = await this.bounded(
        this.link.redis.set(this.lockKey(key), this.link.replicaId, 'PX', FETCH_LOCK_MS, 'NX'),
      );
      if (locked === UNAVAILABLE) return await this.fetchAlone(lifetime, fetch);
      if (locked !== 'OK') {
        const filled = await notice.within(FETCH_LOCK_MS);
        const value = filled === null ? undefined : decode(filled);
        if (value !== undefined) return { value, freshForMs: lifetime.ttlMs };
        // The holder failed, died or was not heard: fetch here (and share it), as a single gateway would.
      }
      return await this.fetchAndShare(key, lifetime, fetch, found);
    } finally {
      notice.cancel();
    }
  }

  private usable(): boolean {
    return this.link.healthy && this.now() >= this.pausedUntil;
  }

  private entryKey(key: string): string {
    return `${this.link.prefix}cache:${key}`;
  }

  private lockKey(key: string): string {
    return `${this.link.prefix}cache-lock:${key}`;
  }

  /** The stored answer and its remaining freshness (from Redis's own expiry, so clocks need not agree). */
  private async read(key: string, lifetime: SharedLifetime): Promise<SharedAnswer | undefined> {
    const entryKey = this.entryKey(key);
    const replies = await this.link.redis.pipeline().get(entryKey).pttl(entryKey).exec();
    const [text, ttl] = (replies ?? []).map(([error, reply]) => (error ? undefined : reply));
    if (typeof text !== 'string' || typeof ttl !== 'number' || ttl <= 0) return undefined;
    const value = decode(text);
    return value === undefined ? undefined : { value, freshForMs: ttl - lifetime.staleMs };
  }

  /** Redis's answer, or UNAVAILABLE when it failed or took longer than the bound (then Redis is paused a moment). */
  private bounded<T>(command: Promise<T>): Promise<Bounded<T>> {
    return new Promise((resolve) => {
      let answered = false;
      // Decided after the next I/O poll: a reply that arrived while the event loop was busy is not taken for a stall.
      const timer = setTimeout(
        () =>
          setImmediate(() => {
            if (answered) return;
            this.pausedUntil = this.now() + SLOW_PAUSE_MS;
            resolve(UNAVAILABLE);
          }),
        COMMAND_BOUND_MS,
      );
      command.then(
        (reply) => {
          answered = true;
          clearTimeout(timer);
          resolve(reply);
        },
        () => {
          answered = true;
          clearTimeout(timer);
          resolve(UNAVAILABLE);
        },
      );
    });
  }

  private async fetchAlone(
    lifetime: SharedLifetime,
    fetch: () => Promise<ResponseWithMeta<unknown>>,
  ): Promise<SharedAnswer> {
    return { value: await fetch(), freshForMs: lifetime.ttlMs };
  }

  /**
   * Fetches, then stores the answer and notifies the waiting replicas without holding up the caller. A failure is
   * never stored: the waiters are told to fetch for themselves, and a stale stored answer (catalogs) is served instead.
   */
  private async fetchAndShare(
    key: string,
    lifetime: SharedLifetime,
    fetch: () => Promise<ResponseWithMeta<unknown>>,
    stale: SharedAnswer | undefined,
  ): Promise<SharedAnswer> {
    const redis = this.link.redis;
    let value: ResponseWithMeta<unknown>;
    try {
      value = await fetch();
    } catch (error) {
      redis.eval(FAIL_SCRIPT, 1, this.lockKey(key), this.link.replicaId, this.channel, key).catch(() => undefined);
      if (stale !== undefined) return { value: stale.value, freshForMs: 0 };
      throw error;
    }
    const text = encode(value, this.now() + lifetime.ttlMs);
    const keys = [this.entryKey(key), this.lockKey(key)];
    const lifetimeMs = lifetime.ttlMs + lifetime.staleMs;
    // Sent even while Redis is paused as slow: other replicas may be waiting on this replica's lock.
    redis
      .eval(FILL_SCRIPT, 2, ...keys, text, lifetimeMs, this.link.replicaId, this.channel, key)
      .catch(() => undefined);
    return { value, freshForMs: lifetime.ttlMs };
  }

  private listen(key: string): { within(ms: number): Promise<string | null>; cancel(): void } {
    let settle: (entry: string | null) => void = () => undefined;
    let settled: string | null | undefined;
    const waiter = (entry: string | null): void => {
      settled = entry;
      settle(entry);
    };
    let set = this.waiters.get(key);
    if (set === undefined) this.waiters.set(key, (set = new Set()));
    set.add(waiter);
    const cancel = (): void => {
      const current = this.waiters.get(key);
      current?.delete(waiter);
      if (current?.size === 0) this.waiters.delete(key);
    };
    return {
      within: (ms) =>
        settled !== undefined
          ? Promise.resolve(settled)
          : new Promise((resolve) => {
              const timer = setTimeout(() => resolve(null), ms);
              settle = (entry) => {
                clearTimeout(timer);
                resolve(entry);
              };
            }),
      cancel,
    };
  }

  private notified(message: string): void {
    const split = message.indexOf('\n');
    if (split < 0) return;
    const key = message.slice(0, split);
    if (!this.waiters.has(key)) return;
    const entry = message.slice(split + 1);
    this.wake(key, entry === '' ? null : entry);
  }

  private wake(key: string, entry: string | null): void {
    const set = this.waiters.get(key);
    this.waiters.delete(key);
    for (const waiter of set ?? []) waiter(entry);
  }
}
