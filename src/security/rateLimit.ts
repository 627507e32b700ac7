// Token buckets keyed by caller: each bucket holds up to `perMinute` units (requests, or estimated cost) and refills
// continuously.

export type Take = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

interface Bucket {
  tokens: number;
  at: number;
}

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
    return { ok: true };
  }

  /** How long until `amount` fits in `key`'s bucket (0: now), without taking it. */
  wait(key: string, amount = 1): number {
    return this.waitFor(this.refilled(key), amount);
  }

  private refilled(key: string): Bucket {
    const now = this.now();
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

/** One process's budgets: both are checked before either is charged, so a refusal costs the caller nothing. */
export function localCallerBudget(limits: CallerBudgetLimits, now?: () => number): CallerBudget {
  const requests = new TokenBuckets(limits.perMinute, now);
  const spent = new TokenBuckets(limits.costPerMinute, now);
  return {
    charge: (key, cost) => {
      const requestWait = requests.wait(key);
      if (requestWait > 0) return { ok: false, budget: 'requests', retryAfterMs: requestWait };
      const costWait = spent.wait(key, cost);
      if (costWait > 0) return { ok: false, budget: 'cost', retryAfterMs: costWait };
      requests.take(key);
      spent.take(key, cost);
      return { ok: true };
    },
  };
}
