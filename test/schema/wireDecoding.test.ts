import { execute, parse } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CachedExchange } from '../../src/exchange/cache.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { createContext } from '../../src/schema/context.ts';
import { schema } from '../../src/schema/index.ts';
import { startStubExchange, type StubExchange } from '../support/stubExchange.ts';

let stub: StubExchange;
beforeEach(async () => {
  stub = await startStubExchange();
  stub.route('GET /api/v1/markets', {
    replies: [{ text: '[{"symbol":"SOL_USDC","baseSymbol":"SOL","quoteSymbol":"USDC","marketType":"SPOT"}]' }],
  });
});
afterEach(async () => {
  await stub.close();
});

async function run(query: string) {
  const warnings: { details: object; message: string }[] = [];
  const exchange = new CachedExchange(new BackpackRest({ baseUrl: stub.url, maxRetries: 0 }));
  const context = createContext({
    exchange,
    account: null,
    wireWarnings: { warn: (details, message) => warnings.push({ details, message }) },
  });
  const result = await execute({ schema, document: parse(query), contextValue: context });
  return { result, warnings };
}

describe('tolerant wire decoding through GraphQL', () => {
  it('keeps exact decimal text and wide ids from JSON numbers, and reads digit-string and µs times', async () => {
    stub.route('GET /api/v1/trades', {
      replies: [
        {
          text:
            '[{"id":112233445566778899001,"price":1.10,"quantity":"2","quoteQuantity":2.20,' +
            '"timestamp":"1788285151083","isBuyerMaker":true},' +
            '{"id":7,"price":"1.1","quantity":3,"quoteQuantity":"3.3","timestamp":1788285151083000,"isBuyerMaker":false}]',
        },
      ],
    });
    const { result, warnings } = await run(
      '{ recentTrades(symbol: "SOL_USDC") { id price quantity quoteQuantity timestamp } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.recentTrades).toEqual([
      {
        id: '112233445566778899001',
        price: '1.10',
        quantity: '2',
        quoteQuantity: '2.20',
        timestamp: '2026-09-01T17:52:31.083Z',
      },
      { id: '7', price: '1.1', quantity: '3', quoteQuantity: '3.3', timestamp: '2026-09-01T17:52:31.083000Z' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('answers null for an undecodable value with one warning naming field and endpoint; the rest resolves', async () => {
    stub.route('GET /api/v1/trades', {
      replies: [
        {
          text: '[{"id":1,"price":"100.5","quantity":"2","quoteQuantity":"201","timestamp":"last tuesday","isBuyerMaker":true}]',
        },
      ],
    });
    const { result, warnings } = await run('{ recentTrades(symbol: "SOL_USDC") { id price timestamp isBuyerMaker } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.recentTrades).toEqual([{ id: '1', price: '100.5', timestamp: null, isBuyerMaker: true }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.details).toMatchObject({ field: 'Trade.timestamp', endpoint: 'GET /api/v1/trades' });
  });

  it('names the depth endpoint for an undecodable level or book time in an order book', async () => {
    stub.route('GET /api/v1/depth', {
      replies: [
        {
          text:
            '{"bids":[["99.5","1"],["99.9","oops"]],"asks":[["100.1","2"]],' +
            '"lastUpdateId":"7","timestamp":"last tuesday"}',
        },
      ],
    });
    const { result, warnings } = await run(
      '{ orderBook(symbol: "SOL_USDC", depth: 5) { bids { price quantity } asks { price } timestamp } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.orderBook).toEqual({
      bids: [
        { price: '99.9', quantity: null },
        { price: '99.5', quantity: '1' },
      ],
      asks: [{ price: '100.1' }],
      timestamp: null,
    });
    expect(warnings.map((warning) => warning.details)).toEqual([
      expect.objectContaining({ field: 'PriceLevel.quantity', endpoint: 'GET /api/v1/depth' }),
      expect.objectContaining({ field: 'OrderBook.timestamp', endpoint: 'GET /api/v1/depth' }),
    ]);
  });
});
