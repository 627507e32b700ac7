// Property: random order inputs through the gateway to the sandbox. Whatever the gateway forwards, the sandbox accepts
// or refuses only for the account's state (funds, position), never for the order's shape. Limit prices stay within 10%
// of the last price: the exchange's price band depends on the market's current price, not on the order's shape.
// Thousands of inputs: each is first judged by the gateway's own validator; the ones it passes all go through the
// gateway to the sandbox (in parallel batches), and a sample of the ones it refuses checks the gateway refuses them too.
import fc from 'fast-check';
import { GraphQLEnumType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Market } from '../../src/exchange/types/markets.ts';
import { schema } from '../../src/schema/index.ts';
import { validateOrder, type OrderDraft } from '../../src/schema/validation/order.ts';
import { restGet, startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';

/** The operation's response body (status 200 is asserted by the callers' data checks). */
const post = async (query: string, variables?: Record<string, unknown>) => (await gql(env, query, variables)).body;

let env: TestGateway;
let lastCents = 0;
let market: Market | null = null;
beforeAll(async () => {
  // Thousands of operations in seconds: lift the gateway's per-caller and client-side REST budgets out of the way.
  env = await startGateway({
    sandbox: { seed: 41, flow: { enabled: false } },
    env: {
      GATEWAY_RATE_LIMIT_PER_MIN: '1000000',
      GATEWAY_COST_PER_MIN: '100000000',
      BACKPACK_RATE_LIMIT_PER_MIN: '1000000',
    },
  });
  market = (await restGet<Market[]>(env.sandbox, '/api/v1/markets')).find((m) => m.symbol === 'SOL_USDC') ?? null;
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

/** A GraphQL enum value as the resolvers see it (the exchange's spelling), e.g. TICK_SIZE → TickSize. */
function wireValue(typeName: string, value: unknown): unknown {
  const type = schema.getType(typeName);
  return value != null && type instanceof GraphQLEnumType ? type.parseValue(value) : value;
}

/** The draft the gateway's validator sees for a GraphQL input. */
function draftOf(input: Record<string, unknown>): OrderDraft {
  return {
    ...input,
    side: wireValue('Side', input.side),
    orderType: wireValue('OrderType', input.orderType),
    timeInForce: wireValue('TimeInForce', input.timeInForce),
    slippageToleranceType: wireValue('SlippageToleranceType', input.slippageToleranceType),
  } as OrderDraft;
}

const RUNS = 4000;
/** Every this many locally refused inputs, one goes through the gateway to check it refuses it as well. */
const REFUSED_SAMPLE_EVERY = 10;
const BATCH = 8;

/** Refusals that depend on the account, not on the order. */
const ACCOUNT_STATE = new Set(['InsufficientFunds']);

type Answer = { __typename: string; code?: string | null; message?: string };

describe('random orders through the gateway', () => {
  it('forwards only orders the sandbox accepts or refuses for account state', async () => {
    const inputs = fc
      .sample(orderInput(), { numRuns: RUNS, seed: 20261207 })
      .map((fields) => ({ symbol: 'SOL_USDC', ...fields }) as Record<string, unknown>);
    let refusedLocally = 0;
    const toSend = inputs.filter((input) => {
      if (validateOrder(draftOf(input), market) === null) return true;
      refusedLocally += 1;
      return refusedLocally % REFUSED_SAMPLE_EVERY === 0;
    });
    const problems: string[] = [];
    let forwarded = 0;
    for (let i = 0; i < toSend.length; i += BATCH) {
      await Promise.all(
        toSend.slice(i, i + BATCH).map(async (input) => {
          const expectLocal = validateOrder(draftOf(input), market) !== null;
          const body = await post(EXECUTE, { input });
          const result = (body.data as { executeOrder?: Answer } | null)?.executeOrder;
          if (!result) return problems.push(`${JSON.stringify(input)} → ${JSON.stringify(body.errors)}`);
          const local = result.code == null; // gateway-side refusals carry no exchange code
          if (expectLocal) {
            if (result.__typename !== 'InvalidOrder' || !local)
              problems.push(`${JSON.stringify(input)} → expected a local InvalidOrder, got ${result.__typename}`);
            return;
          }
          forwarded += 1;
          if (result.__typename === 'ExecuteOrderSuccess' || ACCOUNT_STATE.has(result.__typename)) return;
          problems.push(`${JSON.stringify(input)} → ${result.__typename} ${result.code ?? ''} ${result.message ?? ''}`);
        }),
      );
    }
    expect(problems).toEqual([]);
    // The property said something about real exchange answers and about local refusals.
    expect(forwarded).toBeGreaterThan(RUNS / 8);
    expect(refusedLocally).toBeGreaterThan(RUNS / 4);
  }, 120_000);
});
