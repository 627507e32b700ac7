// borrowLend, vault mint/redeem and acceptQuote under lost answers: a fault proxy between the gateway and the
// sandbox; every answer must match what the sandbox holds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import type { Gateway } from '../../src/server.ts';
import { startFaultedGateway, type FaultedGateway } from '../support/faultedGateway.ts';

let env: FaultedGateway;
let sandbox: SandboxHandle;
let proxy: FaultedGateway['proxy'];
let gateway: Gateway;
let exchange: BackpackRest;

beforeAll(async () => {
  env = await startFaultedGateway(29, {
    // Every lost answer is settled through history endpoints: room for all of this file's look-ups in one minute.
    BACKPACK_HISTORICAL_RATE_LIMIT_PER_MIN: '600',
  });
  ({ sandbox, proxy, gateway, exchange } = env);
});

afterAll(async () => {
  await env?.close();
});

beforeEach(() => {
  proxy.choose(null);
});

interface Outcome {
  readonly __typename: string;
  readonly recovered?: boolean;
  readonly message?: string;
  readonly safeToRetry?: boolean;
}

async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  if (!body.data) throw new Error('no data');
  return body.data;
}

describe('borrowLend tells the truth when the answer is lost', () => {
  const BORROW_LEND = { method: 'POST', path: '/api/v1/borrowLend' };
  const lend = (
    quantity: string,
  ) => `mutation { borrowLend(input: { asset: "USDC", side: LEND, quantity: "${quantity}" }) {
    __typename ... on BorrowLendSuccess { recovered execution { quantity } } ... on MutationError { message safeToRetry }
  } }`;
  /** The manual lends of USDC the sandbox holds, as quantities. */
  const lends = async (): Promise<string[]> =>
    (await exchange.call('getBorrowLendHistory', { symbol: 'USDC', type: 'Lend', sources: 'Manual' })).map(
      (row) => row.quantity,
    );

  it('an answered lend is not flagged recovered', async () => {
    const before = await lends();
    const data = await graphql<{ borrowLend: Outcome }>(lend('3'));
    expect(data.borrowLend).toMatchObject({ __typename: 'BorrowLendSuccess', recovered: false });
    expect(await lends()).toHaveLength(before.length + 1);
  });

  it.each([
    ['forwardThen502', '10'],
    ['forwardThenReset', '10.5'],
    ['forwardThenTimeout', '9.25'],
  ] as const)('%s: the lend is found in the history and reported done', async (fault, quantity) => {
    const before = await lends();
    proxy.inject(fault, BORROW_LEND);
    const data = await graphql<{ borrowLend: Outcome }>(lend(quantity));
    expect(data.borrowLend).toMatchObject({ __typename: 'BorrowLendSuccess', recovered: true });
    // Exactly one lend more, of this quantity: the one the caller was told about.
    const after = await lends();
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((q) => q === quantity).length).toBe(before.filter((q) => q === quantity).length + 1);
    expect(proxy.injected.at(-1)).toMatchObject({ fault, path: BORROW_LEND.path });
  });

  it('503 before forwarding: RequestNotApplied, and the sandbox holds no lend', async () => {
    const before = await lends();
    proxy.inject('unavailable503', BORROW_LEND);
    const data = await graphql<{ borrowLend: Outcome }>(lend('11'));
    expect(data.borrowLend).toMatchObject({ __typename: 'RequestNotApplied', safeToRetry: true });
    expect(await lends()).toEqual(before);
  });

  it('a lend the look-up cannot see is OutcomeUnknown, never "safe to retry"', async () => {
    const before = await lends();
    proxy.inject('forwardThen502', BORROW_LEND);
    proxy.choose((request) => (request.path === '/wapi/v1/history/borrowLend' ? 'unavailable503' : null));
    const data = await graphql<{ borrowLend: Outcome }>(lend('12'));
    expect(data.borrowLend).toMatchObject({ __typename: 'OutcomeUnknown', safeToRetry: false });
    expect(data.borrowLend.message).toMatch(/never resubmit/i);
    // The proxy forwarded it: the lend did happen, so "safe to retry" would have been a lie.
    expect(await lends()).toHaveLength(before.length + 1);
  });
});

describe('vault mints and redeem requests tell the truth when the answer is lost', () => {
  const MINT = { method: 'POST', path: '/api/v1/vault/mint' };
  const REDEEM = { method: 'POST', path: '/api/v1/vault/redeem' };
  let vaultId: number;

  beforeAll(async () => {
    const vault = (await exchange.call('getVaults', {})).find((v) => v.symbol === 'USDC');
    if (!vault) throw new Error('the sandbox has no USDC vault');
    vaultId = vault.id;
  });

  const mint = (quantity: string) => `mutation { mintVault(vaultId: "${vaultId}", quantity: "${quantity}") {
    __typename ... on MintVaultSuccess { recovered } ... on MutationError { message safeToRetry }
  } }`;
  const mints = async (): Promise<string[]> =>
    (await exchange.call('getVaultMintHistory', { vaultId })).map((row) => row.quantity);

  it.each([
    ['forwardThen502', '100'],
    ['forwardThenReset', '101'],
  ] as const)('%s: the mint is found in the history and reported done', async (fault, quantity) => {
    const before = await mints();
    proxy.inject(fault, MINT);
    const data = await graphql<{ mintVault: Outcome }>(mint(quantity));
    expect(data.mintVault).toMatchObject({ __typename: 'MintVaultSuccess', recovered: true });
    const after = await mints();
    expect(after).toHaveLength(before.length + 1);
    expect(after).toContain(quantity);
  });

  it('503 before forwarding: RequestNotApplied, and the sandbox holds no mint', async () => {
    const before = await mints();
    proxy.inject('unavailable503', MINT);
    const data = await graphql<{ mintVault: Outcome }>(mint('102'));
    expect(data.mintVault).toMatchObject({ __typename: 'RequestNotApplied', safeToRetry: true });
    expect(await mints()).toEqual(before);
  });

  it('a mint the look-up cannot see is OutcomeUnknown, never "safe to retry"', async () => {
    const before = await mints();
    proxy.inject('forwardThen502', MINT);
    proxy.choose((request) => (request.path === '/wapi/v1/history/vault/mint' ? 'unavailable503' : null));
    const data = await graphql<{ mintVault: Outcome }>(mint('103'));
    expect(data.mintVault).toMatchObject({ __typename: 'OutcomeUnknown', safeToRetry: false });
    expect(data.mintVault.message).toMatch(/never resubmit/i);
    expect(await mints()).toHaveLength(before.length + 1);
  });

  it('forwardThen502 on a redeem request: found pending and reported done; a refused one is RequestNotApplied', async () => {
    const redeem = `mutation { requestVaultRedeem(vaultId: "${vaultId}") {
      __typename ... on RequestVaultRedeemSuccess { recovered } ... on MutationError { message safeToRetry }
    } }`;
    proxy.inject('unavailable503', REDEEM);
    const refused = await graphql<{ requestVaultRedeem: Outcome }>(redeem);
    expect(refused.requestVaultRedeem).toMatchObject({ __typename: 'RequestNotApplied', safeToRetry: true });
    expect(await exchange.call('getVaultRedeemHistory', { vaultId })).toEqual([]);

    proxy.inject('forwardThen502', REDEEM);
    const lost = await graphql<{ requestVaultRedeem: Outcome }>(redeem);
    expect(lost.requestVaultRedeem).toMatchObject({ __typename: 'RequestVaultRedeemSuccess', recovered: true });
    const held = await exchange.call('getVaultRedeemHistory', { vaultId });
    expect(held.map((row) => row.status)).toEqual(['Requested']);
  });
});

describe('acceptQuote tells the truth when the answer is lost', () => {
  const ACCEPT = { method: 'POST', path: '/api/v1/rfq/accept' };
  let maker: BackpackRest;

  beforeAll(() => {
    const bob = sandbox.accountsByName['bob'];
    if (!bob) throw new Error('the sandbox has no bob account');
    maker = BackpackRest.fromConfig(
      loadConfig({
        BACKPACK_API_URL: sandbox.restUrl,
        BACKPACK_WS_URL: sandbox.wsUrl,
        BACKPACK_API_SECRET: bob.apiSecret,
        BACKPACK_CLOCK_SYNC: 'false',
      }),
    );
  });

  /** An RFQ of the gateway's account with one quote from another account on it. */
  async function quoted(clientId: number): Promise<{ rfqId: string; quoteId: string }> {
    const rfq = await exchange.call('submitRfq', { symbol: 'SOL_USDC_RFQ', side: 'Bid', quantity: '2', clientId });
    const quote = await maker.call('submitQuote', { rfqId: rfq.rfqId, bidPrice: '148', askPrice: '152' });
    return { rfqId: rfq.rfqId, quoteId: quote.quoteId };
  }

  const accept = (quoteId: string, rfqId: string) => `mutation { acceptQuote(quoteId: "${quoteId}", rfqId: "${rfqId}") {
    __typename ... on AcceptQuoteSuccess { recovered rfq { id status } } ... on MutationError { message safeToRetry }
  } }`;
  const fillsOf = async (quoteId: string) => exchange.call('getRfqFillHistory', { quoteId });

  it('forwardThen502: the fill is found and the RFQ reported filled', async () => {
    const { rfqId, quoteId } = await quoted(501);
    proxy.inject('forwardThen502', ACCEPT);
    const data = await graphql<{ acceptQuote: Outcome & { rfq?: { id: string; status: string } } }>(
      accept(quoteId, rfqId),
    );
    expect(data.acceptQuote).toMatchObject({
      __typename: 'AcceptQuoteSuccess',
      recovered: true,
      rfq: { id: rfqId, status: 'FILLED' },
    });
    expect(await fillsOf(quoteId)).toHaveLength(1);
  });

  it('an acceptance the look-up cannot see is OutcomeUnknown, never "safe to retry"', async () => {
    const { rfqId, quoteId } = await quoted(503);
    proxy.inject('forwardThen502', ACCEPT);
    proxy.choose((request) => (request.path === '/wapi/v1/history/rfq/fill' ? 'unavailable503' : null));
    const data = await graphql<{ acceptQuote: Outcome }>(accept(quoteId, rfqId));
    expect(data.acceptQuote).toMatchObject({ __typename: 'OutcomeUnknown', safeToRetry: false });
    expect(data.acceptQuote.message).toMatch(/never resubmit/i);
    // The quote was in fact accepted: exactly what the caller was told to look up.
    proxy.choose(null);
    expect(await fillsOf(quoteId)).toHaveLength(1);
  });

  it('503 before forwarding: RequestNotApplied, the quote is unfilled, and the retry fills it once', async () => {
    const { rfqId, quoteId } = await quoted(502);
    proxy.inject('unavailable503', ACCEPT);
    const refused = await graphql<{ acceptQuote: Outcome }>(accept(quoteId, rfqId));
    expect(refused.acceptQuote).toMatchObject({ __typename: 'RequestNotApplied', safeToRetry: true });
    expect(await fillsOf(quoteId)).toEqual([]);
    const retried = await graphql<{ acceptQuote: Outcome }>(accept(quoteId, rfqId));
    expect(retried.acceptQuote).toMatchObject({ __typename: 'AcceptQuoteSuccess', recovered: false });
    expect(await fillsOf(quoteId)).toHaveLength(1);
  });
});
