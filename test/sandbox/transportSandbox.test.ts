// startSandbox() end to end: real handlers behind the transport, built-in accounts, sandbox routes, flow and streams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAccountKey } from '../../src/sandbox/accounts.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import { signText } from './transportFixture.ts';
import { connect } from './wsClient.ts';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 42, flow: { enabled: false } });
});
afterAll(async () => {
  await sandbox.close();
});

function signedGet(path: string, instruction: string, query = '', account = 'demo') {
  const { apiKey, apiSecret } = sandbox.accountsByName[account] ?? { apiKey: '', apiSecret: '' };
  const timestamp = Date.now();
  const pairs = query === '' ? [] : query.split('&').sort();
  const text = [`instruction=${instruction}`, ...pairs, `timestamp=${timestamp}`, 'window=5000'].join('&');
  return fetch(`${sandbox.restUrl}${path}${query === '' ? '' : `?${query}`}`, {
    headers: { 'X-API-Key': apiKey, 'X-Signature': signText(apiSecret, text), 'X-Timestamp': String(timestamp) },
  });
}

async function post(path: string, body: unknown) {
  const response = await fetch(`${sandbox.restUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('startSandbox', () => {
  it('derives the built-in accounts deterministically from the seed', () => {
    expect(sandbox.accounts.map((account) => account.name)).toEqual(['demo', 'maker', 'taker', 'alice', 'bob']);
    expect(sandbox.accountsByName['demo']).toMatchObject(deriveAccountKey(42, 'demo'));
    expect(deriveAccountKey(42, 'demo')).not.toEqual(deriveAccountKey(43, 'demo'));
  });

  it('serves seeded books before any flow runs', async () => {
    const response = await fetch(`${sandbox.restUrl}/api/v1/depth?symbol=BTC_USDC_PERP&limit=5`);
    const depth = (await response.json()) as { bids: string[][]; asks: string[][] };
    expect(depth.bids.length).toBeGreaterThan(0);
    expect(depth.asks.length).toBeGreaterThan(0);
    const trades = (await (await fetch(`${sandbox.restUrl}/api/v1/trades?symbol=SOL_USDC`)).json()) as unknown[];
    expect(trades.length).toBeGreaterThan(0);
  });

  it('funds the demo account and credits sandbox deposits', async () => {
    const before = (await (await signedGet('/api/v1/capital', 'balanceQuery')).json()) as Record<
      string,
      { available: string }
    >;
    expect(before['USDC']?.available).toBe('100000');
    const deposit = await post('/sandbox/deposit', { account: 'demo', symbol: 'USDC', quantity: '250.5' });
    expect(deposit.status).toBe(200);
    expect(deposit.json).toMatchObject({ symbol: 'USDC', quantity: '250.5', status: 'confirmed' });
    const byKey = await post('/sandbox/deposit', {
      apiKey: sandbox.accountsByName['demo']?.apiKey,
      symbol: 'SOL',
      quantity: '1',
    });
    expect(byKey.status).toBe(200);
    const after = (await (await signedGet('/api/v1/capital', 'balanceQuery')).json()) as Record<
      string,
      { available: string }
    >;
    expect(after['USDC']?.available).toBe('100250.5');
    expect(after['SOL']?.available).toBe('501');
    expect((await post('/sandbox/deposit', { account: 'nobody', symbol: 'USDC', quantity: '1' })).status).toBe(404);
  });

  it('counts requests per endpoint in stats and /sandbox/stats', async () => {
    sandbox.stats.resetRequests();
    await fetch(`${sandbox.restUrl}/api/v1/ping`);
    await signedGet('/api/v1/capital', 'balanceQuery');
    expect(sandbox.stats.requests()).toEqual({ ping: 1, getBalances: 1 });
    const stats = (await (await fetch(`${sandbox.restUrl}/sandbox/stats`)).json()) as {
      requests: Record<string, number>;
    };
    expect(stats.requests).toEqual({ ping: 1, getBalances: 1 });
  });

  it('pauses and resumes the flow over HTTP', async () => {
    expect((await post('/sandbox/flow', { paused: true })).json).toEqual({ paused: true });
    expect(
      ((await (await fetch(`${sandbox.restUrl}/sandbox/stats`)).json()) as { flowPaused: boolean }).flowPaused,
    ).toBe(true);
    expect((await post('/sandbox/flow', { paused: false })).json).toEqual({ paused: false });
    expect((await post('/sandbox/flow', { paused: 'yes' })).status).toBe(400);
  });

  it('streams live depth and trades while the flow runs', async () => {
    const live = await startSandbox({ seed: 7, flow: { enabled: true, ratePerSecond: 40 } });
    try {
      const client = await connect(live.wsUrl);
      client.send({ method: 'SUBSCRIBE', params: ['trade.SOL_USDC', 'depth.SOL_USDC'] });
      const seen = new Set<string>();
      while (seen.size < 2) seen.add(((await client.next(5000)) as { stream: string }).stream);
      expect([...seen].sort()).toEqual(['depth.SOL_USDC', 'trade.SOL_USDC']);
      client.close();
    } finally {
      await live.close();
    }
  });

  it('sends the engine position snapshot to a private positionUpdate subscriber', async () => {
    const alice = sandbox.accountsByName['alice'] ?? { apiKey: '', apiSecret: '' };
    const order = { symbol: 'SOL_USDC_PERP', side: 'Bid', orderType: 'Market', quantity: '1' };
    const placedAt = Date.now();
    const orderText = `instruction=orderExecute&orderType=Market&quantity=1&side=Bid&symbol=SOL_USDC_PERP&timestamp=${placedAt}&window=5000`;
    const placed = await fetch(`${sandbox.restUrl}/api/v1/order`, {
      method: 'POST',
      headers: {
        'X-API-Key': alice.apiKey,
        'X-Signature': signText(alice.apiSecret, orderText),
        'X-Timestamp': String(placedAt),
      },
      body: JSON.stringify(order),
    });
    expect(placed.status).toBe(200);

    const client = await connect(sandbox.wsUrl);
    const timestamp = Date.now();
    const signature = signText(alice.apiSecret, `instruction=subscribe&timestamp=${timestamp}&window=5000`);
    client.send({
      method: 'SUBSCRIBE',
      params: ['account.positionUpdate', 'account.balanceUpdate'],
      signature: [alice.apiKey, signature, String(timestamp), '5000'],
    });
    const snapshot = (await client.next()) as { stream: string; data: Record<string, unknown> };
    expect(snapshot.stream).toBe('account.positionUpdate');
    expect(snapshot.data).toMatchObject({ s: 'SOL_USDC_PERP', q: '1' });
    expect(snapshot.data['e']).toBeUndefined();

    const deadline = Date.now() + 2000;
    while ((sandbox.stats.ws().subscriptions['account.balanceUpdate'] ?? 0) === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    sandbox.deposit('alice', 'USDT', '5');
    expect(await client.next()).toMatchObject({
      stream: 'account.balanceUpdate',
      data: { e: 'balanceUpdate', a: 'USDT' },
    });
    client.close();
  });

  it('drops WebSocket connections on request', async () => {
    const client = await connect(sandbox.wsUrl);
    sandbox.dropConnections();
    await expect(client.closed).resolves.toBe(1006);
  });
});
