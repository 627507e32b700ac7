// Session-only endpoints (web-session auth on the exchange): unsigned calls reach the handler, signed ones still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../src/exchange/endpoints.ts';
import type { EndpointDef } from '../../src/exchange/endpoint.ts';
import type { PositionEstimatedLiquidationPrice } from '../../src/exchange/types/borrowLend.ts';
import * as D from '../../src/sandbox/engine/decimal.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import { account, restAs } from './sandboxClient.ts';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, flow: { enabled: false } });
});
afterAll(async () => {
  await sandbox.close();
});

const PATH = '/api/v1/borrowLend/position/liquidationPrice';
const borrowBtc = (quantity: string): string =>
  Buffer.from(JSON.stringify({ quantity, side: 'Borrow', symbol: 'BTC' })).toString('base64');

/** What the sandbox's collateral model says, for the account (or none). */
function expected(accountId: number | null, quantity = '1'): PositionEstimatedLiquidationPrice {
  const estimate = sandbox.services.products.collateral.liquidationPrice(accountId, 'BTC', 'Borrow', D.parse(quantity));
  return { liquidationPrice: D.toString(estimate.liquidationPrice), markPrice: D.toString(estimate.markPrice) };
}

describe('the estimated liquidation price (a session endpoint)', () => {
  it('answers an unsigned call without an account', async () => {
    const response = await fetch(`${sandbox.restUrl}${PATH}?borrow=${encodeURIComponent(borrowBtc('1'))}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as PositionEstimatedLiquidationPrice;
    expect(body).toEqual(expected(null));
    expect(body.markPrice).toBe(D.toString(sandbox.services.engine.assetPrice('BTC') ?? 0n));
  });

  it('still answers a call signed with the endpoint name as instruction, for that account', async () => {
    // Bob borrows 0.2 BTC and spends it (all his BTC goes to the maker): he is short BTC against USDC, SOL and ETH.
    const { services } = sandbox;
    const bob = account(sandbox, 'bob').accountId;
    const maker = account(sandbox, 'maker').accountId;
    services.products.borrowLend.execute(bob, 'BTC', 'Borrow', '0.2');
    services.ledger.transfer(bob, maker, 'BTC', services.ledger.balance(bob, 'BTC').available);

    // BackpackRest refuses session rows, so sign the same row as a signed one (the sandbox's documented deviation).
    const row = endpoints.getBorrowLendEstimatedLiquidationPrice;
    const signedRow: EndpointDef<unknown, PositionEstimatedLiquidationPrice> = {
      ...row,
      auth: { kind: 'signed', instruction: row.name },
    };
    const body = await restAs(sandbox, 'bob').request(signedRow, { borrow: borrowBtc('0.1') });
    expect(body).toEqual(expected(bob, '0.1'));
    expect(Number(body.liquidationPrice)).toBeGreaterThan(Number(body.markPrice));
    // The unsigned estimate knows no account, so it sees no short position.
    expect(expected(null, '0.1').liquidationPrice).toBe('0');
  });

  it('refuses a partially signed call and rejects a bad parameter', async () => {
    const apiKeyOnly = await fetch(`${sandbox.restUrl}${PATH}?borrow=${encodeURIComponent(borrowBtc('1'))}`, {
      headers: { 'X-API-Key': account(sandbox, 'demo').apiKey },
    });
    expect(apiKeyOnly.status).toBe(401);
    expect((await fetch(`${sandbox.restUrl}${PATH}?borrow=not-base64-json`)).status).toBe(400);
  });
});

describe('session endpoints that need an account', () => {
  it('answer an unsigned call with 401', async () => {
    const get = await fetch(`${sandbox.restUrl}/wapi/v1/capital/withdrawals/delay`);
    expect(get.status).toBe(401);
    expect(await get.json()).toEqual({ code: 'UNAUTHORIZED', message: 'Unauthorized' });
    const post = await fetch(`${sandbox.restUrl}/wapi/v1/capital/withdrawals/delay`, {
      method: 'POST',
      body: JSON.stringify({ withdrawalDelayHours: 24, twoFactorToken: 'x' }),
    });
    expect(post.status).toBe(401);
  });
});
