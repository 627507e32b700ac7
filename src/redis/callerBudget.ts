// sharedCallerBudget: the per-token (and per-IP) gateway budgets counted across replicas in Redis token buckets, with
// this replica's share of them as the fallback while Redis is away or slow.
import type { Redis } from 'ioredis';
import { localCallerBudget, type CallerBudget, type CallerBudgetLimits, type Charge } from '../security/rateLimit.ts';
import type { ReplicaLink } from './connection.ts';

/** After a failed or timed-out Redis call, the local share answers for this long before Redis is tried again. */
const DEGRADED_MS = 1_000;

// Both buckets (operations, cost) are refilled, checked and charged in one atomic call, as the local budget checks both
// before charging either. Same arithmetic as TokenBuckets (continuous refill over a minute), on Redis's clock.
// Answers {1, 0, 0} (charged) or {0, ms until it fits, 1 for the operations budget | 2 for the cost budget}.
const CHARGE_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local function level(key, capacity)
  local stored = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(stored[1]) or capacity
  local at = tonumber(stored[2]) or now
  return math.min(capacity, tokens + math.max(0, now - at) * capacity / 60000)
end
local perMinute, costPerMinute, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local requests = level(KEYS[1], perMinute)
local spent = level(KEYS[2], costPerMinute)
if requests < 1 then return {0, math.ceil((1 - requests) * 60000 / perMinute), 1} end
if spent < cost then return {0, math.ceil((cost - spent) * 60000 / costPerMinute), 2} end
redis.call('HSET', KEYS[1], 'tokens', tostring(requests - 1), 'at', now)
redis.call('PEXPIRE', KEYS[1], 60000)
redis.call('HSET', KEYS[2], 'tokens', tostring(spent - cost), 'at', now)
redis.call('PEXPIRE', KEYS[2], 60000)
return {1, 0, 0}
`;
const CHARGE_COMMAND = 'bpgwCallerCharge';

type ChargeCommand = (
  requestsKey: string,
  costKey: string,
  perMinute: number,
  costPerMinute: number,
  cost: number,
) => Promise<[number, number, number]>;

function chargeCommand(redis: Redis): ChargeCommand {
  if (!(CHARGE_COMMAND in redis)) redis.defineCommand(CHARGE_COMMAND, { numberOfKeys: 2, lua: CHARGE_SCRIPT });
  const command = (redis as unknown as Record<string, ChargeCommand>)[CHARGE_COMMAND];
  if (command === undefined) throw new Error('ioredis did not define the caller budget script');
  return command.bind(redis);
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
 * While Redis is unusable, each replica charges its own share (budget ÷ GATEWAY_REPLICAS).
 */
export function sharedCallerBudget(link: () => ReplicaLink, options: SharedCallerBudgetOptions): CallerBudget {
  const { perMinute, costPerMinute } = options.limits;
  const replicas = (): number => link().replicas;
  let localShare: CallerBudget | undefined;
  let charge: ChargeCommand | undefined;
  let degradedUntil = 0;
  const local = (key: string, cost: number): Charge => {
    localShare ??= localCallerBudget({
      perMinute: Math.max(1, Math.floor(perMinute / replicas())),
      costPerMinute: Math.max(options.maxCost, Math.floor(costPerMinute / replicas())),
    });
    return localShare.charge(key, cost) as Charge;
  };
  return {
    charge: async (key, cost) => {
      const current = link();
      if (!current.healthy || Date.now() < degradedUntil) return local(key, cost);
      charge ??= chargeCommand(current.redis);
      const base = `${current.prefix}caller:${options.caller}:${key}`;
      try {
        const [ok, retryAfterMs, budget] = await charge(
          `${base}:requests`,
          `${base}:cost`,
          perMinute,
          costPerMinute,
          cost,
        );
        return ok === 1 ? { ok: true } : { ok: false, budget: budget === 2 ? 'cost' : 'requests', retryAfterMs };
      } catch {
        degradedUntil = Date.now() + DEGRADED_MS;
        return local(key, cost);
      }
    },
  };
}
