// CallerDebts: what each caller has spent of its shared gateway budgets that Redis may not hold, kept by one replica
// until Redis is back: the spending Redis last reported (a restart empties Redis) and this replica's own spending while
// Redis was away. Each is paid off at its budget's refill rate, as the token bucket itself would refill.
import type { CallerBudgetLimits } from '../security/rateLimit.ts';

/** Units not yet refilled: operations, and estimated cost. */
export interface Spending {
  readonly requests: number;
  readonly cost: number;
}

export interface Owed {
  /** How far from full Redis last said the caller's buckets were (every replica's spending). */
  readonly seen: Spending;
  /** What this replica charged on its own share while Redis was away. */
  readonly own: Spending;
}

interface Entry {
  seen: Spending;
  own: Spending;
  at: number;
}

const NOTHING: Spending = Object.freeze({ requests: 0, cost: 0 });

export class CallerDebts {
  private readonly entries = new Map<string, Entry>();
  private readonly requestsPerMs: number;
  private readonly costPerMs: number;

  constructor(
    limits: CallerBudgetLimits,
    /** Bounds memory when many anonymous IPs call: paid-off entries are forgotten first, then the oldest. */
    private readonly maxKeys = 10_000,
  ) {
    this.requestsPerMs = limits.perMinute / 60_000;
    this.costPerMs = limits.costPerMinute / 60_000;
  }

  /** Redis answered for `key`: its buckets were this far from full. */
  seen(key: string, spending: Spending, now: number): void {
    this.entry(key, now).seen = spending;
  }

  /** What Redis last reported `key` had spent, refilled since (nothing if it never answered for `key`). */
  seenOf(key: string, now: number): Spending {
    const entry = this.entries.get(key);
    if (entry === undefined) return NOTHING;
    this.payOff(entry, now);
    return entry.seen;
  }

  /** This replica charged `key` one operation of `cost` on its own share. */
  spent(key: string, cost: number, now: number): void {
    const entry = this.entry(key, now);
    entry.own = { requests: entry.own.requests + 1, cost: entry.own.cost + cost };
  }

  /** Everything still owed, forgotten here: the caller writes it to Redis, or hands it back with `restore`. */
  take(now: number): Map<string, Owed> {
    const owed = new Map<string, Owed>();
    for (const [key, entry] of this.entries) {
      this.payOff(entry, now);
      if (isOwing(entry.seen) || isOwing(entry.own)) owed.set(key, { seen: entry.seen, own: entry.own });
    }
    this.entries.clear();
    return owed;
  }

  /** Writing `owed` to Redis failed: owe it again (own spending adds up, Redis's last word is kept if newer). */
  restore(owed: ReadonlyMap<string, Owed>, now: number): void {
    for (const [key, debt] of owed) {
      const entry = this.entry(key, now);
      entry.own = { requests: entry.own.requests + debt.own.requests, cost: entry.own.cost + debt.own.cost };
      if (!isOwing(entry.seen)) entry.seen = debt.seen;
    }
  }

  private entry(key: string, now: number): Entry {
    let entry = this.entries.get(key);
    if (entry === undefined) {
      if (this.entries.size >= this.maxKeys) this.prune(now);
      entry = { seen: NOTHING, own: NOTHING, at: now };
      this.entries.set(key, entry);
    }
    this.payOff(entry, now);
    return entry;
  }

  private payOff(entry: Entry, now: number): void {
    const elapsed = Math.max(0, now - entry.at);
    entry.at = now;
    if (elapsed === 0) return;
    const refill = (spending: Spending): Spending => ({
      requests: Math.max(0, spending.requests - elapsed * this.requestsPerMs),
      cost: Math.max(0, spending.cost - elapsed * this.costPerMs),
    });
    entry.seen = refill(entry.seen);
    entry.own = refill(entry.own);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      this.payOff(entry, now);
      if (!isOwing(entry.seen) && !isOwing(entry.own)) this.entries.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxKeys) break;
      this.entries.delete(key);
    }
  }
}

function isOwing(spending: Spending): boolean {
  return spending.requests > 0 || spending.cost > 0;
}
