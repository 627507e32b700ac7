import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelayedGateway } from '../support/streamGapScenario.ts';
import type { RelayedGateway } from '../support/streamGapScenario.ts';
import { until } from '../support/until.ts';
import { collect, wsClient } from '../support/subscriptions.ts';

interface Gap {
  readonly stream: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

let env: RelayedGateway;
beforeAll(async () => {
  env = await startRelayedGateway();
});
afterAll(async () => {
  await env?.close();
});

/** The sandbox received the SUBSCRIBE of each stream (through the relay) at least `times` times. */
async function subscribed(streams: readonly string[], times = 1): Promise<void> {
  await until(
    () => streams.every((stream) => (env.sandbox.stats.ws().subscribes[stream] ?? 0) >= times),
    `SUBSCRIBE of ${streams.join(', ')}`,
    { timeoutMs: 10_000 },
  );
}

describe('stream gaps', () => {
  it('tells depthUpdates and rfqUpdates subscribers about an interruption it cannot fill, and keeps them open', async () => {
    const client = wsClient(env.gateway.url.replace(/^http/, 'ws'));
    const depth = collect<{ lastUpdateId: string; gap: Gap | null }>(
      client,
      'subscription { depthUpdates(symbol: "SOL_USDC") { lastUpdateId gap { stream from to reason } } }',
      'depthUpdates',
    );
    const rfqs = collect<{ eventType: string; gap: Gap | null }>(
      client,
      'subscription { rfqUpdates { eventType gap { stream from to reason } } }',
      'rfqUpdates',
    );
    try {
      await subscribed(['depth.SOL_USDC', 'account.rfqUpdate']);
      await until(() => depth.values.length > 0, 'a depth update');
      const killedAt = Date.now();
      env.relay.kill(500);
      await until(() => depth.values.some((v) => v.gap !== null), 'a depth gap notice', { timeoutMs: 10_000 });
      await until(() => rfqs.values.some((v) => v.gap !== null), 'an RFQ gap notice', { timeoutMs: 10_000 });
      const depthGap = depth.values.find((v) => v.gap !== null);
      expect(depthGap).toMatchObject({ lastUpdateId: '', gap: { stream: 'depth.SOL_USDC' } });
      expect(depthGap?.gap?.reason).toMatch(/exchange connection closed/);
      const { from, to } = depthGap?.gap ?? { from: '', to: '' };
      // Subscribed again only after the 500 ms the relay refused connections.
      expect(Date.parse(from)).toBeLessThan(Date.parse(to));
      expect(Date.parse(to)).toBeGreaterThanOrEqual(killedAt + 500);
      expect(rfqs.values.filter((v) => v.gap !== null)).toEqual([
        { eventType: 'STREAM_GAP', gap: expect.objectContaining({ stream: 'account.rfqUpdate' }) as Gap },
      ]);
      // Live deltas go on after the notice, on the same subscription.
      const afterGap = depth.values.length;
      await until(() => depth.values.length > afterGap, 'depth updates after the gap');
      expect([depth.errors, depth.completed, rfqs.errors, rfqs.completed]).toEqual([[], false, [], false]);
    } finally {
      depth.stop();
      rfqs.stop();
      await client.dispose();
    }
  }, 30_000);

  it('brings balanceUpdates to the balances REST reports after an order filled while the exchange socket was down', async () => {
    const client = wsClient(env.gateway.url.replace(/^http/, 'ws'));
    const balances = collect<{ asset: string; available: string; gap: Gap | null }>(
      client,
      'subscription { balanceUpdates { asset available gap { stream } } }',
      'balanceUpdates',
    );
    try {
      await subscribed(['account.balanceUpdate']);
      env.relay.kill(1_500);
      // Both balances move while no exchange socket can carry the updates.
      await env.demoRest.call('executeOrder', {
        symbol: 'SOL_USDC',
        side: 'Bid',
        orderType: 'Market',
        quantity: '0.1',
      });
      expect(env.relay.down).toBe(true);
      const rest = await env.demoRest.call('getBalances');
      const latest = (asset: string) => balances.values.filter((v) => v.asset === asset).at(-1)?.available;
      await until(
        () => latest('SOL') === rest['SOL']?.available && latest('USDC') === rest['USDC']?.available,
        'the current SOL and USDC balances',
        { timeoutMs: 15_000 },
      );
      expect(balances.values.filter((v) => v.gap !== null)).toEqual([]);
      expect(balances.errors).toEqual([]);
    } finally {
      balances.stop();
      await client.dispose();
    }
  }, 30_000);
});
