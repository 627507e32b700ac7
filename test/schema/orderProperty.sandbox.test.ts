// Property: random order inputs through the gateway to the sandbox. Whatever the gateway forwards, the sandbox accepts
// or refuses only for the account's state (funds, position), never for the order's shape. Limit prices stay within 10%
// of the last price: the exchange's price band depends on the market's current price, not on the order's shape.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restGet, startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';

/** The operation's response body (status 200 is asserted by the callers' data checks). */
const post = async (query: string, variables?: Record<string, unknown>) => (await gql(env, query, variables)).body;

let env: TestGateway;
let lastCents = 0;
beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 41, flow: { enabled: false } } });
  const ticker = await restGet<{ lastPrice: string }>(env.sandbox, '/api/v1/ticker?symbol=SOL_USDC');
  const [whole = '0', fraction = ''] = ticker.lastPrice.split('.');
  lastCents = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
});
afterAll(async () => {
  await env?.close();
});

const EXECUTE = /* GraphQL */ `
  mutation ($input: ExecuteOrderInput!) {
    executeOrder(input: $input) {
      __typename
      ... on MutationError {
        code
        message
      }
    }
  }
`;

/** Limit prices within 10% of the last price, on SOL_USDC's 0.01 tick or off it by a third decimal. */
const price = () =>
  fc
    .tuple(fc.integer({ min: Math.floor(lastCents * 0.9), max: Math.ceil(lastCents * 1.1) }), fc.boolean())
    .map(([cents, offTick]) => `${(cents / 100).toFixed(2)}${offTick ? '5' : ''}`);

/** Decimals around SOL_USDC's grid (tick 0.01, step 0.01): on it, off it, tiny, long. */
const decimal = fc.oneof(
  fc.integer({ min: 1, max: 30_000 }).map((cents) => (cents / 100).toFixed(2)),
  fc.integer({ min: 1, max: 30_000 }).map((tenths) => (tenths / 1000).toFixed(3)),
  fc.constantFrom('0.000000000000000000001', '0.000000000000000001', '0', '1000000', '0.5', '1'),
);
/** Present in about half the inputs. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });
const small = fc.integer({ min: 1, max: 500 }).map((cents) => (cents / 100).toFixed(2));

/** Mostly plausible orders (so many reach the sandbox), with the flags and amounts that make some of them invalid. */
const orderInput = () =>
  fc.oneof(
    fc.record(
      {
        side: fc.constantFrom('BID', 'ASK'),
        orderType: fc.constant('LIMIT'),
        price: price(),
        quantity: fc.oneof(small, decimal),
        timeInForce: maybe(fc.constantFrom('GTC', 'IOC', 'FOK')),
        postOnly: maybe(fc.boolean()),
        quoteQuantity: fc.option(decimal, { nil: undefined, freq: 8 }),
      },
      { requiredKeys: ['side', 'orderType', 'price', 'quantity'] },
    ),
    fc.record(
      {
        side: fc.constantFrom('BID', 'ASK'),
        orderType: fc.constant('MARKET'),
        quantity: maybe(fc.oneof(small, decimal)),
        quoteQuantity: maybe(decimal),
        postOnly: fc.option(fc.boolean(), { nil: undefined, freq: 8 }),
        slippageTolerance: maybe(decimal),
        slippageToleranceType: maybe(fc.constantFrom('TICK_SIZE', 'PERCENT')),
      },
      { requiredKeys: ['side', 'orderType'] },
    ),
  );

/** Refusals that depend on the account, not on the order. */
const ACCOUNT_STATE = new Set(['InsufficientFunds']);

describe('random orders through the gateway', () => {
  it('forwards only orders the sandbox accepts or refuses for account state', async () => {
    const shapeRefusals: string[] = [];
    let forwarded = 0;
    await fc.assert(
      fc.asyncProperty(orderInput(), async (fields) => {
        const input = { symbol: 'SOL_USDC', ...fields };
        const body = await post(EXECUTE, { input });
        const result = (body.data as { executeOrder?: { __typename: string; code?: string | null; message?: string } })
          ?.executeOrder;
        if (!result) {
          shapeRefusals.push(`${JSON.stringify(input)} → ${JSON.stringify(body.errors)}`);
          return;
        }
        const local = result.code == null; // gateway-side refusals carry no exchange code
        if (!local || result.__typename === 'ExecuteOrderSuccess') forwarded += 1;
        if (result.__typename === 'ExecuteOrderSuccess' || local || ACCOUNT_STATE.has(result.__typename)) return;
        shapeRefusals.push(
          `${JSON.stringify(input)} → ${result.__typename} ${result.code ?? ''} ${result.message ?? ''}`,
        );
      }),
      { numRuns: 400, seed: 20261207 },
    );
    expect(shapeRefusals).toEqual([]);
    expect(forwarded).toBeGreaterThan(50); // the property said something about real exchange answers
  }, 60_000);
});
