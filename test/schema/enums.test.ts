import { graphql, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlValueName } from '../../src/schema/enums.ts';
import { schema } from '../../src/schema/index.ts';

describe('wire enums', () => {
  it('gets GraphQL names for every wire spelling', () => {
    expect(graphqlValueName('1m')).toBe('ONE_MINUTE');
    expect(graphqlValueName('15m')).toBe('FIFTEEN_MINUTES');
    expect(graphqlValueName('1month')).toBe('ONE_MONTH');
    expect(graphqlValueName('1year')).toBe('ONE_YEAR');
    expect(graphqlValueName('0G')).toBe('ZERO_G');
    expect(graphqlValueName('HyperEVM')).toBe('HYPER_EVM');
    expect(graphqlValueName('PartiallyFilled')).toBe('PARTIALLY_FILLED');
    expect(graphqlValueName('xRP')).toBe('XRP');
    expect(graphqlValueName('GTC')).toBe('GTC');
    expect(graphqlValueName('CulledRealizePnlBookUtilisation')).toBe('CULLED_REALIZE_PNL_BOOK_UTILISATION');
  });

  it('maps each GraphQL value back to its exact wire value', () => {
    const kline = schema.getType('KlineInterval') as GraphQLEnumType;
    expect(kline.getValue('ONE_MONTH')?.value).toBe('1month');
    expect((schema.getType('Blockchain') as GraphQLEnumType).getValue('ZERO_G')?.value).toBe('0G');
    expect((schema.getType('Side') as GraphQLEnumType).getValue('BID')?.value).toBe('Bid');
  });

  it('serves wire values it does not know as UNKNOWN instead of failing', () => {
    const side = schema.getType('Side') as GraphQLEnumType;
    expect(side.serialize('Bid')).toBe('BID');
    expect(side.serialize('Sideways')).toBe('UNKNOWN');
    const reason = schema.getType('OrderExpiryReason') as GraphQLEnumType;
    expect(reason.serialize('Unknown')).toBe('UNKNOWN');
  });

  it('rejects UNKNOWN as input, since it cannot be sent to the exchange', async () => {
    const result = await graphql({ schema, source: '{ tickers(interval: UNKNOWN) { symbol } }', contextValue: {} });
    expect(result.errors?.[0]?.message).toMatch(/output-only/);
  });
});
