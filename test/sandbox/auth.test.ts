import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authHeaders, signText, startTestServer, TEST_ACCOUNT_ID, TEST_API_KEY } from './transportFixture.ts';
import type { TestServer } from './transportFixture.ts';

// The documented test key (seed = 32 × 0x01) signing at this timestamp gives these exact signatures.
const TS = 1614550000000;
const OTHER_SECRET = Buffer.alloc(32, 2).toString('base64');
const OTHER_API_KEY = 'gTl3Dqh9F19Wo1Rmw0x+zMuNipG07jeiXfYPW4/Js5Q=';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: TS + 1000 });
});
beforeEach(() => server.setNow(TS + 1000));
afterAll(async () => {
  await server.close();
});

async function call(method: string, path: string, headers: Record<string, string>, body?: string) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json; charset=utf-8' },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  return { status: response.status, text, json: (): unknown => JSON.parse(text) };
}

describe('signed requests (the documented test vectors)', () => {
  it('accepts GET /capital signed with the documented signature and maps the key to its account', async () => {
    const response = await call('GET', '/api/v1/capital', {
      'X-API-Key': TEST_API_KEY,
      'X-Signature': 'Z84gQTC7cBU2B7ntts0up1fqeLuPKUdNaYqZ8hMecImH8gBJzdntZ8AedhMlKMqLYysELwKES3SFW+k8i+JuDA==',
      'X-Timestamp': String(TS),
      'X-Window': '5000',
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ params: {}, items: [], accountId: TEST_ACCOUNT_ID });
  });

  it('signs decoded query pairs sorted by key, whatever their order on the URL', async () => {
    const response = await call('GET', '/api/v1/orders?symbol=SOL_USDC&marketType=SPOT&limit=100', {
      'X-API-Key': TEST_API_KEY,
      'X-Signature': 'Fuwj8brOuDJsoZhyfOd2tRbyMfr5SOz6WCTe4Q8B3K5J575Vih6L4crngQXnnT6bXgxVuhVzmgPg+4SkGedrCA==',
      'X-Timestamp': String(TS),
    });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ params: { symbol: 'SOL_USDC', marketType: 'SPOT', limit: 100 } });
  });

  it('reads a DELETE body and signs its top-level keys', async () => {
    const response = await call(
      'DELETE',
      '/api/v1/order',
      {
        'X-API-Key': TEST_API_KEY,
        'X-Signature': '5JNvIFup6BvOx0ITxfxtEn5ac317vAI78vza6AWOyTvrzDTlVnO/T0dQazXuJmS4WJbLnm17ydL4EwqW5+6aBA==',
        'X-Timestamp': String(TS),
        'X-Window': '5000',
      },
      '{"orderId": 28, "symbol": "BTC_USDT"}',
    );
    expect(response.status).toBe(202);
    expect(response.json()).toEqual({ cancelled: '28' });
  });

  it('verifies a batch with the instruction repeated per order', async () => {
    server.setNow(1750793021519 + 10);
    const body =
      '[{"symbol":"SOL_USDC_PERP","side":"Bid","orderType":"Limit","price":"141","quantity":"12"},' +
      '{"symbol":"SOL_USDC_PERP","side":"Bid","orderType":"Limit","price":"140","quantity":"11"}]';
    const response = await call(
      'POST',
      '/api/v1/orders',
      {
        'X-API-Key': TEST_API_KEY,
        'X-Signature': 'RWDblIEyuTyFXbmOYgWdkRyI1iA3dE5KZum11y2WD2Rn7nxglRXh5tcKvtWPpG+NNSMyZ5kTJWpB0MqUORlhCQ==',
        'X-Timestamp': '1750793021519',
      },
      body,
    );
    expect(response.status).toBe(200);
    expect((response.json() as { items: unknown[] }).items).toEqual([
      { symbol: 'SOL_USDC_PERP', side: 'Bid', orderType: 'Limit', price: '141', quantity: '12' },
      { symbol: 'SOL_USDC_PERP', side: 'Bid', orderType: 'Limit', price: '140', quantity: '11' },
    ]);
  });
});

describe('signature rendering from the wire', () => {
  const body =
    '{"symbol":"SOL_USDC","side":"Bid","orderType":"Limit","price":"0.10","quantity":"1","clientId":4294967295,"postOnly":true,"reduceOnly":null}';
  const signed =
    'instruction=orderExecute&clientId=4294967295&orderType=Limit&postOnly=true&price=0.10&quantity=1&side=Bid&symbol=SOL_USDC';

  it('renders decimals verbatim, booleans lowercase, integers as written, and omits nulls', async () => {
    const response = await call(
      'POST',
      '/api/v1/order',
      authHeaders(`${signed}&timestamp=${TS}&window=5000`, TS),
      body,
    );
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ params: { price: '0.10', clientId: 4294967295, postOnly: true } });
  });

  it('rejects a signature over a normalised decimal (`0.1` instead of `0.10`)', async () => {
    const normalised = signed.replace('price=0.10', 'price=0.1');
    const response = await call(
      'POST',
      '/api/v1/order',
      authHeaders(`${normalised}&timestamp=${TS}&window=5000`, TS),
      body,
    );
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ code: 'INVALID_SIGNATURE', message: 'Invalid signature' });
  });

  it('accepts header names in any case and a custom window carried in the signed string', async () => {
    const headers = authHeaders(`instruction=balanceQuery&timestamp=${TS}&window=20000`, TS, 20000);
    const response = await call('GET', '/api/v1/capital', {
      'x-api-key': headers['X-API-Key'],
      'X-SIGNATURE': headers['X-Signature'],
      'x-Timestamp': headers['X-Timestamp'],
      'X-WINDOW': '20000',
    });
    expect(response.status).toBe(200);
  });

  it('accepts session endpoints signed with their table name as the instruction', async () => {
    const headers = authHeaders(`instruction=getWithdrawalDelay&timestamp=${TS}&window=5000`, TS);
    expect((await call('GET', '/wapi/v1/capital/withdrawals/delay', headers)).status).toBe(200);
  });

  it('ignores auth headers on public endpoints', async () => {
    const response = await call('GET', '/api/v1/ping', {
      'X-API-Key': 'junk',
      'X-Signature': 'junk',
      'X-Timestamp': '1',
    });
    expect(response.status).toBe(200);
  });
});

describe('rejected signed requests', () => {
  const good = `instruction=balanceQuery&timestamp=${TS}&window=5000`;

  it('rejects a flipped signature byte with 400 INVALID_SIGNATURE', async () => {
    const headers = authHeaders(good, TS);
    const bytes = Buffer.from(headers['X-Signature'], 'base64');
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    const response = await call('GET', '/api/v1/capital', { ...headers, 'X-Signature': bytes.toString('base64') });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ code: 'INVALID_SIGNATURE', message: 'Invalid signature' });
  });

  it('rejects a wrong instruction with 400 INVALID_SIGNATURE', async () => {
    const response = await call(
      'GET',
      '/api/v1/capital',
      authHeaders(`instruction=accountQuery&timestamp=${TS}&window=5000`, TS),
    );
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ code: 'INVALID_SIGNATURE', message: 'Invalid signature' });
  });

  it('rejects an expired timestamp with 400 INVALID_CLIENT_REQUEST', async () => {
    server.setNow(TS + 5001);
    const response = await call('GET', '/api/v1/capital', authHeaders(good, TS));
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ code: 'INVALID_CLIENT_REQUEST', message: 'Request has expired' });
  });

  it('accepts the last millisecond of the window', async () => {
    server.setNow(TS + 5000);
    expect((await call('GET', '/api/v1/capital', authHeaders(good, TS))).status).toBe(200);
  });

  it('rejects a timestamp too far in the future', async () => {
    server.setNow(TS - 2000);
    const response = await call('GET', '/api/v1/capital', authHeaders(good, TS));
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_CLIENT_REQUEST' });
  });

  it('rejects a window above 60000 ms', async () => {
    const text = `instruction=balanceQuery&timestamp=${TS}&window=60001`;
    const response = await call('GET', '/api/v1/capital', authHeaders(text, TS, 60001));
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({
      code: 'INVALID_CLIENT_REQUEST',
      message: 'Invalid window: must not exceed 60000 ms',
    });
  });

  it('rejects an unknown API key with 401 UNAUTHORIZED, even when correctly signed', async () => {
    const response = await call('GET', '/api/v1/capital', {
      'X-API-Key': OTHER_API_KEY,
      'X-Signature': signText(OTHER_SECRET, good),
      'X-Timestamp': String(TS),
    });
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
  });

  it('rejects missing auth headers with 401 UNAUTHORIZED', async () => {
    const response = await call('GET', '/api/v1/capital', {});
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
    const { 'X-Timestamp': _dropped, ...noTimestamp } = authHeaders(good, TS);
    expect((await call('GET', '/api/v1/capital', noTimestamp)).status).toBe(401);
  });

  it('reports body parse failures as plain-text 400s before checking auth', async () => {
    const missing = await call('POST', '/api/v1/order', {}, '{"side":"Bid","orderType":"Limit"}');
    expect(missing.status).toBe(400);
    expect(missing.text).toBe(
      'Bad Request parse request payload error: failed to parse "string": Type "string" expects an input value. (occurred while parsing "OrderExecutePayload")',
    );
    const badEnum = await call('POST', '/api/v1/order', {}, '{"symbol":"SOL_USDC","side":"Buy","orderType":"Limit"}');
    expect(badEnum.text).toBe(
      'Bad Request parse request payload error: failed to parse "Side": Expect a valid enumeration value. (occurred while parsing "OrderExecutePayload")',
    );
    const syntax = await call('POST', '/api/v1/order', {}, '{"symbol":');
    expect(syntax.text).toMatch(/^Bad Request parse request payload error: .*EOF while parsing a value/);
  });

  it('answers an empty-response endpoint with a 200 and no body', async () => {
    const text = `instruction=accountUpdate&autoLend=false&timestamp=${TS}&window=5000`;
    const response = await call('PATCH', '/api/v1/account', authHeaders(text, TS), '{"autoLend":false}');
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
  });
});
