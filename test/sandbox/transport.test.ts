import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson, RawNumber, stringifyJson } from '../../src/sandbox/http/json.ts';
import { startTestServer } from './transportFixture.ts';
import type { TestServer } from './transportFixture.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function get(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('sandbox REST transport', () => {
  it('answers ping with text/plain pong', async () => {
    const response = await get('/api/v1/ping');
    expect(response).toEqual({ status: 200, type: 'text/plain; charset=utf-8', text: 'pong' });
  });

  it('answers an unknown path with a plain-text 404 `not found`', async () => {
    const response = await get('/api/v1/nope');
    expect(response.status).toBe(404);
    expect(response.type).toMatch(/^text\/plain/);
    expect(response.text).toBe('not found');
  });

  it('routes by exact method and path', async () => {
    const response = await fetch(`${server.url}/api/v1/ping`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect((await get('/api/v1/ping/')).status).toBe(404);
  });

  it('decodes query values and coerces them by ParamDef', async () => {
    const response = await get('/api/v1/klines?symbol=AAPL.US_USDC%5FPERP&startTime=1700000000&resolved=true');
    expect(response.status).toBe(200);
    expect(response.type).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.text)).toEqual({
      params: { symbol: 'AAPL.US_USDC_PERP', startTime: 1700000000, resolved: true },
      items: [],
      accountId: null,
    });
  });

  it('collects repeated query keys into arrays for repeated params', async () => {
    const response = await get('/api/v1/markets?marketType=SPOT&marketType=PERP');
    expect(JSON.parse(response.text).params).toEqual({ marketType: ['SPOT', 'PERP'] });
  });

  it('rejects a bad enum value with the framework plain-text 400', async () => {
    const response = await get('/api/v1/depth?symbol=SOL_USDC&limit=30');
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^text\/plain/);
    expect(response.text).toBe(
      'failed to parse parameter `limit`: failed to parse "DepthLimit": Expect a valid enumeration value.',
    );
  });

  it('rejects a missing required query parameter with a plain-text 400', async () => {
    const response = await get('/api/v1/depth');
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^text\/plain/);
    expect(response.text).toBe(
      'failed to parse parameter `symbol`: failed to parse "string": Type "string" expects an input value.',
    );
  });

  it('rejects a non-integer and a non-boolean query value with plain-text 400s', async () => {
    const integer = await get('/api/v1/klines?symbol=SOL_USDC&startTime=soon');
    expect(integer.status).toBe(400);
    expect(integer.text).toMatch(/^failed to parse parameter `startTime`: failed to parse "integer\(int64\)"/);
    const boolean = await get('/api/v1/klines?symbol=SOL_USDC&startTime=1&resolved=yes');
    expect(boolean.text).toMatch(/^failed to parse parameter `resolved`: failed to parse "boolean"/);
  });

  it('keeps large integers exact: a u64 beyond 2^53 is refused, not rounded', async () => {
    const response = await get('/api/v1/klines?symbol=SOL_USDC&startTime=18446744073709551615');
    expect(response.status).toBe(400);
    expect(response.text).toBe(
      'failed to parse parameter `startTime`: failed to parse "integer(int64)": number too large to fit in target type',
    );
  });

  it('masks unexpected handler exceptions as a JSON 500 without details', async () => {
    const response = await get('/api/v1/explode');
    expect(response.status).toBe(500);
    expect(JSON.parse(response.text)).toEqual({ code: 'SERVER_ERROR', message: 'Internal server error' });
    expect(response.text).not.toContain('secret');
  });

  it('passes handler reply headers through (pagination)', async () => {
    const response = await fetch(`${server.url}/wapi/v1/history/fills`);
    expect(response.headers.get('x-total')).toBe('0');
    expect(await response.json()).toEqual([]);
  });

  it('counts requests per endpoint, rejected ones included', async () => {
    server.transport.resetRequestCounts();
    await get('/api/v1/ping');
    await get('/api/v1/ping');
    await get('/api/v1/depth?limit=7');
    await get('/api/v1/nope');
    expect(server.transport.requestCounts()).toEqual({ ping: 2, getDepth: 1 });
  });
});

describe('lossless JSON', () => {
  it('keeps number literals and decimal strings exactly as written', () => {
    const value = parseJson('{"clientId":18446744073709551615,"price":"0.10","n":1e3,"ok":true,"x":null}');
    expect(value).toEqual({
      clientId: new RawNumber('18446744073709551615'),
      price: '0.10',
      n: new RawNumber('1e3'),
      ok: true,
      x: null,
    });
  });

  it('rejects trailing characters and bad syntax', () => {
    expect(() => parseJson('{"a":1} x')).toThrow(/trailing characters/);
    expect(() => parseJson('{"a":}')).toThrow(/expected value/);
    expect(() => parseJson('')).toThrow(/EOF/);
  });

  it('writes bigint values as bare JSON numbers', () => {
    expect(stringifyJson({ R: 113392053149171712n, s: 'x' })).toBe('{"R":113392053149171712,"s":"x"}');
  });
});
