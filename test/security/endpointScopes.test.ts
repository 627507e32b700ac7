import { describe, expect, it } from 'vitest';
import { endpointList, endpoints } from '../../src/exchange/endpoints.ts';
import { endpointScope, withScopeGuard } from '../../src/security/endpointScopes.ts';
import { ForbiddenError, UnauthenticatedError } from '../../src/security/errors.ts';
import { ANONYMOUS, type Principal, type Scope } from '../../src/security/principal.ts';

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

describe('scope guard on the exchange client', () => {
  class FakeExchange {
    readonly #calls: string[] = [];
    call(name: string): Promise<string> {
      this.#calls.push(name);
      return Promise.resolve(`called ${name}`);
    }
    get calls(): readonly string[] {
      return this.#calls;
    }
  }

  it('lets a read token read but not place orders or withdraw, before any call is made', async () => {
    const real = new FakeExchange();
    const exchange = withScopeGuard(real, token(['read']));
    await expect(exchange.call('getBalances')).resolves.toBe('called getBalances');
    expect(() => exchange.call('executeOrder')).toThrow(ForbiddenError);
    expect(() => exchange.call('requestWithdrawal')).toThrow(ForbiddenError);
    expect(real.calls).toEqual(['getBalances']);
  });

  it('keeps trade tokens away from withdrawals and anonymous callers away from account data', async () => {
    expect(() => withScopeGuard(new FakeExchange(), token(['trade'])).call('requestWithdrawal')).toThrow(
      ForbiddenError,
    );
    await expect(withScopeGuard(new FakeExchange(), token(['trade'])).call('executeOrder')).resolves.toBe(
      'called executeOrder',
    );
    expect(() => withScopeGuard(new FakeExchange(), ANONYMOUS).call('getBalances')).toThrow(UnauthenticatedError);
    await expect(withScopeGuard(new FakeExchange(), ANONYMOUS).call('getMarkets')).resolves.toBe('called getMarkets');
  });
});
