// Token buckets keyed by caller: each bucket holds up to `perMinute` units (requests, or estimated cost) and refills
// continuously.

export type Take = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

const TAKEN: Take = Object.freeze({ ok: true });
const BOTH_TAKEN = Object.freeze([0, 0] as const);

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    /** Bounds memory when many anonymous IPs call: idle (full) buckets are forgotten first, then the oldest. */
    private readonly maxKeys = 10_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes `amount` (one request, or an operation's cost) from `key`'s bucket, or says how long until it fits. */
  take(key: string, amount = 1): Take {
    const bucket = this.refilled(key);
    const retryAfterMs = this.waitFor(bucket, amount);
    if (retryAfterMs > 0) return { ok: false, retryAfterMs };
    bucket.tokens -= amount;
    return TAKEN;
  }

  /**
   * Takes `amount` from `key`'s bucket and `otherAmount` from `other`'s bucket for the same key, both or neither, with
   * one clock read and one lookup per bucket (it runs for every answer, memoized ones included). Returns how long
   * until both fit: `[0, 0]` when taken, else the wait of this bucket and of the other one.
   */
  takeWith(key: string, amount: number, other: TokenBuckets, otherAmount: number): readonly [number, number] {
    const now = this.now();
    const bucket = this.refilledAt(key, now);
    const otherBucket = other.refilledAt(key, now);
    const wait = this.waitFor(bucket, amount);
    const otherWait = other.waitFor(otherBucket, otherAmount);
    if (wait > 0 || otherWait > 0) return [wait, otherWait];
    bucket.tokens -= amount;
    otherBucket.tokens -= otherAmount;
    return BOTH_TAKEN;
  }

  private refilled(key: string): Bucket {
    return this.refilledAt(key, this.now());
  }

  private refilledAt(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxKeys) this.prune(now);
      bucket = { tokens: this.perMinute, at: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    return bucket;
  }

  private waitFor(bucket: Bucket, amount: number): number {
    return bucket.tokens >= amount ? 0 : Math.ceil((amount - bucket.tokens) / this.perMs);
  }

  get size(): number {
    return this.buckets.size;
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

/** Why a caller was refused: which of its two budgets is used up, and until when. */
export type Charge =
  { readonly ok: true } | { readonly ok: false; readonly budget: 'requests' | 'cost'; readonly retryAfterMs: number };

/** The two budgets of one kind of caller (operations and estimated cost), charged together or not at all. */
export interface CallerBudget {
  /** Takes one operation and its cost from `key`'s budgets, or says which is used up (in replica mode: async). */
  charge(key: string, cost: number): Charge | Promise<Charge>;
}

export interface CallerBudgetLimits {
  /** Operations per minute per caller. */
  readonly perMinute: number;
  /** Estimated cost per minute per caller. */
  readonly costPerMinute: number;
}

const CHARGED: Charge = Object.freeze({ ok: true });

/** One process's budgets: both are checked before either is charged, so a refusal costs the caller nothing. */
export function localCallerBudget(limits: CallerBudgetLimits, now?: () => number): CallerBudget {
  const requests = new TokenBuckets(limits.perMinute, now);
  const spent = new TokenBuckets(limits.costPerMinute, now);
  return {
    charge: (key, cost) => {
      const [requestWait, costWait] = requests.takeWith(key, 1, spent, cost);
      if (requestWait > 0) return { ok: false, budget: 'requests', retryAfterMs: requestWait };
      if (costWait > 0) return { ok: false, budget: 'cost', retryAfterMs: costWait };
      return CHARGED;
    },
  };
}
