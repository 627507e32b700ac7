import { describe, expect, it } from 'vitest';
import { ExchangeError } from '../../src/exchange/errors.ts';
import { RateLimiter, type RateLimiterOptions } from '../../src/exchange/limiter.ts';

/** A manual clock: timers fire only when the test advances time. */
class FakeClock {
  time = 0;
  private timers: { at: number; callback: () => void; live: boolean }[] = [];

  readonly now = (): number => this.time;

  readonly setTimer = (callback: () => void, ms: number): (() => void) => {
    const timer = { at: this.time + ms, callback, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  };

  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.live = false;
      this.time = due.at;
      due.callback();
      await flush();
    }
    this.time = end;
    await flush();
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function setup(options: Partial<RateLimiterOptions> = {}) {
  const clock = new FakeClock();
  const limiter = new RateLimiter({
    perMinute: 3,
    historicalPerMinute: 1,
    maxWaitMs: 120_000,
    now: clock.now,
    setTimer: clock.setTimer,
    ...options,
  });
  const order: string[] = [];
  const take = (name: string, rateClass: 'standard' | 'historical' = 'standard', signal?: AbortSignal) =>
    limiter.acquire(rateClass, `GET /${name}`, signal).then(
      () => void order.push(name),
      (error: unknown) => void order.push(`${name}:${error instanceof ExchangeError ? error.kind : String(error)}`),
    );
  return { clock, limiter, order, take };
}

describe('RateLimiter', () => {
  it('lets requests within the budget through at once', async () => {
    const { order, take } = setup();
    await Promise.all([take('a'), take('b'), take('c')]);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('queues requests beyond the budget and releases them in arrival order as the window slides', async () => {
    const { clock, limiter, order, take } = setup();
    void take('a');
    await clock.advance(10_000);
    void take('b');
    void take('c');
    void take('d');
    void take('e');
    await flush();
    expect(order).toEqual(['a', 'b', 'c']);
    expect(limiter.pending).toBe(2);

    await clock.advance(49_999);
    expect(order).toEqual(['a', 'b', 'c']);
    await clock.advance(1); // a's slot frees at 60 s
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    await clock.advance(10_000); // b and c were granted at 10 s
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(limiter.pending).toBe(0);
  });

  it('counts historical calls against both budgets without blocking standard ones', async () => {
    const { clock, order, take } = setup();
    void take('h1', 'historical');
    void take('h2', 'historical');
    void take('s1');
    await flush();
    // h2 waits for the historical budget; s1 passes it. h1 used a standard slot, so one is left.
    expect(order).toEqual(['h1', 's1']);
    void take('s2');
    void take('s3');
    await flush();
    expect(order).toEqual(['h1', 's1', 's2']);
    await clock.advance(60_000);
    // Both waiters could go; the older one (h2) gets the first freed slot.
    expect(order.slice(3)).toEqual(['h2', 's3']);
  });

  it('waits up to maxWaitMs, then fails the request with rateLimited', async () => {
    const { clock, order, take } = setup({ maxWaitMs: 5_000 });
    await take('a');
    await clock.advance(10_000);
    await Promise.all([take('b'), take('c')]);
    await clock.advance(46_000);
    void take('d'); // a's slot frees at 60 s: 4 s away, inside the 5 s limit
    void take('e'); // the next slot frees at 70 s, after e's deadline (61 s)
    await flush();
    expect(order).toEqual(['a', 'b', 'c']);
    await clock.advance(3_999);
    expect(order).toEqual(['a', 'b', 'c']);
    await clock.advance(1);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'e:rateLimited']);
  });

  it('fails at once when no slot can free within maxWaitMs, with a clear message', async () => {
    const { limiter } = setup({ maxWaitMs: 1_000, perMinute: 1 });
    await limiter.acquire('standard', 'GET /api/v1/ticker');
    const error = await limiter.acquire('standard', 'GET /api/v1/ticker').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({
      kind: 'rateLimited',
      endpoint: 'GET /api/v1/ticker',
      retryable: true,
      retryAfterMs: 60_000,
    });
    expect((error as Error).message).toMatch(/standard budget of 1 requests per 60 s is used up/);
  });

  it('drops a waiter whose caller aborts', async () => {
    const { clock, limiter, order, take } = setup({ perMinute: 1 });
    await take('a');
    const controller = new AbortController();
    void take('b', 'standard', controller.signal);
    void take('c');
    await flush();
    controller.abort(new Error('gone'));
    await flush();
    expect(limiter.pending).toBe(1);
    await clock.advance(60_000);
    expect(order).toEqual(['a', 'b:Error: gone', 'c']);
  });
});
