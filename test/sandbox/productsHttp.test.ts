// Products over the real transport: text/empty bodies, pagination headers, signed product calls and RFQ ids on
// the WebSocket as bare JSON numbers above 2^53.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import { signText } from './transportFixture.ts';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, flow: { enabled: false } });
});
afterAll(async () => {
  await sandbox.close();
});

type Params = Record<string, string | number | boolean>;

function signed(method: string, path: string, instruction: string, params: Params = {}, account = 'demo') {
  const { apiKey, apiSecret } = sandbox.accountsByName[account] ?? { apiKey: '', apiSecret: '' };
  const timestamp = Date.now();
  const pairs = Object.keys(params)
    .sort()
    .map((key) => `${key}=${String(params[key])}`);
  const text = [`instruction=${instruction}`, ...pairs, `timestamp=${timestamp}`, 'window=5000'].join('&');
  const headers = {
    'X-API-Key': apiKey,
    'X-Signature': signText(apiSecret, text),
    'X-Timestamp': String(timestamp),
    'X-Window': '5000',
  };
  if (method === 'GET') {
    const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
    return fetch(`${sandbox.restUrl}${path}${query === '' ? '' : `?${query}`}`, { headers });
  }
  return fetch(`${sandbox.restUrl}${path}`, {
    method,
    headers: { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(params),
  });
}

describe('products over HTTP', () => {
  it('answers ping and time as text and status as JSON', async () => {
    const ping = await fetch(`${sandbox.restUrl}/api/v1/ping`);
    expect(ping.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ping.text()).toBe('pong');
    expect(await (await fetch(`${sandbox.restUrl}/api/v1/time`)).text()).toMatch(/^\d{13}$/);
    expect(await (await fetch(`${sandbox.restUrl}/api/v1/status`)).json()).toEqual({ status: 'Ok', message: null });
  });

  it('pages deposit history with headers and mints into a vault with an empty 200', async () => {
    const deposits = await signed('GET', '/wapi/v1/capital/deposits', 'depositQueryAll', { limit: 2 });
    expect(deposits.status).toBe(200);
    expect(deposits.headers.get('x-total')).toBe('4');
    expect(deposits.headers.get('x-page-count')).toBe('2');
    expect((await deposits.json()) as unknown[]).toHaveLength(2);

    const mint = await signed('POST', '/api/v1/vault/mint', 'vaultMint', {
      quantity: '100',
      symbol: 'USDC',
      vaultId: 1,
    });
    expect(mint.status).toBe(200);
    expect(await mint.text()).toBe('');
    const capital = (await (await signed('GET', '/api/v1/capital', 'balanceQuery')).json()) as Record<
      string,
      { available: string }
    >;
    expect(capital['USDC']?.available).toBe('99900');
    expect(Number(capital['bpUSDC']?.available)).toBeGreaterThan(0);
  });

  it('streams RFQ updates with ids as bare numbers while REST prints them as strings', async () => {
    const demo = sandbox.accountsByName['demo'];
    if (demo === undefined) throw new Error('no demo account');
    const socket = new WebSocket(sandbox.wsUrl);
    const frames: string[] = [];
    socket.on('message', (raw) => frames.push(String(raw)));
    await new Promise((resolve) => socket.once('open', resolve));
    const timestamp = Date.now();
    socket.send(
      JSON.stringify({
        method: 'SUBSCRIBE',
        params: ['account.rfqUpdate'],
        signature: [
          demo.apiKey,
          signText(demo.apiSecret, `instruction=subscribe&timestamp=${timestamp}&window=5000`),
          String(timestamp),
          '5000',
        ],
      }),
    );
    const deadline = Date.now() + 2000;
    while ((sandbox.stats.ws().subscriptions['account.rfqUpdate'] ?? 0) === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));

    const response = await signed('POST', '/api/v1/rfq', 'rfqSubmit', {
      quantity: '1',
      side: 'Bid',
      symbol: 'SOL_USDC_RFQ',
    });
    const rfq = (await response.json()) as { rfqId: string };
    expect(typeof rfq.rfqId).toBe('string');
    while (!frames.some((f) => f.includes('rfqCandidate')) && Date.now() < deadline + 3000)
      await new Promise((r) => setTimeout(r, 20));
    socket.close();
    const accepted = frames.find((f) => f.includes('"rfqAccepted"'));
    expect(accepted).toContain(`"R":${rfq.rfqId}`);
    expect(BigInt(rfq.rfqId) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(frames.find((f) => f.includes('"rfqCandidate"'))).toMatch(/"u":\d{18}/);
  });
});
