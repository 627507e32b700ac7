// Every root field of the served schema declares the scope it needs: a new mutation without one fails here.
import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';

function scopesOf(type: GraphQLObjectType | null | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, field] of Object.entries(type?.getFields() ?? {})) {
    const options = (field.extensions as { pothosOptions?: { authScopes?: Record<string, boolean> } }).pothosOptions;
    out[name] = Object.entries(options?.authScopes ?? {})
      .filter(([, on]) => on)
      .map(([scope]) => scope);
  }
  return out;
}

const WITHDRAW_MUTATIONS = [
  'createWithdrawalDelay',
  'issueTwoFactorToken',
  'requestWithdrawal',
  'updateWithdrawalDelay',
];
const PRIVATE_SUBSCRIPTIONS = ['balanceUpdates', 'orderUpdates', 'positionUpdates', 'rfqUpdates'];

describe('scopes declared on the schema', () => {
  it('needs withdraw for withdrawals, the withdrawal delay and 2FA, and trade for every other mutation', () => {
    const mutations = scopesOf(schema.getMutationType());
    expect(Object.keys(mutations).length).toBeGreaterThan(20);
    for (const [name, scopes] of Object.entries(mutations)) {
      expect([name, scopes]).toEqual([name, WITHDRAW_MUTATIONS.includes(name) ? ['withdraw'] : ['trade']]);
    }
  });

  it('needs read for Query.account (everything private hangs below it) and nothing for public queries', () => {
    const queries = scopesOf(schema.getQueryType());
    expect(queries['account']).toEqual(['read']);
    expect(Object.entries(queries).filter(([name, scopes]) => name !== 'account' && scopes.length > 0)).toEqual([]);
  });

  it('needs read for account streams and nothing for market streams', () => {
    const subscriptions = scopesOf(schema.getSubscriptionType());
    for (const [name, scopes] of Object.entries(subscriptions)) {
      expect([name, scopes]).toEqual([name, PRIVATE_SUBSCRIPTIONS.includes(name) ? ['read'] : []]);
    }
  });
});
