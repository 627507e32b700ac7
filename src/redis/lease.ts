// Lease: a key in Redis naming the one replica that does a job (holds an exchange subscription) until it stops
// renewing. Claiming is one atomic script, so two replicas can never both believe they hold it after an answer.
import type { Redis } from 'ioredis';

/** Takes the lease when free (SET NX PX), or extends it when this owner already holds it; 1 when held afterwards. */
const CLAIM = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if holder then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/** Deletes the lease only if this owner still holds it (another may have taken it after an expiry). */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export class Lease {
  constructor(
    private readonly redis: Redis,
    readonly key: string,
    private readonly owner: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes or renews the lease; false when another owner holds it. Rejects while Redis is unreachable. */
  async claim(): Promise<boolean> {
    return (await this.redis.eval(CLAIM, 1, this.key, this.owner, String(this.ttlMs))) === 1;
  }

  /** Gives the lease up at once (the next claimant need not wait for the expiry); a no-op if it is no longer ours. */
  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.owner);
  }
}
