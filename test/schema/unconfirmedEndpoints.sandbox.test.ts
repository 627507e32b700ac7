// Endpoints no independent client confirms (RFQ list, vault NAV, pending vault redeems): their fields say so, and
// when the exchange refuses one (401, 403, 404) the query gets a typed EXCHANGE_ERROR with the exchange's HTTP status
// and code, never a masked error. The sandbox sits behind a fault proxy that answers the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.ts';
import { startFaultedGateway, type FaultedGateway } from '../support/faultedGateway.ts';
import type { Refusal } from '../support/faultProxy.ts';
import { gql } from '../support/gql.ts';

let env: FaultedGateway;

beforeAll(async () => {
  env = await startFaultedGateway(31);
});

afterAll(async () => {
  await env?.close();
});

const UNCONFIRMED = [
  { field: 'rfqs', path: '/api/v1/rfqs', query: '{ account { rfqs { id } } }' },
  { field: 'vaultNav', path: '/api/v1/vault/nav', query: '{ account { vaultNav { vaultId } } }' },
  {
    field: 'vaultPendingRedeems',
    path: '/api/v1/vault/redeems/pending',
    query: '{ account { vaultPendingRedeems(vaultId: "1") { id } } }',
  },
] as const;

const REFUSALS: readonly { fault: Refusal; status: number; exchangeCode?: string }[] = [
  { fault: 'unauthorized401', status: 401, exchangeCode: 'UNAUTHORIZED' },
  { fault: 'forbidden403', status: 403, exchangeCode: 'FORBIDDEN' },
  { fault: 'notFound404', status: 404 },
];

describe('unconfirmed endpoints', () => {
  it('says in each field description that the endpoint is unconfirmed and what a refusal looks like', () => {
    const account = schema.getType('Account');
    if (!account || !('getFields' in account)) throw new Error('no Account type');
    for (const { field, path } of UNCONFIRMED) {
      const description = account.getFields()[field]?.description ?? '';
      expect(description).toContain(`Unconfirmed: \`GET ${path}\``);
      expect(description).toContain('httpStatus');
    }
  });

  it('answers normally while the exchange serves them', async () => {
    const { body } = await gql(env.gateway, '{ account { vaultNav { vaultId } rfqs { id } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.['account']?.vaultNav.length).toBeGreaterThan(0);
  });

  for (const { field, path, query } of UNCONFIRMED) {
    for (const { fault, status, exchangeCode } of REFUSALS) {
      it(`turns a ${status} on ${field} into ExchangeRejected with the status and code in extensions`, async () => {
        env.proxy.inject(fault, { method: 'GET', path });
        const { status: httpStatus, body } = await gql(env.gateway, query);
        expect(httpStatus).toBe(200);
        expect(body.data?.['account']?.[field]).toBeNull();
        expect(body.errors).toHaveLength(1);
        const [error] = body.errors ?? [];
        expect(error?.path).toEqual(['account', field]);
        expect(error?.extensions).toEqual({
          code: 'EXCHANGE_ERROR',
          httpStatus: status,
          endpoint: `GET ${path}`,
          requestId: expect.any(String) as unknown,
          ...(exchangeCode ? { exchangeCode } : {}),
        });
        expect(error?.message).toContain('no independent client');
        expect(env.proxy.injected.at(-1)).toEqual({ method: 'GET', path, fault });
      });
    }
  }

  it('keeps a 401 on a confirmed endpoint an UNAUTHENTICATED error (the keys are wrong there)', async () => {
    env.proxy.inject('unauthorized401', { method: 'GET', path: '/api/v1/capital' });
    const { body } = await gql(env.gateway, '{ account { balances { symbol } } }');
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      httpStatus: 401,
      exchangeCode: 'UNAUTHORIZED',
    });
  });
});
