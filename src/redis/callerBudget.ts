// sharedCallerBudget: the per-token (and per-IP) gateway budgets counted across replicas in Redis token buckets, with
// this replica's share of them as the fallback while Redis is away or slow, and what Redis may have lost written back
// when it returns.
import type { Redis } from 'ioredis';
import { TokenBuckets, type CallerBudget, type CallerBudgetLimits, type Charge } from '../security/rateLimit.ts';
import { CallerDebts, type Owed } from './callerDebts.ts';
import type { ReplicaLink } from './connection.ts';

/** After a failed or timed-out Redis call, the local share answers for this long before Redis is tried again. */
const DEGRADED_MS = 1_000;

// A bucket's level now: refilled continuously over a minute since it was last charged, full when Redis has no key.
const LEVEL = `
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local function level(key, capacity)
  local stored = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(stored[1]) or capacity
  local at = tonumber(stored[2]) or now
  return math.min(capacity, tokens + math.max(0, now - at) * capacity / 60000)
end
local function store(key, tokens)
  redis.call('HSET', key, 'tokens', tostring(tokens), 'at', now)
  redis.call('PEXPIRE', key, 60000)
end`;

// Both buckets (operations, cost) are refilled, checked and charged in one atomic call, as the local budget checks both
// before charging either. Same arithmetic as TokenBuckets, on Redis's clock. Answers {1, 0, 0, r, c} (charged) or
// {0, ms until it fits, 1 for the operations budget | 2 for the cost budget, r, c}; r and c are the levels left.
const CHARGE_SCRIPT = `${LEVEL}
local perMinute, costPerMinute, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local requests = level(KEYS[1], perMinute)
local spent = level(KEYS[2], costPerMinute)
if requests < 1 then return {0, math.ceil((1 - requests) * 60000 / perMinute), 1, math.floor(requests), math.floor(spent)} end
if spent < cost then return {0, math.ceil((cost - spent) * 60000 / costPerMinute), 2, math.floor(requests), math.floor(spent)} end
store(KEYS[1], requests - 1)
store(KEYS[2], spent - cost)
return {1, 0, 0, math.floor(requests - 1), math.floor(spent - cost)}
`;

// Written back when Redis returns: a bucket is lowered to what Redis last reported (a restarted Redis has forgotten
// it), then by this replica's own outage spending; never below empty, never raised. ARGV: capacities, then the seen
// and own spending of operations, then of cost.
const SETTLE_SCRIPT = `${LEVEL}
local function settle(key, capacity, seen, own)
  local current = level(key, capacity)
  local target = math.max(0, math.min(current, capacity - seen) - own)
  if target < current then store(key, target) end
end
settle(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[3]), tonumber(ARGV[4]))
settle(KEYS[2], tonumber(ARGV[2]), tonumber(ARGV[5]), tonumber(ARGV[6]))
return 1
`;

const CHARGE_COMMAND = 'bpgwCallerCharge';
const SETTLE_COMMAND = 'bpgwCallerSettle';

type ChargeCommand = (
  requestsKey: string,
  costKey: string,
  perMinute: number,
  costPerMinute: number,
  cost: number,
) => Promise<[number, number, number, number, number]>;

type SettleCommand = (
  requestsKey: string,
  costKey: string,
  perMinute: number,
  costPerMinute: number,
  seenRequests: number,
  ownRequests: number,
  seenCost: number,
  ownCost: number,
) => unknown;

function defineCommands(redis: Redis): void {
  if (!(CHARGE_COMMAND in redis)) redis.defineCommand(CHARGE_COMMAND, { numberOfKeys: 2, lua: CHARGE_SCRIPT });
  if (!(SETTLE_COMMAND in redis)) redis.defineCommand(SETTLE_COMMAND, { numberOfKeys: 2, lua: SETTLE_SCRIPT });
}

/** A command ioredis defined from a script, on the connection or on a pipeline of it. */
function command<T>(target: object, name: string): T {
  const found = (target as Record<string, unknown>)[name];
  if (typeof found !== 'function') throw new Error(`ioredis did not define ${name}`);
  return found.bind(target) as T;
}

export interface SharedCallerBudgetOptions {
  /** `authenticated` or `anonymous`: separate keys, as they are separate budgets. */
  readonly caller: string;
  readonly limits: CallerBudgetLimits;
  /** An operation may cost up to this: the local share never goes below it, or costly operations could never run. */
  readonly maxCost: number;
}

/**
 * A CallerBudget in Redis. `link` is read at charge time: the security layer is built before Redis is connected.
 * While Redis is unusable, each replica charges its own share (budget ÷ GATEWAY_REPLICAS). When Redis returns, each
 * replica lowers the buckets to what Redis last reported and by what it charged meanwhile (both refilled since), so a
 * restarted, empty Redis does not hand every caller a full budget again.
 */
export function sharedCallerBudget(link: () => ReplicaLink, options: SharedCallerBudgetOptions): CallerBudget {
  const { perMinute, costPerMinute } = options.limits;
  const debts = new CallerDebts(options.limits);
  let localShare: { readonly requests: TokenBuckets; readonly cost: TokenBuckets } | undefined;
  /** Callers whose local share was lowered to their part of what Redis last said was left, this outage. */
  const reserved = new Set<string>();
  let charge: ChargeCommand | undefined;
  let degradedUntil = 0;
  /** Redis was away or failed since the last write-back: what it may have lost must be written before charging. */
  let owesRedis = false;
  let writing: Promise<void> | undefined;

  const keysOf = (current: ReplicaLink, key: string): [string, string] => {
    const base = `${current.prefix}caller:${options.caller}:${key}`;
    return [`${base}:requests`, `${base}:cost`];
  };
  const local = (key: string, cost: number): Charge => {
    owesRedis = true;
    const { replicas } = link();
    const share = {
      requests: Math.max(1, Math.floor(perMinute / replicas)),
      cost: Math.max(options.maxCost, Math.floor(costPerMinute / replicas)),
    };
    localShare ??= { requests: new TokenBuckets(share.requests), cost: new TokenBuckets(share.cost) };
    const now = Date.now();
    if (!reserved.has(key)) {
      // As for the exchange budget: only this replica's part of what was left counts, not a whole share on top.
      reserved.add(key);
      const seen = debts.seenOf(key, now);
      // Counted from the plain share: the floors above (one operation, the largest cost) stay available.
      const unavailable = (capacity: number, spent: number): number =>
        Math.max(0, Math.floor(capacity / replicas) - Math.floor(Math.max(0, capacity - spent) / replicas));
      localShare.requests.take(key, unavailable(perMinute, seen.requests));
      localShare.cost.take(key, unavailable(costPerMinute, seen.cost));
    }
    const [requestWait, costWait] = localShare.requests.takeWith(key, 1, localShare.cost, cost);
    if (requestWait > 0) return { ok: false, budget: 'requests', retryAfterMs: requestWait };
    if (costWait > 0) return { ok: false, budget: 'cost', retryAfterMs: costWait };
    debts.spent(key, cost, now);
    return { ok: true };
  };
  const writeBack = async (current: ReplicaLink): Promise<void> => {
    owesRedis = false;
    reserved.clear();
    const owed = debts.take(Date.now());
    if (owed.size === 0) return;
    try {
      await settle(current, owed);
    } catch (error) {
      owesRedis = true;
      debts.restore(owed, Date.now());
      throw error;
    }
  };
  const settle = async (current: ReplicaLink, owed: ReadonlyMap<string, Owed>): Promise<void> => {
    const batch = current.redis.pipeline();
    const settleOne = command<SettleCommand>(batch, SETTLE_COMMAND);
    for (const [key, { seen, own }] of owed) {
      settleOne(...keysOf(current, key), perMinute, costPerMinute, seen.requests, own.requests, seen.cost, own.cost);
    }
    const results = (await batch.exec()) ?? [];
    const failed = results.find(([error]) => error !== null);
    if (failed !== undefined) throw failed[0];
  };
  /** One write-back at a time; charges wait for it, so they never spend from a bucket Redis has not been told about. */
  const flush = (current: ReplicaLink): Promise<void> => {
    writing ??= writeBack(current).finally(() => {
      writing = undefined;
    });
    return writing;
  };
  /** The charge script, defined on first use along with the write-back on Redis's return. */
  const connect = (current: ReplicaLink): ChargeCommand => {
    if (charge !== undefined) return charge;
    defineCommands(current.redis);
    charge = command<ChargeCommand>(current.redis, CHARGE_COMMAND);
    current.onHealth((healthy) => {
      if (!healthy) owesRedis = true;
      else flush(current).catch(() => (degradedUntil = Date.now() + DEGRADED_MS));
    });
    return charge;
  };

  return {
    charge: async (key, cost) => {
      const current = link();
      const chargeInRedis = connect(current);
      if (!current.healthy || Date.now() < degradedUntil) return local(key, cost);
      const [requestsKey, costKey] = keysOf(current, key);
      try {
        if (owesRedis || writing !== undefined) await flush(current);
        const [ok, retryAfterMs, budget, requestsLeft, costLeft] = await chargeInRedis(
          requestsKey,
          costKey,
          perMinute,
          costPerMinute,
          cost,
        );
        debts.seen(key, { requests: perMinute - requestsLeft, cost: costPerMinute - costLeft }, Date.now());
        return ok === 1 ? { ok: true } : { ok: false, budget: budget === 2 ? 'cost' : 'requests', retryAfterMs };
      } catch {
        degradedUntil = Date.now() + DEGRADED_MS;
        return local(key, cost);
      }
    },
  };
}
