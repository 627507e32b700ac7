import { execute, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CachedExchange } from '../../src/exchange/cache.ts';
import { endpointList, endpoints } from '../../src/exchange/endpoints.ts';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import { callerExchange, createRequestContext } from '../../src/requestContext.ts';
import type { GatewayContext } from '../../src/schema/context.ts';
import { Account } from '../../src/security/accounts.ts';
import { endpointScope } from '../../src/security/endpointScopes.ts';
import { ForbiddenError, UnauthenticatedError } from '../../src/security/errors.ts';
import { ANONYMOUS, type Principal, type Scope } from '../../src/security/principal.ts';
import { FakeUpstream } from '../schema/fakeUpstream.ts';
import { SECRET_A } from './support.ts';

const token = (scopes: Scope[]): Principal => ({ kind: 'token', name: 't', account: 'default', scopes });

describe('endpoint scopes', () => {
  it('classifies the exchange areas as the scopes document', () => {
    const scopeOf = (name: keyof typeof endpoints) => endpointScope(endpoints[name]);
    expect(scopeOf('getMarkets')).toBeNull();
    expect(scopeOf('getDepth')).toBeNull();
    for (const name of [
      'getBalances',
      'getOpenOrders',
      'getFills',
      'getWithdrawals',
      'getDepositAddress',
      'getAccount',
    ] as const) {
      expect(scopeOf(name), name).toBe('read');
    }
    for (const name of [
      'executeOrder',
      'cancelOpenOrders',
      'submitRfq',
      'strategyCreate',
      'executeBorrowLend',
      'vaultMint',
      'updateAccountSettings',
      'convertDust',
    ] as const) {
      expect(scopeOf(name), name).toBe('trade');
    }
    for (const name of [
      'requestWithdrawal',
      'createWithdrawalDelay',
      'updateWithdrawalDelay',
      'issueTwoFactorToken',
    ] as const) {
      expect(scopeOf(name), name).toBe('withdraw');
    }
  });

  it('gives every non-public endpoint in the table a scope', () => {
    for (const def of endpointList) {
      expect(endpointScope(def) === null, def.name).toBe(def.auth.kind === 'public');
    }
  });
});

describe('scope check on the exchange client', () => {
  const upstream = (): FakeUpstream =>
    new FakeUpstream({
      getBalances: () => ({}),
      getMarkets: () => [],
      executeOrder: () => ({ id: '1' }),
      requestWithdrawal: () => ({ id: 1 }),
    });
  const clientFor = (fake: FakeUpstream, principal: Principal) =>
    callerExchange(new CachedExchange(fake), { principal });
  const order = { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '1', quantity: '1' } as const;
  const withdrawal = { address: 'x', blockchain: 'Solana', quantity: '1', symbol: 'USDC' } as const;

  it('lets a read token read but not place orders or withdraw, before any call is made', async () => {
    const real = upstream();
    const exchange = clientFor(real, token(['read']));
    await expect(exchange.call('getBalances', {})).resolves.toEqual({});
    await expect(exchange.call('executeOrder', order)).rejects.toThrow(ForbiddenError);
    await expect(exchange.call('requestWithdrawal', withdrawal)).rejects.toThrow(ForbiddenError);
    expect(real.calls.map((call) => call.name)).toEqual(['getBalances']);
  });

  it('keeps trade tokens away from withdrawals and anonymous callers away from account data', async () => {
    await expect(clientFor(upstream(), token(['trade'])).call('requestWithdrawal', withdrawal)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(clientFor(upstream(), token(['trade'])).call('executeOrder', order)).resolves.toEqual({ id: '1' });
    await expect(clientFor(upstream(), ANONYMOUS).call('getBalances', {})).rejects.toThrow(UnauthenticatedError);
    await expect(clientFor(upstream(), ANONYMOUS).call('getMarkets', {})).resolves.toEqual([]);
  });

  it('keeps the check on a recording view of the caller client', async () => {
    const real = upstream();
    const recorder = { read: () => undefined, uncacheable: () => undefined };
    const exchange = clientFor(real, token(['read'])).recording(recorder);
    await expect(exchange.call('executeOrder', order)).rejects.toThrow(ForbiddenError);
    expect(real.count()).toBe(0);
  });
});

describe('a resolver without authScopes', () => {
  // A field the schema builder never saw: no `authScopes`, so nothing above the exchange client stops it.
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        balances: {
          type: GraphQLString,
          resolve: async (_source, _args, ctx: GatewayContext) =>
            JSON.stringify(await ctx.exchange.call('getBalances', {})),
        },
      },
    }),
  });
  const account = new Account('alice', loadSigningKey(SECRET_A));

  async function run(principal: Principal) {
    const fake = new FakeUpstream({ getBalances: () => ({ SOL: { available: '1', locked: '0', staked: '0' } }) });
    const context = createRequestContext({
      exchange: new CachedExchange(fake),
      signerFor: () => undefined,
      identify: () => principal,
      accountFor: (caller) => (caller.kind === 'anonymous' ? null : account),
      authMode: 'tokens',
      streams: null,
    });
    const result = await execute({ schema, document: parse('{ balances }'), contextValue: context({}) });
    return { result, upstreamCalls: fake.count() };
  }

  it('cannot reach a private endpoint with a token lacking read, nor anonymously', async () => {
    const tradeOnly = await run({ kind: 'token', name: 'bot', account: 'alice', scopes: ['trade'] });
    expect(tradeOnly.result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'read' });
    expect(tradeOnly.result.data).toEqual({ balances: null });
    expect(tradeOnly.upstreamCalls).toBe(0);

    const anonymous = await run(ANONYMOUS);
    expect(anonymous.result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(anonymous.upstreamCalls).toBe(0);
  });

  it('reaches it with a read token (the check is what refused the others)', async () => {
    const reader = await run({ kind: 'token', name: 'reader', account: 'alice', scopes: ['read'] });
    expect(reader.result.errors).toBeUndefined();
    expect(reader.result.data).toEqual({ balances: '{"SOL":{"available":"1","locked":"0","staked":"0"}}' });
    expect(reader.upstreamCalls).toBe(1);
  });
});
