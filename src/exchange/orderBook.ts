// LocalOrderBook: one market's book from a REST depth snapshot plus `depth` deltas (drop deltas with `u` <= the
// snapshot's id, then require each `U` = previous `u` + 1).
import type { Depth } from './types/marketData.ts';

/** A `depth` stream payload: absolute sizes, `U`..`u` the update ids it covers. */
export interface DepthDelta {
  readonly U: number | string;
  readonly u: number | string;
  readonly a: readonly (readonly [string, string])[];
  readonly b: readonly (readonly [string, string])[];
  readonly s?: string;
  readonly E?: number;
  readonly T?: number;
}

/** The REST snapshot the book needs (its engine time when known); `Depth` from the wire types satisfies it. */
export type DepthSnapshot = Pick<Depth, 'asks' | 'bids' | 'lastUpdateId'> & { readonly timestamp?: number | string };

export type BookLevel = readonly [price: string, quantity: string];

export interface BookTop {
  /** Best (highest) bid first. */
  readonly bids: readonly BookLevel[];
  /** Best (lowest) ask first. */
  readonly asks: readonly BookLevel[];
  readonly lastUpdateId: string;
  /** Engine time (epoch µs as sent) of the last change included: the snapshot's, then each applied delta's `T`. */
  readonly timestamp: number | string | null;
}

/**
 * `awaitingSnapshot`: buffering deltas; `bridging`: snapshot loaded, waiting for the delta that covers L+1 (or, on a
 * quiet market, for the feed to accept the snapshot as it is).
 */
export type BookPhase = 'awaitingSnapshot' | 'bridging' | 'live';
export type ResyncReason = 'gap' | 'staleSnapshot' | 'crossed' | 'malformed' | 'reconnect';

export interface BookCounters {
  readonly applied: number;
  readonly dropped: number;
  readonly snapshots: number;
  readonly resyncs: number;
  readonly gaps: number;
}

function isLevelArray(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((level) => Array.isArray(level) && typeof level[0] === 'string' && typeof level[1] === 'string')
  );
}

/** Shape check for a `depth` payload; decimal syntax is checked when applying (a bad one forces a resync). */
export function isDepthDelta(value: unknown): value is DepthDelta {
  if (typeof value !== 'object' || value === null) return false;
  const { U, u, a, b } = value as Record<string, unknown>;
  const isId = (id: unknown) => typeof id === 'number' || typeof id === 'string';
  return isId(U) && isId(u) && isLevelArray(a) && isLevelArray(b);
}

const DECIMAL = /^(\d+)(?:\.(\d*))?$/;

/** `"0086700.0"` → `"86700"`, `"0.00"` → `"0"`: the numeric identity of a non-negative decimal string, no floats. */
export function normalizeDecimal(value: string): string {
  const match = DECIMAL.exec(value);
  if (match === null) throw new TypeError(`not a non-negative decimal: ${JSON.stringify(value)}`);
  const integer = (match[1] ?? '0').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction === '' ? integer : `${integer}.${fraction}`;
}

/** Exact comparison of two normalised decimals (output of `normalizeDecimal`). */
export function compareDecimal(a: string, b: string): number {
  const dotA = a.indexOf('.');
  const dotB = b.indexOf('.');
  const intA = dotA === -1 ? a : a.slice(0, dotA);
  const intB = dotB === -1 ? b : b.slice(0, dotB);
  if (intA.length !== intB.length) return intA.length < intB.length ? -1 : 1;
  if (intA !== intB) return intA < intB ? -1 : 1;
  // Without trailing zeros, fraction digits compare lexicographically exactly like their values.
  const fracA = dotA === -1 ? '' : a.slice(dotA + 1);
  const fracB = dotB === -1 ? '' : b.slice(dotB + 1);
  return fracA === fracB ? 0 : fracA < fracB ? -1 : 1;
}

interface Level {
  readonly key: string;
  price: string;
  quantity: string;
}

/** One side kept sorted best-first; binary search by normalised price. */
class BookSide {
  private levels: Level[] = [];

  constructor(private readonly descending: boolean) {}

  private compare(a: string, b: string): number {
    return this.descending ? compareDecimal(b, a) : compareDecimal(a, b);
  }

  private search(key: string): { index: number; found: boolean } {
    let low = 0;
    let high = this.levels.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const order = this.compare((this.levels[mid] as Level).key, key);
      if (order === 0) return { index: mid, found: true };
      if (order < 0) low = mid + 1;
      else high = mid;
    }
    return { index: low, found: false };
  }

  /** Absolute size; zero deletes. Keeps the latest exchange spelling of the price. */
  set(key: string, price: string, quantity: string, isZero: boolean): void {
    const { index, found } = this.search(key);
    if (isZero) {
      if (found) this.levels.splice(index, 1);
    } else if (found) {
      const level = this.levels[index] as Level;
      level.price = price;
      level.quantity = quantity;
    } else {
      this.levels.splice(index, 0, { key, price, quantity });
    }
  }

  /** Bulk load (snapshot): one sort instead of thousands of splices; later duplicates win. */
  load(levels: readonly (readonly [string, string])[]): void {
    const byKey = new Map<string, Level>();
    for (const [price, quantity] of levels) {
      if (normalizeDecimal(quantity) === '0') continue;
      const key = normalizeDecimal(price);
      byKey.set(key, { key, price, quantity });
    }
    this.levels = [...byKey.values()].sort((x, y) => this.compare(x.key, y.key));
  }

  clear(): void {
    this.levels = [];
  }

  best(): Level | undefined {
    return this.levels[0];
  }

  get size(): number {
    return this.levels.length;
  }

  top(n: number): BookLevel[] {
    return this.levels.slice(0, Math.max(0, n)).map((level) => [level.price, level.quantity] as const);
  }
}

interface NormalisedLevel {
  readonly key: string;
  readonly price: string;
  readonly quantity: string;
  readonly isZero: boolean;
}

function normaliseLevels(levels: readonly (readonly [string, string])[]): NormalisedLevel[] {
  return levels.map(([price, quantity]) => ({
    key: normalizeDecimal(price),
    price,
    quantity,
    isZero: normalizeDecimal(quantity) === '0',
  }));
}

function updateId(value: number | string): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new TypeError(`bad update id ${value}`);
  if (typeof value === 'string' && !/^\d+$/.test(value)) throw new TypeError(`bad update id ${value}`);
  return BigInt(value);
}

export interface LocalOrderBookOptions {
  /** Deltas kept while waiting for a snapshot; the oldest are dropped beyond this (default 10 000). */
  readonly maxBuffer?: number;
}

export class LocalOrderBook {
  private readonly bids = new BookSide(true);
  private readonly asks = new BookSide(false);
  private readonly maxBuffer: number;
  private buffer: DepthDelta[] = [];
  private currentPhase: BookPhase = 'awaitingSnapshot';
  /** Last applied update id (the snapshot's L until the first delta applies). */
  private last = 0n;
  private engineTime: number | string | null = null;
  private count = { applied: 0, dropped: 0, snapshots: 0, resyncs: 0, gaps: 0 };
  private lastReason: ResyncReason | undefined;

  constructor(
    readonly symbol: string,
    options: LocalOrderBookOptions = {},
  ) {
    this.maxBuffer = options.maxBuffer ?? 10_000;
  }

  get phase(): BookPhase {
    return this.currentPhase;
  }

  /** Consistent and safe to show. */
  get isLive(): boolean {
    return this.currentPhase === 'live';
  }

  get needsSnapshot(): boolean {
    return this.currentPhase === 'awaitingSnapshot';
  }

  get lastResyncReason(): ResyncReason | undefined {
    return this.lastReason;
  }

  get bufferedDeltas(): number {
    return this.buffer.length;
  }

  counters(): BookCounters {
    return { ...this.count };
  }

  /** Applies a delta, or buffers it while no snapshot is loaded. `resync` means: fetch a new snapshot. */
  applyDelta(delta: DepthDelta): 'buffered' | 'applied' | 'dropped' | 'resync' {
    if (this.currentPhase === 'awaitingSnapshot') {
      this.buffer.push(delta);
      // A long outage drops the oldest; the next snapshot is then newer than them anyway or detected as stale.
      if (this.buffer.length > this.maxBuffer) this.buffer.shift();
      return 'buffered';
    }
    let first: bigint;
    let lastId: bigint;
    let asks: NormalisedLevel[];
    let bids: NormalisedLevel[];
    try {
      first = updateId(delta.U);
      lastId = updateId(delta.u);
      asks = normaliseLevels(delta.a);
      bids = normaliseLevels(delta.b);
    } catch {
      this.resync('malformed', []);
      return 'resync';
    }
    if (lastId <= this.last) {
      this.count.dropped += 1;
      return 'dropped';
    }
    if (this.currentPhase === 'bridging' ? first > this.last + 1n : first !== this.last + 1n) {
      // Keep the delta: it is valid data after the hole, and the next snapshot may well precede it.
      this.resync(this.currentPhase === 'bridging' ? 'staleSnapshot' : 'gap', [delta]);
      return 'resync';
    }
    for (const level of asks) this.asks.set(level.key, level.price, level.quantity, level.isZero);
    for (const level of bids) this.bids.set(level.key, level.price, level.quantity, level.isZero);
    this.last = lastId;
    if (delta.T !== undefined) this.engineTime = delta.T;
    this.count.applied += 1;
    this.currentPhase = 'live';
    if (this.isCrossed()) {
      this.resync('crossed', []);
      return 'resync';
    }
    return 'applied';
  }

  /**
   * Loads a REST snapshot and replays the buffered deltas (dropping `u <= L`). Returns `live` when a delta bridged
   * L+1, `bridging` when the snapshot is ahead of the socket (wait for deltas), `resync` when it must be fetched again.
   */
  applySnapshot(snapshot: DepthSnapshot): 'live' | 'bridging' | 'resync' {
    let id: bigint;
    try {
      id = updateId(snapshot.lastUpdateId);
      this.bids.load(snapshot.bids);
      this.asks.load(snapshot.asks);
    } catch {
      this.resync('malformed', this.buffer);
      return 'resync';
    }
    this.count.snapshots += 1;
    this.last = id;
    this.engineTime = snapshot.timestamp ?? null;
    this.currentPhase = 'bridging';
    const pending = this.buffer;
    this.buffer = [];
    // After a resync inside this loop the phase is awaitingSnapshot again, so the rest is simply re-buffered.
    for (const delta of pending) this.applyDelta(delta);
    // Read through the getter: TypeScript would keep the narrowing from the assignment above.
    if (this.phase === 'bridging' && this.isCrossed()) this.resync('crossed', []);
    const phase = this.phase;
    return phase === 'awaitingSnapshot' ? 'resync' : phase;
  }

  /**
   * Shows a snapshot nothing has continued: on a market that has not changed since, no delta comes, and the snapshot
   * is its current book. A later delta that does not follow on from it (U > L+1) resyncs as a gap.
   */
  acceptQuietSnapshot(): boolean {
    if (this.currentPhase !== 'bridging') return false;
    this.currentPhase = 'live';
    return true;
  }

  /** Forgets the book (e.g. the socket reconnected and deltas were lost) and buffers until the next snapshot. */
  invalidate(reason: ResyncReason = 'reconnect'): void {
    if (this.currentPhase === 'awaitingSnapshot') this.buffer = [];
    else this.resync(reason, []);
  }

  top(n: number): BookTop {
    return {
      bids: this.bids.top(n),
      asks: this.asks.top(n),
      lastUpdateId: this.last.toString(),
      timestamp: this.engineTime,
    };
  }

  private isCrossed(): boolean {
    const bid = this.bids.best();
    const ask = this.asks.best();
    return bid !== undefined && ask !== undefined && compareDecimal(bid.key, ask.key) >= 0;
  }

  private resync(reason: ResyncReason, keep: DepthDelta[]): void {
    this.bids.clear();
    this.asks.clear();
    this.buffer = keep;
    this.last = 0n;
    this.engineTime = null;
    this.currentPhase = 'awaitingSnapshot';
    this.count.resyncs += 1;
    if (reason === 'gap') this.count.gaps += 1;
    this.lastReason = reason;
  }
}
