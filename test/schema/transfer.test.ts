// Deposits, withdrawals, the withdrawal delay and 2FA tokens, with a fake exchange.
import { describe, expect, it } from 'vitest';
import { exchangeError, harness } from './accountHarness.ts';

const withdrawal = (extra: Record<string, unknown> = {}) => ({
  id: 31,
  blockchain: 'Solana',
  clientId: 'w-1',
  identifier: null,
  quantity: '12.5',
  fee: '0.1',
  symbol: 'USDC',
  status: 'pending',
  toAddress: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
  transactionHash: null,
  createdAt: '2026-09-01T10:00:00',
  isInternal: false,
  triggerAt: null,
  ...extra,
});

const REQUEST = `mutation($input: RequestWithdrawalInput!) { requestWithdrawal(input: $input) {
  __typename ... on RequestWithdrawalSuccess { withdrawal { id quantity status blockchain asset { symbol } createdAt } }
  ... on InvalidInput { field } ... on MutationError { code message }
} }`;
const input = {
  asset: 'USDC',
  quantity: '12.5',
  blockchain: 'SOLANA',
  address: '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin',
  clientId: 'w-1',
};

describe('withdrawals', () => {
  it('requests a withdrawal with wire names and returns it', async () => {
    const h = harness({ requestWithdrawal: () => withdrawal() });
    const result = await h.run(REQUEST, { input: { ...input, twoFactorToken: '123456' } });
    expect(result.data.requestWithdrawal).toEqual({
      __typename: 'RequestWithdrawalSuccess',
      withdrawal: {
        id: '31',
        quantity: '12.5',
        status: 'PENDING',
        blockchain: 'SOLANA',
        asset: { symbol: 'USDC' },
        createdAt: '2026-09-01T10:00:00Z',
      },
    });
    expect(h.paramsOf('requestWithdrawal')).toEqual([
      {
        symbol: 'USDC',
        quantity: '12.5',
        blockchain: 'Solana',
        address: input.address,
        clientId: 'w-1',
        twoFactorToken: '123456',
      },
    ]);
  });

  it('rejects non-positive quantities and over-long client ids without a call, and maps exchange refusals', async () => {
    const h = harness({
      requestWithdrawal: () => {
        throw exchangeError('POST /wapi/v1/capital/withdrawals', 400, 'INSUFFICIENT_FUNDS', 'Insufficient funds');
      },
    });
    expect((await h.run(REQUEST, { input: { ...input, quantity: '0' } })).data.requestWithdrawal).toMatchObject({
      __typename: 'InvalidInput',
      field: 'quantity',
      code: null,
    });
    expect(
      (await h.run(REQUEST, { input: { ...input, clientId: 'x'.repeat(256) } })).data.requestWithdrawal,
    ).toMatchObject({ __typename: 'InvalidInput', field: 'clientId' });
    expect(h.upstream.count('requestWithdrawal')).toBe(0);
    expect((await h.run(REQUEST, { input })).data.requestWithdrawal).toMatchObject({
      __typename: 'InsufficientFunds',
      code: 'INSUFFICIENT_FUNDS',
    });
  });

  it('pages deposits and withdrawals by time range', async () => {
    const h = harness({
      getDeposits: () => [
        {
          id: 5,
          source: 'solana',
          status: 'confirmed',
          symbol: 'SOL',
          quantity: '2',
          createdAt: '2026-09-01T09:00:00',
          fiatAmount: 10.5,
          transactionHash: '0xabc',
        },
      ],
      getWithdrawals: () => [withdrawal(), withdrawal({ id: 32 })],
    });
    const result = await h.run(`{ account {
      deposits(from: "2026-09-01T00:00:00Z", limit: 5) { items { id source status quantity fiatAmount transactionHash } }
      withdrawals(limit: 1) { items { id } pageInfo { hasNextPage } }
    } }`);
    expect(result.data.account).toEqual({
      deposits: {
        items: [
          {
            id: '5',
            source: 'SOLANA',
            status: 'CONFIRMED',
            quantity: '2',
            fiatAmount: '10.5',
            transactionHash: '0xabc',
          },
        ],
      },
      withdrawals: { items: [{ id: '31' }], pageInfo: { hasNextPage: true } },
    });
    expect(h.paramsOf('getDeposits')).toEqual([{ from: 1788220800000, limit: 6, offset: 0 }]);
  });

  it('returns the deposit address for a blockchain', async () => {
    const h = harness({ getDepositAddress: () => ({ address: 'So1anaAddre55' }) });
    const result = await h.run(`{ account { depositAddress(blockchain: SOLANA) { blockchain address } } }`);
    expect(result.data.account.depositAddress).toEqual({ blockchain: 'Solana', address: 'So1anaAddre55' });
    expect(h.paramsOf('getDepositAddress')).toEqual([{ blockchain: 'Solana' }]);
  });
});

describe('withdrawal delay and 2FA', () => {
  it('explains that the withdrawal delay needs a web session, without calling the exchange', async () => {
    const h = harness();
    const query = await h.run(`{ account { withdrawalDelay { currentHours } } }`);
    expect(query.errors?.[0]?.message).toContain('web sessions');
    for (const name of ['createWithdrawalDelay', 'updateWithdrawalDelay']) {
      const result = await h.run(
        `mutation { ${name}(input: { hours: 24, twoFactorToken: "123456" }) { __typename ... on MutationError { message } } }`,
      );
      expect(result.data[name]).toMatchObject({ __typename: 'ExchangeRejected' });
      expect(result.data[name].message).toContain('web sessions');
    }
    const negative = await h.run(
      `mutation { updateWithdrawalDelay(input: { hours: -1, twoFactorToken: "1" }) { __typename ... on InvalidInput { field } } }`,
    );
    expect(negative.data.updateWithdrawalDelay).toEqual({ __typename: 'InvalidInput', field: 'hours' });
    expect(h.upstream.count()).toBe(0);
  });

  it('issues a two-factor token', async () => {
    const h = harness({ issueTwoFactorToken: () => ({ signature: 'c2lnbmF0dXJl' }) });
    const result = await h.run(
      `mutation { issueTwoFactorToken(app: "authenticator") { ... on IssueTwoFactorTokenSuccess { token { signature } } } }`,
    );
    expect(result.data.issueTwoFactorToken).toEqual({ token: { signature: 'c2lnbmF0dXJl' } });
    expect(h.paramsOf('issueTwoFactorToken')).toEqual([{ app: 'authenticator' }]);
  });
});
