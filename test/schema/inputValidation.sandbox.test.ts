// RFQ, borrow-lend, withdrawal and strategy inputs the exchange would refuse for their shape are refused by the gateway,
// naming the field, with no call to the write endpoint; a well-formed one is forwarded exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';

let env: TestGateway;
beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 37, flow: { enabled: false } } });
});
afterAll(async () => {
  await env?.close();
});

const callsTo = (endpoint: string): number => env.sandbox.stats.requests()[endpoint] ?? 0;

/** Runs `mutation` and returns its result's typename and field, with how many times `endpoint` was called. */
async function attempt(endpoint: string, mutation: string, name: string, input: Record<string, unknown>) {
  const before = callsTo(endpoint);
  const { body } = await gql(env, mutation, { input });
  expect(body.errors).toBeUndefined();
  const result = (body.data as Record<string, { __typename: string; field?: string }>)[name];
  return { typename: result?.__typename, field: result?.field ?? null, calls: callsTo(endpoint) - before };
}

const SUBMIT_RFQ = /* GraphQL */ `
  mutation ($input: SubmitRfqInput!) {
    submitRfq(input: $input) {
      __typename
      ... on InvalidInput {
        field
      }
    }
  }
`;
const BORROW_LEND = /* GraphQL */ `
  mutation ($input: BorrowLendInput!) {
    borrowLend(input: $input) {
      __typename
      ... on InvalidInput {
        field
      }
    }
  }
`;
const WITHDRAW = /* GraphQL */ `
  mutation ($input: RequestWithdrawalInput!) {
    requestWithdrawal(input: $input) {
      __typename
      ... on InvalidInput {
        field
      }
    }
  }
`;

const RFQ = { symbol: 'SOL_USDC_RFQ', side: 'BID' };
const TWENTY_ONE_PLACES = '0.000000000000000000001';

describe('local RFQ validation', () => {
  it.each([
    ['a market that is not an RFQ market', { ...RFQ, symbol: 'SOL_USDC', quantity: '1' }, 'symbol'],
    ['a quantity off the stepSize', { ...RFQ, quantity: '1.005' }, 'quantity'],
    ['a quantity below the minimum', { ...RFQ, quantity: '0' }, 'quantity'],
    ['both quantity and quoteQuantity', { ...RFQ, quantity: '1', quoteQuantity: '100' }, 'quoteQuantity'],
    ['a quoteQuantity finer than 18 places', { ...RFQ, quoteQuantity: TWENTY_ONE_PLACES }, 'quoteQuantity'],
    ['IMMEDIATE without a price', { ...RFQ, quantity: '1', executionMode: 'IMMEDIATE' }, 'price'],
    ['a price without IMMEDIATE', { ...RFQ, quantity: '1', price: '150' }, 'price'],
    ['a price off the tickSize', { ...RFQ, quantity: '1', price: '150.005', executionMode: 'IMMEDIATE' }, 'price'],
  ])('refuses %s as InvalidInput naming the field, without calling submitRfq', async (_, input, field) => {
    expect(await attempt('submitRfq', SUBMIT_RFQ, 'submitRfq', input)).toEqual({
      typename: 'InvalidInput',
      field,
      calls: 0,
    });
  });

  it('forwards a well-formed RFQ once', async () => {
    const result = await attempt('submitRfq', SUBMIT_RFQ, 'submitRfq', { ...RFQ, quantity: '1.25' });
    expect(result).toEqual({ typename: 'SubmitRfqSuccess', field: null, calls: 1 });
  });
});

describe('local borrow-lend validation', () => {
  it.each([
    ['an asset without a borrow-lend market', { asset: 'NOPE', side: 'BORROW', quantity: '1' }, 'asset'],
    ['a quantity off the borrow-lend stepSize', { asset: 'USDC', side: 'LEND', quantity: '1.0000001' }, 'quantity'],
    [
      'a quantity finer than 18 places',
      { asset: 'USDC', side: 'LEND', quantity: `1${TWENTY_ONE_PLACES.slice(1)}` },
      'quantity',
    ],
    ['a zero quantity', { asset: 'USDC', side: 'LEND', quantity: '0' }, 'quantity'],
  ])('refuses %s as InvalidInput naming the field, without calling executeBorrowLend', async (_, input, field) => {
    expect(await attempt('executeBorrowLend', BORROW_LEND, 'borrowLend', input)).toEqual({
      typename: 'InvalidInput',
      field,
      calls: 0,
    });
  });

  it('forwards a well-formed lend once', async () => {
    const result = await attempt('executeBorrowLend', BORROW_LEND, 'borrowLend', {
      asset: 'USDC',
      side: 'LEND',
      quantity: '1.000001',
    });
    expect(result).toEqual({ typename: 'BorrowLendSuccess', field: null, calls: 1 });
  });
});

describe('local withdrawal validation', () => {
  const WITHDRAWAL = { asset: 'USDC', blockchain: 'SOLANA', address: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin' };
  it.each([
    ['an unknown asset', { ...WITHDRAWAL, asset: 'NOPE', quantity: '5' }, 'asset'],
    ['a chain the asset has no token on', { ...WITHDRAWAL, blockchain: 'BITCOIN', quantity: '5' }, 'blockchain'],
    ['a quantity below the minimum withdrawal', { ...WITHDRAWAL, quantity: '1.5' }, 'quantity'],
    ["a quantity finer than the token's native decimals", { ...WITHDRAWAL, quantity: '5.0000001' }, 'quantity'],
    ['a quantity finer than 18 places', { ...WITHDRAWAL, quantity: `5${TWENTY_ONE_PLACES.slice(1)}` }, 'quantity'],
  ])('refuses %s as InvalidInput naming the field, without calling requestWithdrawal', async (_, input, field) => {
    expect(await attempt('requestWithdrawal', WITHDRAW, 'requestWithdrawal', input)).toEqual({
      typename: 'InvalidInput',
      field,
      calls: 0,
    });
  });

  it('forwards a well-formed withdrawal once', async () => {
    const result = await attempt('requestWithdrawal', WITHDRAW, 'requestWithdrawal', {
      ...WITHDRAWAL,
      quantity: '5.000001',
    });
    expect(result).toEqual({ typename: 'RequestWithdrawalSuccess', field: null, calls: 1 });
  });
});

const CREATE_STRATEGY = /* GraphQL */ `
  mutation ($input: CreateStrategyInput!) {
    createStrategy(input: $input) {
      __typename
      ... on InvalidOrder {
        field
      }
    }
  }
`;

describe('local strategy validation', () => {
  const STRATEGY = { symbol: 'SOL_USDC', side: 'BID', quantity: '1', durationMs: 60_000, intervalMs: 10_000 };
  it.each([
    ['an RFQ market', { ...STRATEGY, symbol: 'SOL_USDC_RFQ' }, 'symbol'],
    ['a quantity off the stepSize', { ...STRATEGY, quantity: '1.005' }, 'quantity'],
    ['a price off the tickSize', { ...STRATEGY, price: '100.005' }, 'price'],
    ['postOnly without a price', { ...STRATEGY, postOnly: true }, 'price'],
    ['postOnly with IOC', { ...STRATEGY, price: '100', postOnly: true, timeInForce: 'IOC' }, 'postOnly'],
    ['reduceOnly on a spot market', { ...STRATEGY, reduceOnly: true }, 'reduceOnly'],
    [
      'a fractional TickSize slippage tolerance',
      { ...STRATEGY, slippageTolerance: '1.5', slippageToleranceType: 'TICK_SIZE' },
      'slippageTolerance',
    ],
    [
      'a slippage tolerance finer than 18 places',
      { ...STRATEGY, slippageTolerance: TWENTY_ONE_PLACES },
      'slippageTolerance',
    ],
    ['an interval longer than the duration', { ...STRATEGY, intervalMs: 120_000 }, 'intervalMs'],
  ])('refuses %s as InvalidOrder naming the field, without calling strategyCreate', async (_, input, field) => {
    expect(await attempt('strategyCreate', CREATE_STRATEGY, 'createStrategy', input)).toEqual({
      typename: 'InvalidOrder',
      field,
      calls: 0,
    });
  });

  it('forwards a well-formed strategy once', async () => {
    const result = await attempt('strategyCreate', CREATE_STRATEGY, 'createStrategy', { ...STRATEGY, price: '100.01' });
    expect(result).toEqual({ typename: 'CreateStrategySuccess', field: null, calls: 1 });
  });
});
